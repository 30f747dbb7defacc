"""Rules every page model follows: a factory, explicit template and tree rules, help text."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, get_page_models

from home.models.pages import PreviewedAsServedMixin

PROJECT_APPS = {"home", "stories", "testimonials", "states", "actions"}


def project_page_models():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS]


def factories_for(app_label: str):
    module = importlib.import_module(f"{app_label}.factories")
    return [
        getattr(module, name)
        for name in dir(module)
        if hasattr(getattr(module, name), "_meta")
        and getattr(getattr(module, name)._meta, "model", None) is not None
    ]


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_model_has_a_factory(model):
    models_with_factories = {f._meta.model for f in factories_for(model._meta.app_label)}
    assert model in models_with_factories, f"{model.__name__} has no factory in its app"


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_model_declares_template_and_tree_rules(model):
    for attribute in ("template", "parent_page_types", "subpage_types"):
        assert any(attribute in klass.__dict__ for klass in model.__mro__ if klass is not Page), (
            f"{model.__name__} does not declare {attribute}"
        )


def panel_field_names(panels):
    for panel in panels:
        if isinstance(panel, MultiFieldPanel):
            yield from panel_field_names(panel.children)
        elif isinstance(panel, FieldPanel):
            yield panel.field_name
        elif hasattr(panel, "children"):
            yield from panel_field_names(panel.children)


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_field_an_editor_sees_has_help_text(model):
    page_fields = {f.name for f in Page._meta.get_fields()}
    panels = [*model.content_panels, *getattr(model, "promote_panels", [])]
    for name in panel_field_names(panels):
        if name in page_fields:
            continue
        field = model._meta.get_field(name)
        if isinstance(field, models.Field):
            assert str(field.help_text).strip(), f"{model.__name__}.{name} has no help text"


def defines(model, name: str) -> type | None:
    """The first of the project's classes in the model's MRO that defines `name`."""
    return next(
        (
            klass
            for klass in model.__mro__
            if klass.__module__.split(".")[0] in PROJECT_APPS and name in klass.__dict__
        ),
        None,
    )


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_a_page_that_serves_itself_previews_the_same_way(model):
    """Wagtail's preview renders get_template() with get_context(), not serve(): a page whose
    serve() adds to the context (a form, a count) would preview as an error page."""
    if defines(model, "serve") is not None:
        assert defines(model, "serve_preview") is PreviewedAsServedMixin, model.__name__


def panels_of(model) -> list:
    edit_handler = getattr(model, "edit_handler", None)
    if edit_handler is not None:
        return [edit_handler]
    return [
        *getattr(model, "content_panels", []),
        *getattr(model, "promote_panels", []),
        *getattr(model, "panels", []),
    ]


def all_panels(panels):
    for panel in panels:
        yield panel
        yield from all_panels(getattr(panel, "children", []))


def edited_models():
    """Every project model an editor meets in the admin: pages, and models with panels."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and panels_of(model)
    ]


@pytest.mark.parametrize("model", edited_models(), ids=lambda m: m.__name__)
def test_every_label_an_editor_sees_is_translated(model):
    """With the admin in Spanish, a field's label and a panel's heading must be Spanish too: a
    label Django derives from the field's name ("hero image") never is."""
    page_fields = {f.name for f in Page._meta.get_fields()}
    untranslatable = []
    for panel in all_panels(panels_of(model)):
        heading = getattr(panel, "heading", "")
        if heading and not isinstance(heading, Promise):
            untranslatable.append(f"heading {heading!r}")
        name = getattr(panel, "field_name", None)
        if isinstance(panel, FieldPanel) and name and name not in page_fields:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not isinstance(getattr(field, "verbose_name", ""), Promise):
                untranslatable.append(f"field {name}")
    assert untranslatable == [], model.__name__
