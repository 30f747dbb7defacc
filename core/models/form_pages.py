"""What every page with a supporter form shares: the consent wording shown beside the button (and
saved with each submission as what the supporter agreed to) and the thank-you shown after it.

Each page keeps its own wording. A page class sets `<field>_default`, `<field>_help_text`,
`<field>_verbose_name` or (text fields only) `<field>_max_length`, and the page's copy of the
field takes them once the class is ready (`class_prepared`). The columns stay exactly as each page
declared them before the mixins existed, so no migration follows from using them.
"""

from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

# What a page class may set per field, as `<field>_<option>`.
PER_PAGE_OPTIONS = ("default", "help_text", "verbose_name", "max_length")


class ConsentMixin(models.Model):
    """The consent (or privacy) wording shown beside the form's button."""

    consent_text = models.TextField(
        _("consent text"),
        max_length=600,
        help_text=_("Shown beside the button and saved with each submission as what was agreed."),
    )

    class Meta:
        abstract = True


class ThankYouMixin(models.Model):
    """The heading and text shown once the form is sent."""

    thank_you_heading = models.CharField(
        _("thank-you heading"),
        max_length=120,
        help_text=_("Shown after someone sends the form."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        max_length=600,
        help_text=_("Shown after someone sends the form."),
    )

    class Meta:
        abstract = True


MIXIN_FIELDS = {
    ConsentMixin: ("consent_text",),
    ThankYouMixin: ("thank_you_heading", "thank_you_text"),
}


def apply_per_page_options(model: type[models.Model]) -> None:
    for mixin, names in MIXIN_FIELDS.items():
        if not issubclass(model, mixin):
            continue
        for name in names:
            field = model._meta.get_field(name)
            for option in PER_PAGE_OPTIONS:
                value = getattr(model, f"{name}_{option}", None)
                if value is None:
                    continue
                if option == "max_length" and not isinstance(field, models.TextField):
                    # A CharField's length validator is built in its __init__ and would keep
                    # the old length.
                    raise TypeError(f"{model.__name__}.{name}: max_length is set on the mixin")
                setattr(field, option, value)
                if option == "verbose_name":
                    field._verbose_name = value  # what deconstruct() (and so migrations) reads
            # Field caches its default getter; the default may just have changed.
            field.__dict__.pop("_get_default", None)


@receiver(class_prepared)
def _apply_per_page_options(sender, **kwargs):
    # Sent for concrete models only: abstract pages (actions' ActionPage) pass their
    # attributes down to the pages built on them.
    apply_per_page_options(sender)
