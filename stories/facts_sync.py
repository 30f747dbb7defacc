"""A story's facts are the same in every language at once (DESIGN.md, Languages): an outcome or
a court changed and published in English reaches each translation without waiting for a
translator; the story's words are still theirs to translate."""

from core.localization import copy_facts_to_translations

STORY_FACTS = (
    "outcome",
    "decision_year",
    "state_code",
    "harm_type",
    "person_name",
    "case_name",
    "citation",
    "court",
    "circuit",
    "is_sample",
)


def on_story_published(sender, instance=None, **kwargs) -> None:
    if instance is not None:
        copy_facts_to_translations(instance, STORY_FACTS)
