"""The tools the browser tests run on: the browser contexts kept open between tests
(tests/e2e/conftest.py PooledContext) hand each test what a new context would, with no tabs,
cookies, permissions, stored data or cached pages an earlier test left behind; and the Nu HTML
checker, run the quick way, still finds what is wrong."""

from tests.e2e.conftest import PooledContext
from tests.e2e.helpers import nu_errors

PERMISSION = "navigator.permissions.query({name: 'geolocation'}).then((p) => p.state)"


def test_a_reset_context_keeps_nothing_of_the_test_before(browser, live_site):
    pooled = PooledContext(browser, 360, True, "en-US")
    try:
        page = pooled.new_page()
        page.goto(live_site.url + "/en/")
        first = page.evaluate("document.documentElement.outerHTML.length")
        fresh = page.evaluate(PERMISSION)
        page.evaluate("localStorage.setItem('remembered', 'Ana'); document.cookie = 'seen=1'")
        # A cookie of a site that stored nothing, as a server-side session would leave.
        pooled.context.add_cookies(
            [{"name": "sessionid", "value": "1", "url": "http://localhost/"}]
        )
        pooled.context.grant_permissions(["geolocation"], origin=live_site.url)
        assert page.evaluate(PERMISSION) == "granted"
        # The same server under a second origin, in a second tab (as the petition journeys
        # open one): what each origin stored goes.
        other = live_site.url.replace("127.0.0.1", "localhost")
        tab = pooled.context.new_page()
        tab.goto(other + "/en/")
        tab.evaluate("localStorage.setItem('remembered', 'Ana')")
        pooled.reset()

        assert pooled.context.pages == [pooled.keeper]
        assert pooled.context.cookies() == []
        page = pooled.new_page()
        served = []
        page.on("response", lambda response: served.append(response.status))
        page.goto(live_site.url + "/en/")
        assert page.evaluate("localStorage.getItem('remembered')") is None
        assert page.evaluate(PERMISSION) == fresh != "granted"
        assert page.evaluate("document.documentElement.outerHTML.length") == first
        # The page came from the server again, not from the cache an earlier test filled.
        assert served[0] == 200
        assert page.evaluate("performance.getEntriesByType('navigation')[0].transferSize") > 0
        page.goto(other + "/en/")
        assert page.evaluate("localStorage.getItem('remembered')") is None
    finally:
        pooled.context.close()


def test_the_nu_checker_as_run_here_still_reports_errors(tmp_path):
    """The checker runs with the quick compiler and a larger stack (tests/e2e/helpers.py
    NU_JAVA): it still reads a deep page and names what is wrong with a bad one."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p><div>x</div></p><img src="a.png"></body></html>'
    )
    deep = tmp_path / "deep.html"
    deep.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        + "<div>" * 400
        + "deep"
        + "</div>" * 400
        + "</body></html>"
    )
    errors = nu_errors([bad, deep])
    assert any("No “p” element in scope" in error for error in errors), errors
    assert any("alt" in error for error in errors), errors
    assert not [error for error in errors if error.startswith("deep.html")], errors
