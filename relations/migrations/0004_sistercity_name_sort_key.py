"""The Thai name order of the sister-city directory, stored and indexed (was sorted in Python each time)."""

from django.db import migrations, models

from relations.models import thai_sort_column


def fill_name_sort_keys(apps, schema_editor):
    SisterCity = apps.get_model("relations", "SisterCity")
    cities = list(SisterCity.objects.only("pk", "name_th"))
    for city in cities:
        city.name_sort_key = thai_sort_column(city.name_th or "")
    SisterCity.objects.bulk_update(cities, ["name_sort_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0003_checked_uploads"),
    ]

    operations = [
        migrations.AddField(
            model_name="sistercity",
            name="name_sort_key",
            field=models.CharField(default="", editable=False, max_length=1806, verbose_name="Thai sort key"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_sort_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="sistercity",
            index=models.Index(fields=["name_sort_key", "sort_order", "id"], name="sistercity_thai_name_order"),
        ),
    ]
