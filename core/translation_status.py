"""What a translation still shows in the source language, named as the translator sees it: the
field's label and the tab it is on in the translation editor (wagtail-localize's own message
after publishing says only "with missing translations - see below", and the slug it usually
means is on the Promote tab, out of sight)."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from wagtail.admin.panels import FieldPanel, Panel, TabbedInterface
from wagtail_localize.models import StringSegment, Translation


@dataclass(frozen=True)
class UntranslatedField:
    label: str
    tab: str  # "" when the object's editor has no tabs
    count: int  # how many of the field's segments (paragraphs, list items) are untranslated


def _panel_tabs(model) -> dict[str, str]:
    """Each field name in the model's editor -> the heading of the tab it is on."""
    get_edit_handler = getattr(model, "get_edit_handler", None)
    if get_edit_handler is None:
        return {}
    handler = get_edit_handler()
    tabs = handler.children if isinstance(handler, TabbedInterface) else [handler]
    found: dict[str, str] = {}

    def walk(panel: Panel, heading: str) -> None:
        if isinstance(panel, FieldPanel):
            found.setdefault(panel.field_name, heading)
        for child in getattr(panel, "children", ()):
            walk(child, heading)

    for tab in tabs:
        walk(tab, str(tab.heading) if len(tabs) > 1 else "")
    return found


def _label(model, field_name: str) -> str:
    try:
        label = str(model._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        label = field_name.replace("_", " ")
    return label[:1].upper() + label[1:]


def untranslated_fields(translation: Translation) -> list[UntranslatedField]:
    """The fields with segments not yet translated into the translation's language, in the
    order the editor shows them."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("context")
        .order_by("order")
    )
    counts: dict[str, int] = {}
    for segment in segments:
        field_name = segment.context.path.split(".", 1)[0]
        counts[field_name] = counts.get(field_name, 0) + 1
    if not counts:
        return []
    model = translation.source.specific_content_type.model_class()
    tabs = _panel_tabs(model)
    return [
        UntranslatedField(label=_label(model, name), tab=tabs.get(name, ""), count=count)
        for name, count in counts.items()
    ]
