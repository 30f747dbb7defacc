"""The translation editor's list of what is still untranslated (core/translation_status.py)."""

from django import template

from core.translation_status import untranslated_fields

register = template.Library()


@register.inclusion_tag("core/admin/untranslated_fields.html")
def untranslated_notice(translation, instance=None):
    return {
        "fields": untranslated_fields(translation) if translation else [],
        # A page made by "Translate this page" waits as a draft until someone publishes it.
        "draft": instance is not None and getattr(instance, "live", True) is False,
        "language": translation.target_locale.get_display_name() if translation else "",
    }
