"""Thai alphabetical order from a real collation (iad_site.core.collation) instead of the stored name_sort_key.

On PostgreSQL the orders of the city directory by Thai name and of the embassy directory by country are read
from indexes on the collated names, which ORDER BY name_th COLLATE "th-TH-x-icu" uses. They are made here, on
PostgreSQL only: on SQLite an index naming the collation would make every program that opens the database
(the sqlite3 shell, a backup tool) fail for want of it, and SQLite sorts a few hundred names quickly enough.
"""

from django.db import migrations
from django.db.models.functions import Collate

# iad_site.core.collation.THAI_COLLATION, written out: a migration keeps meaning what it meant when it was made.
THAI_COLLATION = "th-TH-x-icu"

CREATE = [
    f'CREATE INDEX country_name_order ON relations_country ((name_th COLLATE "{THAI_COLLATION}"), id)',
    "CREATE INDEX sistercity_thai_name_order "
    f'ON relations_sistercity ((name_th COLLATE "{THAI_COLLATION}"), sort_order, id)',
]
DROP = [
    "DROP INDEX IF EXISTS sistercity_thai_name_order",
    "DROP INDEX IF EXISTS country_name_order",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_collation WHERE collname = %s", [THAI_COLLATION])
        if cursor.fetchone() is None:
            raise RuntimeError(
                f'PostgreSQL has no collation "{THAI_COLLATION}", which the site sorts Thai names with: '
                "it comes with PostgreSQL built with ICU (Debian's and the official packages are)."
            )
    for statement in CREATE:
        schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0006_country_name_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="sistercity", name="sistercity_thai_name_order"),
        migrations.RemoveField(model_name="sistercity", name="name_sort_key"),
        migrations.RemoveIndex(model_name="country", name="country_name_order"),
        migrations.AlterModelOptions(
            name="country",
            options={
                "ordering": [Collate("name_th", THAI_COLLATION), "pk"],
                "verbose_name": "country",
                "verbose_name_plural": "countries",
            },
        ),
        migrations.AlterModelOptions(
            name="embassy",
            options={
                "ordering": [Collate("country__name_th", THAI_COLLATION), "country_id"],
                "verbose_name": "embassy",
                "verbose_name_plural": "embassies",
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
