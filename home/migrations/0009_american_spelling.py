"""American spelling in names (issue 21): the site settings' organisation_name and
organisation_name_language become organization_name and organization_name_language. The columns
are renamed in place; every row keeps its values. Site settings have no revisions or translation
sources, so nothing else holds the old names."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_site_name_language"),
    ]

    operations = [
        migrations.RenameField(
            model_name="sitesettings",
            old_name="organisation_name",
            new_name="organization_name",
        ),
        migrations.RenameField(
            model_name="sitesettings",
            old_name="organisation_name_language",
            new_name="organization_name_language",
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="organization_name",
            field=models.CharField(
                default="End Qualified Immunity",
                help_text="The campaign's name as shown in the header, footer and emails.",
                max_length=120,
                verbose_name="organization name",
            ),
        ),
    ]
