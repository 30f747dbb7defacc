"""Grow the demo's story archive to N case stories per language, for bench/stories.py.

    DATABASE_URL=... python bench/grow_stories.py 3000

Every story it adds holds the common word in its summary ("police" in English, "policía" in
Spanish), so a search for it matches the whole archive; exactly one added story per language
holds the rare word, in its title. Spanish stories are written straight into the Spanish index
(as the translations of a large archive would be) rather than through wagtail-localize, which
would make the bench slower without changing what is measured. Stories already there count, so
16, then 300, then 3,000 grows one archive. The search index is built once at the end, as after
`manage.py demo`.
"""

import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from core.search_index import build_index_now  # noqa: E402
from stories.choices import Circuit, HarmType, Outcome  # noqa: E402
from stories.models import CaseStoryPage, StoryIndexPage  # noqa: E402

COMMON = {"en": "police", "es": "policía"}
RARE = {"en": "zephyrine", "es": "zefirina"}
WORDS = {
    "en": "officer stop traffic door home search arrest force jury court appeal street night "
    "neighbor warrant claim judge family car window yard phone dog knee wall",
    "es": "agente parada tráfico puerta casa registro arresto fuerza jurado tribunal apelación "
    "calle noche vecino orden demanda juez familia coche ventana patio teléfono perro",
}
STATES = ["TX", "CO", "NM", "CA", "NY", "GA", "OH", "MN", "WA", "FL"]


def story(language: str, number: int, rng: random.Random) -> CaseStoryPage:
    words = WORDS[language].split()
    title_words = rng.sample(words, 4)
    if number == 1:
        title_words[1] = RARE[language]
    title = " ".join(title_words).capitalize()
    summary = " ".join(rng.choice(words) for _ in range(30))
    summary = f"{summary} {COMMON[language]} {' '.join(rng.sample(words, 10))}."
    published = timezone.now() - datetime.timedelta(days=number)
    return CaseStoryPage(
        title=f"{title} ({number})",
        slug=f"bench-{language}-{number}",
        is_sample=True,
        person_name=f"Sample Person {number}",
        case_name=f"Sample v. Officer {number}",
        court="U.S. Court of Appeals",
        circuit=rng.choice(list(Circuit)),
        decision_year=rng.randint(2005, 2025),
        state_code=rng.choice(STATES),
        harm_type=rng.choice(list(HarmType)),
        outcome=rng.choice(list(Outcome)),
        summary=summary,
        first_published_at=published,
        last_published_at=published,
    )


def grow(total: int) -> None:
    started = timezone.now()
    rng = random.Random(20)
    for language in ("en", "es"):
        locale = Locale.objects.get(language_code=language)
        index = StoryIndexPage.objects.get(locale=locale)
        have = CaseStoryPage.objects.child_of(index).count()
        added = CaseStoryPage.objects.child_of(index).filter(slug__startswith="bench-").count()
        with transaction.atomic():
            for number in range(added + 1, added + 1 + max(0, total - have)):
                page = story(language, number, rng)
                page.locale = locale
                index.add_child(instance=page)
                index.refresh_from_db(fields=["numchild"])
    replaced, entries = build_index_now(started)
    print(f"{total} stories per language; search index: {entries} entries ({replaced} updates)")


if __name__ == "__main__":
    grow(int(sys.argv[1]))
