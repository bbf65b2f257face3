"""Width and height stored with each organisation chart, so pages no longer open the file to learn them.

Rows saved before get the numbers of their file here, each file read once; a file missing from the media
folder (or not an image) leaves them empty, and its page gives the <img> no size, as it did before.
"""

from django.db import migrations, models

import iad_site.core.uploads
from iad_site.core.uploads import stored_image_dimensions


def store_dimensions(apps, schema_editor):
    model = apps.get_model("pages", "OrganisationChart")
    storage = model._meta.get_field("image").storage
    rows = model._default_manager.using(schema_editor.connection.alias).exclude(image="")
    for pk, name in list(rows.values_list("pk", "image")):
        width, height = stored_image_dimensions(storage, name)
        if width and height:
            rows.filter(pk=pk).update(image_width=width, image_height=height)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_static_page_help_in_plain_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationchart",
            name="image_height",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="image height"),
        ),
        migrations.AddField(
            model_name="organisationchart",
            name="image_width",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="image width"),
        ),
        migrations.AlterField(
            model_name="organisationchart",
            name="image",
            field=iad_site.core.uploads.ResponsiveImageField(
                blank=True,
                height_field="image_height",
                help_text="Optional. A PNG or JPEG of the chart.",
                upload_to="charts/",
                verbose_name="image",
                width_field="image_width",
            ),
        ),
        migrations.RunPython(store_dimensions, migrations.RunPython.noop),
    ]
