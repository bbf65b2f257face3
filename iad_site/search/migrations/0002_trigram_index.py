"""On PostgreSQL, a trigram index (pg_trgm) for the search's substring matches (`tokens LIKE '%word%'`),
which otherwise read every row of the index. Nothing on SQLite, which has no such index. A database
made before search became an app has them already (IF NOT EXISTS)."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_doc_tokens_trgm ON iad_site_searchdocument USING gin (tokens gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_doc_title_tokens_trgm "
    "ON iad_site_searchdocument USING gin (title_tokens gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_doc_tokens_trgm",
    "DROP INDEX IF EXISTS search_doc_title_tokens_trgm",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP)),
    ]
