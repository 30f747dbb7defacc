"""American spelling in names (actions 0010, home 0009): a database with petitions, their
organizations, revisions, a translation source, reference-index rows, site settings and a group's
permissions migrates back to the old names and forward again, and keeps every row."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ReferenceIndex, Revision
from wagtail_localize.models import TranslationSource

from actions.factories import OrganizationFactory, PetitionPageFactory
from actions.models import PetitionOrganization
from home.models import SiteSettings

# Reads Wagtail's indexes, kept as in production (tests/conftest.py).
pytestmark = pytest.mark.indexes

BEFORE = [("actions", "0009_organisation_name_language"), ("home", "0008_site_name_language")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def organizations_in(content: dict, relation: str, field: str) -> list[int]:
    return [child[field] for child in content[relation]]


# serialized_rollback: put back what migrations created (groups, workflow, content types).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_spelling_migrations_keep_rows_revisions_and_permissions(home_page):
    petition = PetitionPageFactory(parent=home_page, title="End QI", slug="petition")
    partners = [OrganizationFactory(name=f"Partner {n}", source_code=f"p-{n}") for n in range(2)]
    for partner in partners:
        PetitionOrganization.objects.create(page=petition, organization=partner)
    revision = petition.save_revision()
    revision.publish()
    source, _ = TranslationSource.get_or_create_from_instance(petition)
    ReferenceIndex.create_or_update_for_object(petition)
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.organization_name = "Fin de la inmunidad"
    site_settings.organization_name_language = "es"
    site_settings.save()
    group = Group.objects.create(name="Partner editors")
    group.permissions.add(Permission.objects.get(codename="change_petitionorganization"))
    partner_ids = [p.pk for p in partners]

    old = migrate(BEFORE)
    try:
        # Wagtail's, wagtail-localize's and auth's tables stay where they are: their rows are
        # read with today's models, the renamed ones with the historical models.
        links = old.get_model("actions", "PetitionOrganisation").objects.order_by("pk")
        assert [link.organisation_id for link in links] == partner_ids
        content = Revision.objects.get(pk=revision.pk).content
        assert organizations_in(content, "participating_organisations", "organisation") == (
            partner_ids
        )
        stored = json.loads(TranslationSource.objects.get(pk=source.pk).content_json)
        assert organizations_in(stored, "participating_organisations", "organisation") == (
            partner_ids
        )
        old_group = Group.objects.get(pk=group.pk)
        assert list(old_group.permissions.values_list("codename", flat=True)) == [
            "change_petitionorganisation"
        ]
        paths = ReferenceIndex.objects.filter(
            model_path="participating_organisations.item.organisation"
        )
        assert paths.count() == 2
        settings_row = old.get_model("home", "SiteSettings").objects.get(pk=site_settings.pk)
        assert (settings_row.organisation_name, settings_row.organisation_name_language) == (
            "Fin de la inmunidad",
            "es",
        )
    finally:
        migrate(latest())

    assert [
        link.organization_id for link in PetitionOrganization.objects.order_by("pk")
    ] == partner_ids
    revision.refresh_from_db()
    assert organizations_in(revision.content, "participating_organizations", "organization") == (
        partner_ids
    )
    # A draft or an old revision brings its organizations back.
    restored = revision.as_object()
    assert [link.organization_id for link in restored.participating_organizations.all()] == (
        partner_ids
    )
    source.refresh_from_db()
    assert [
        link.organization_id for link in source.as_instance().participating_organizations.all()
    ] == partner_ids
    # The reference index is what Wagtail itself would write now.
    want = {
        (str(ct), str(pk), model_path, content_path)
        for ct, pk, model_path, content_path in ReferenceIndex._extract_references_from_object(
            petition
        )
    }
    have = {
        (str(row.to_content_type_id), row.to_object_id, row.model_path, row.content_path)
        for row in ReferenceIndex.objects.filter(
            base_content_type=petition.get_base_content_type(), object_id=str(petition.pk)
        )
    }
    assert want == have
    assert all(
        row.content_path_hash == ReferenceIndex._get_content_path_hash(row.content_path)
        for row in ReferenceIndex.objects.all()
    )
    assert list(Group.objects.get(pk=group.pk).permissions.values_list("codename", flat=True)) == [
        "change_petitionorganization"
    ]
    assert not Permission.objects.filter(codename__contains="organisation").exists()
    assert not Permission.objects.filter(name__contains="organisation").exists()
    site_settings = SiteSettings.objects.get(pk=site_settings.pk)
    assert (site_settings.organization_name, site_settings.organization_name_language) == (
        "Fin de la inmunidad",
        "es",
    )
