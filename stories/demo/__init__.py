"""Demo content for stories/: the story and news indexes, sample case stories and news, each in
English with a Spanish translation made through wagtail-localize. Idempotent: pages are found by
slug under their index and only what is missing is created or translated."""

import textwrap

from wagtail.models import Locale

from core.demo_content import child_page, ensure_translated, illustration
from core.us_states import state_name, state_name_in
from home.models import HomePage
from stories.demo.cases import CASES
from stories.demo.news import NEWS, NEWS_INDEX, STORY_INDEX
from stories.demo.phrases import tr
from stories.models import CaseStoryPage, NewsIndexPage, NewsPage, NewsRelatedStory, StoryIndexPage

OUTCOME_COLOURS = {
    "qi-granted": (114, 28, 22),
    "qi-denied": (20, 84, 45),
    "pending": (7, 42, 102),
    "settled": (60, 60, 60),
    "other": (72, 40, 110),
}


def load_stories(index: StoryIndexPage, stdout) -> dict[str, CaseStoryPage]:
    stories = {}
    for case in CASES:
        fields = {key: value for key, value in case.items() if key != "sources"}
        existing = CaseStoryPage.objects.child_of(index).filter(slug=case["slug"]).first()
        state, year = state_name(case["state_code"]), case["decision_year"]
        # The card fits about 32 characters: a longer case name is cut between words.
        lines = [textwrap.shorten(case["case_name"], 32, placeholder="…"), f"{state}, {year}"]
        # The page's copy of the image's alt text, which the Spanish page translates.
        alt = tr(", ".join(lines), f"{lines[0]}, {state_name_in(case['state_code'], 'es')}, {year}")
        if existing is None:
            image = illustration(
                f"Sample illustration: {case['case_name']}", lines, OUTCOME_COLOURS[case["outcome"]]
            )
            fields.update(hero_image=image, hero_image_alt=alt, sources=case["sources"])
        stories[case["slug"]] = child_page(index, CaseStoryPage, fields, stdout, is_sample=True)
    return stories


def load_news(index: NewsIndexPage, stories: dict[str, CaseStoryPage], stdout) -> list[NewsPage]:
    pages = []
    for item in NEWS:
        fields = {key: value for key, value in item.items() if key != "related"}
        page = NewsPage.objects.child_of(index).filter(slug=item["slug"]).first()
        if page is None:
            links = [
                NewsRelatedStory(story=stories[slug], sort_order=order)
                for order, slug in enumerate(item["related"])
            ]
            page = NewsPage(**fields, is_sample=True, related_story_links=links)
            page = index.add_child(instance=page)
            page.save_revision().publish()
            page.refresh_from_db()
            stdout.write(f"  created {item['title']!r}")
        pages.append(page)
    return pages


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    share_image = illustration(
        "Sample illustration: No one is above the law",
        ["No one is above the law", "End qualified immunity"],
        (7, 42, 102),
    )
    story_index = child_page(
        home, StoryIndexPage, STORY_INDEX, stdout, show_in_menus=True, share_image=share_image
    )
    news_index = child_page(
        home, NewsIndexPage, NEWS_INDEX, stdout, show_in_menus=True, share_image=share_image
    )
    stories = load_stories(story_index, stdout)
    news = load_news(news_index, stories, stdout)
    # Indexes first: a translated page needs its parent translated.
    for page in [story_index, news_index, *stories.values(), *news]:
        ensure_translated(page, tr, stdout)
