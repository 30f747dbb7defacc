"""The browser contexts kept open between tests (tests/e2e/conftest.py PooledContext) hand each
test what a new context would: no tabs, cookies, permissions, stored data or cached pages that an
earlier test left behind."""

from tests.e2e.conftest import PooledContext

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
        pooled.context.new_page()  # a second tab, as the petition journeys open
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
    finally:
        pooled.context.close()
