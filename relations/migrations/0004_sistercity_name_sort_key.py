"""The Thai name order of the sister-city directory, stored and indexed (was sorted in Python each time).

Migration 0007 replaced the stored key with a collation and drops the column: the step that filled it with
the hand-written key (relations.models.thai_sort_column, removed then) is gone, so that the migrations still
run from an empty database; the column is empty between the two.
"""

from django.db import migrations, models


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
        migrations.AddIndex(
            model_name="sistercity",
            index=models.Index(fields=["name_sort_key", "sort_order", "id"], name="sistercity_thai_name_order"),
        ),
    ]
