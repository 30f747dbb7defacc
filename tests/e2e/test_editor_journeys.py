"""Comms staff's journeys in the Wagtail admin, in Chromium at 1400 px (issue 19): a story
created, previewed in the side panel, translated and published without Spanish going live
early; a scorecard mark changed in English that shows in Spanish at once; signatures exported
from a labelled button into columns a person can read."""

import csv
import datetime
import io
import re
import time
import urllib.error
import urllib.request

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.helpers import log_in_to_admin

WIDTH = 1400


def status_of(url: str) -> int:
    """What an anonymous visitor gets (no cookie, so never the editor's view)."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def admin_id(page, live_site, path: str) -> str:
    """The admin id of the page at `path`, from the user bar's edit link, as an editor finds it."""
    page.goto(live_site(path))
    href = page.locator("wagtail-userbar a[href$='/edit/']").first.get_attribute("href")
    return re.search(r"/pages/(\d+)/edit/", href).group(1)


def translate_segment(page, english: str, spanish: str) -> None:
    """In wagtail-localize's translation editor: open the segment, type, save."""
    segment = page.locator("li", has_text=english).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(spanish)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def create_publish_and_translate_story(page, live_site) -> tuple[str, str]:
    index = admin_id(page, live_site, "/en/stories/")
    slug = f"journey-{int(time.time() * 1000)}"
    title = f"Tased in his own driveway ({slug})"
    page.goto(live_site(f"/admin/pages/add/stories/casestorypage/{index}/"))
    page.fill("#id_title", title)
    page.fill("#id_summary", "Officers tased a man in his driveway; the court held them immune.")
    page.select_option("#id_state_code", "TX")
    page.select_option("#id_harm_type", index=1)
    page.select_option("#id_outcome", index=1)
    page.fill("#id_case_name", "Sample v. Officers")
    page.fill("#id_court", "U.S. Court of Appeals for the Fifth Circuit")
    page.select_option("#id_circuit", index=1)
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", slug)
    page.get_by_role("tab", name="Content").click()

    # The side panel shows the page as visitors will see it, before anything is saved.
    page.click("button[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(title, timeout=15000)

    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("published")
    assert status_of(live_site(f"/en/stories/{slug}/")) == 200

    # Translate this page → Español → Submit.
    story = admin_id(page, live_site, f"/en/stories/{slug}/")
    page.goto(live_site(f"/admin/pages/{story}/edit/"))
    page.locator("header .w-dropdown__toggle").first.click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    return title, slug


def test_a_story_is_created_previewed_translated_and_published(editing_site, open_page):
    live_site = editing_site
    page = open_page(width=WIDTH)
    log_in_to_admin(page, live_site)
    title, slug = create_publish_and_translate_story(page, live_site)

    # The Spanish page waits as a draft: no visitor sees English words at a Spanish address.
    notice = page.locator(".untranslated-fields")
    expect(notice).to_contain_text("Not live in Español yet")
    expect(notice).to_contain_text("Slug (on the Promote tab)")
    assert status_of(live_site(f"/es/historias/{slug}/")) == 404
    with urllib.request.urlopen(live_site("/es/historias/")) as response:
        assert title not in response.read().decode()

    spanish_title = f"Electrocutado en la entrada de su casa ({slug})"
    translate_segment(page, title, spanish_title)
    page.get_by_role("tab", name="Promote").click()
    translate_segment(page, slug, f"caso-{slug}")
    page.get_by_role("button", name="Publish in Español").click()
    expect(page.locator(".messages")).to_contain_text("Published")
    expect(notice).not_to_contain_text("Slug")

    visitor = open_page(width=360, language="es-ES")
    visitor.goto(live_site(f"/es/historias/caso-{slug}/"))
    expect(visitor.locator("h1")).to_have_text(spanish_title)
    assert visitor.locator("html").get_attribute("lang") == "es"


def score_on(url: str) -> str:
    """The score a visitor reads on a state page ("0.5 of 9", "0,5 de 9")."""
    with urllib.request.urlopen(url) as response:
        html = response.read().decode()
    return re.search(r'<meta name="description" content="[^:]+: ([\d.,]+ (?:of|de) 9)', html).group(
        1
    )


def test_a_mark_changed_in_english_shows_in_spanish_at_once(editing_site, open_page):
    live_site = editing_site
    english, spanish = "/en/scorecard/alabama/", "/es/evaluacion-por-estado/alabama/"
    before = score_on(live_site(spanish))
    page = open_page(width=WIDTH)
    log_in_to_admin(page, live_site)
    page.goto(live_site(f"/admin/pages/{admin_id(page, live_site, english)}/edit/"))
    # The first criterion the research marks "not met" (it has its source and date) becomes met.
    status = page.locator("select[name^='assessments-'][name$='-status']").first
    expect(status).to_have_value("not_met")
    status.select_option("met")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("published")

    # No "Sync translated pages", no translator: the Spanish page, map and ranking have it now.
    after = score_on(live_site(spanish))
    assert (
        float(after.split()[0].replace(",", ".")) == float(before.split()[0].replace(",", ".")) + 1
    )
    assert score_on(live_site(english)).split()[0] == after.split()[0].replace(",", ".")
    with urllib.request.urlopen(live_site("/es/evaluacion-por-estado/")) as response:
        ranking = response.read().decode()
    assert re.search(rf"Alabama.{{0,400}}{re.escape(after.split()[0])}", ranking, re.S)


def test_signatures_export_from_a_labelled_button_with_readable_columns(live_site, open_page):
    page = open_page(width=WIDTH)
    log_in_to_admin(page, live_site)
    page.goto(live_site("/admin/signature/"))
    listed_first = page.locator("tbody tr").first.locator("td").nth(1).inner_text().strip()

    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    text = download.value.path().read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    signed_at = next(column for column in rows[0] if column.startswith("Signed at ("))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[0][signed_at])  # local, to the minute
    assert rows[0]["First name"] == listed_first  # the same order as the listing
    titles = {row["Action (the page signed, in its language)"] for row in rows}
    assert "Tell Congress: end qualified immunity" in titles
    assert {row["Language"] for row in rows} == {"English", "Español"}
    assert all(len(row["State"]) > 2 for row in rows if row["State"])  # names, not codes

    with page.expect_download() as download:
        page.get_by_role("link", name="Export to Excel").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert header == list(rows[0])
    assert isinstance(sheet.cell(row=2, column=1).value, datetime.datetime)


def test_the_admin_in_spanish_with_its_own_guide(editing_site, open_page):
    """The demo's administrator has no first or last name, yet switches the admin to Spanish
    (and back) from Help; labels and the guide follow."""
    live_site = editing_site
    page = open_page(width=WIDTH)
    log_in_to_admin(page, live_site)
    page.get_by_role("button", name="Help").click()
    page.get_by_role("link", name="Admin language · Idioma").click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("El administrador ya está en este idioma.")
    try:
        page.goto(live_site("/en/stories/"))
        story_path = page.locator("main a[href^='/en/stories/']:not([href*='?'])").first
        story = admin_id(page, live_site, story_path.get_attribute("href"))
        page.goto(live_site(f"/admin/pages/{story}/edit/"))
        labels = page.locator("form[data-edit-form]").inner_text()
        missing = [
            words
            for words in ("Imagen principal", "Cuerpo", "Fuentes", "Quién, dónde, qué")
            if words not in labels
        ]
        assert missing == []
        assert [w for w in ("Hero image", "Sources", "Body") if f"\n{w}\n" in labels] == []
        page.get_by_role("button", name="Ayuda").click()
        page.get_by_role("link", name="Guía para editores de este sitio").click()
        expect(page.locator("h1")).to_have_text("Guía para editores")
        expect(page.locator("article h2").first).to_have_text("Traducir una página")
        # The click's navigation is done when the heading shows, not when the images have
        # loaded: wait for the first one to load (or fail) before reading its width.
        screenshot = page.locator("article img").first
        width = screenshot.evaluate(
            """image => image.complete ? image.naturalWidth : new Promise(done => {
                image.addEventListener("load", () => done(image.naturalWidth));
                image.addEventListener("error", () => done(0));
            })"""
        )
        assert width > 0
    finally:
        page.goto(live_site("/admin/language/"))
        page.get_by_label("English").check()
        page.get_by_role("button", name="Guardar").click()
