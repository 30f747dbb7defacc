"""American spelling in names (issue 21): PetitionOrganisation and PledgeOrganisation become
PetitionOrganization and PledgeOrganization, their `organisation` field `organization`, and the
pages' `participating_organisations` `participating_organizations`. Tables and columns are
renamed in place, so every row stays.

The old names are also stored as data, and are rewritten here (and back on the way back):
- content types and the four permissions of each renamed model (migrate's own content-type
  rename only runs under the migrate command, not when a MigrationExecutor is used directly);
- page revisions of petitions and pledges (the child relation and its field, in JSON), so that
  drafts and reverting to an old revision keep their organizations;
- wagtail-localize's source copies of those pages (JSON as text), from which translations sync;
- Wagtail's reference index (model and content paths, and the hash of the content path).
wagtail-localize's segments hold no field names of these models (checked on the demo content).
"""

import json
import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

PAGES = ("petitionpage", "pledgepage")
MODELS = {
    "petitionorganisation": "petitionorganization",
    "pledgeorganisation": "pledgeorganization",
}
OLD_RELATION, NEW_RELATION = "participating_organisations", "participating_organizations"
# wagtail.models.ReferenceIndex._get_content_path_hash, copied: a migration keeps working
# whatever the model's code becomes.
CONTENT_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


def rename_in_content(content: dict, forward: bool) -> bool:
    old_relation, new_relation = (OLD_RELATION, NEW_RELATION)[:: 1 if forward else -1]
    old_field, new_field = ("organisation", "organization")[:: 1 if forward else -1]
    if old_relation not in content:
        return False
    children = content.pop(old_relation)
    for child in children or []:
        if isinstance(child, dict) and old_field in child:
            child[new_field] = child.pop(old_field)
    content[new_relation] = children
    return True


def rename_path(path: str, forward: bool) -> str:
    old, new = (
        (f"{OLD_RELATION}.", f"{NEW_RELATION}.")
        if forward
        else (f"{NEW_RELATION}.", f"{OLD_RELATION}.")
    )
    if not path.startswith(old):
        return path
    parts = (new + path[len(old) :]).split(".")
    if parts[-1] == ("organisation" if forward else "organization"):
        parts[-1] = "organization" if forward else "organisation"
    return ".".join(parts)


def rewrite(apps, schema_editor, forward: bool = True):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Revision = apps.get_model("wagtailcore", "Revision")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    swap = (
        (lambda s: s.replace("organisation", "organization"))
        if forward
        else (lambda s: s.replace("organization", "organisation"))
    )

    # Content types and permissions of the two renamed models.
    for old, new in MODELS.items():
        before, after = (old, new) if forward else (new, old)
        types = ContentType.objects.using(db).filter(app_label="actions")
        if not types.filter(model=after).exists():
            types.filter(model=before).update(model=after)
        content_type = types.filter(model=after).first()
        if content_type is None:
            continue
        for permission in Permission.objects.using(db).filter(content_type=content_type):
            permission.codename = swap(permission.codename)
            permission.name = swap(permission.name)[:255]
            permission.save(update_fields=["codename", "name"])
    # Permission names made from Organization's verbose name ("Can add organisation").
    for permission in Permission.objects.using(db).filter(
        content_type__app_label="actions", content_type__model="organization"
    ):
        permission.name = swap(permission.name)
        permission.save(update_fields=["name"])

    page_types = list(ContentType.objects.using(db).filter(app_label="actions", model__in=PAGES))
    if not page_types:
        return  # a fresh database: no pages, nothing stored under the old names

    revisions = Revision.objects.using(db).filter(content_type__in=page_types)
    changed = []
    for revision in revisions.iterator(chunk_size=500):
        if rename_in_content(revision.content, forward):
            changed.append(revision)
        if len(changed) >= 500:
            Revision.objects.using(db).bulk_update(changed, ["content"])
            changed = []
    Revision.objects.using(db).bulk_update(changed, ["content"])

    for source in TranslationSource.objects.using(db).filter(specific_content_type__in=page_types):
        content = json.loads(source.content_json)
        if rename_in_content(content, forward):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])

    relation = OLD_RELATION if forward else NEW_RELATION
    for reference in ReferenceIndex.objects.using(db).filter(
        content_type__in=page_types, model_path__startswith=f"{relation}."
    ):
        reference.model_path = rename_path(reference.model_path, forward)
        reference.content_path = rename_path(reference.content_path, forward)
        reference.content_path_hash = uuid.uuid5(CONTENT_PATH_NAMESPACE, reference.content_path)
        reference.save(update_fields=["model_path", "content_path", "content_path_hash"])


def forwards(apps, schema_editor):
    rewrite(apps, schema_editor, forward=True)


def backwards(apps, schema_editor):
    rewrite(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0010_attribution_share_kit_after_acting"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameModel("PetitionOrganisation", "PetitionOrganization"),
        migrations.RenameModel("PledgeOrganisation", "PledgeOrganization"),
        migrations.RenameField("petitionorganization", "organisation", "organization"),
        migrations.RenameField("pledgeorganization", "organisation", "organization"),
        migrations.AlterField(
            model_name="petitionorganization",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participating_organizations",
                to="actions.petitionpage",
            ),
        ),
        migrations.AlterField(
            model_name="pledgeorganization",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participating_organizations",
                to="actions.pledgepage",
            ),
        ),
        migrations.AlterModelOptions(
            name="organization",
            options={
                "ordering": ["name"],
                "verbose_name": "organization",
                "verbose_name_plural": "organizations",
            },
        ),
        migrations.AlterField(
            model_name="organization",
            name="link",
            field=models.URLField(
                blank=True,
                help_text="The organization's own website (optional).",
                verbose_name="website",
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text="The organization's logo (optional), shown beside its name. Screen readers read the name, so the logo needs no alt text of its own here.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="home.campaignimage",
                verbose_name="logo",
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="name",
            field=models.CharField(
                help_text="The organization's name as it writes it.",
                max_length=120,
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="show_on_home_page",
            field=models.BooleanField(
                default=True,
                help_text="List this organization among the campaign's partners on the home page.",
                verbose_name="show on the home page",
            ),
        ),
        migrations.AlterField(
            model_name="petitionorganization",
            name="organization",
            field=models.ForeignKey(
                help_text="Choose a partner; add new ones under Snippets → Organizations.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="actions.organization",
                verbose_name="organization",
            ),
        ),
        migrations.AlterField(
            model_name="pledgeorganization",
            name="organization",
            field=models.ForeignKey(
                help_text="Choose a partner; add new ones under Snippets → Organizations.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="actions.organization",
                verbose_name="organization",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
