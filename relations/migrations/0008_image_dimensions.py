"""Width and height stored with each photo, so pages no longer open the file to learn them.

Rows saved before get the numbers of their file here, each file read once; a file missing from the media
folder (or not an image) leaves them empty, and its page gives the <img> no size, as it did before.
"""

from django.db import migrations, models

import iad_site.core.uploads
from iad_site.core.uploads import stored_image_dimensions


def store_dimensions(apps, schema_editor):
    alias = schema_editor.connection.alias
    for model_name in ("SisterCity", "Activity"):
        model = apps.get_model("relations", model_name)
        storage = model._meta.get_field("photo").storage
        rows = model._default_manager.using(alias).exclude(photo="")
        for pk, name in list(rows.values_list("pk", "photo")):
            width, height = stored_image_dimensions(storage, name)
            if width and height:
                rows.filter(pk=pk).update(photo_width=width, photo_height=height)


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0007_thai_collation"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="photo_height",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="photo height"),
        ),
        migrations.AddField(
            model_name="activity",
            name="photo_width",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="photo width"),
        ),
        migrations.AddField(
            model_name="sistercity",
            name="photo_height",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="photo height"),
        ),
        migrations.AddField(
            model_name="sistercity",
            name="photo_width",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="photo width"),
        ),
        migrations.AlterField(
            model_name="activity",
            name="photo",
            field=iad_site.core.uploads.ResponsiveImageField(
                blank=True,
                height_field="photo_height",
                help_text="A JPEG, PNG or WebP image of up to 15 MB and 40 megapixels. Location data stored in the file is removed.",
                upload_to="activities/",
                verbose_name="photo",
                width_field="photo_width",
            ),
        ),
        migrations.AlterField(
            model_name="sistercity",
            name="photo",
            field=iad_site.core.uploads.ResponsiveImageField(
                blank=True,
                height_field="photo_height",
                help_text="A JPEG, PNG or WebP image of up to 15 MB and 40 megapixels. Location data stored in the file is removed.",
                upload_to="sister-cities/",
                verbose_name="photo",
                width_field="photo_width",
            ),
        ),
        migrations.RunPython(store_dimensions, migrations.RunPython.noop),
    ]
