"""The search index's table, which the `iad_site` app created (its migrations 0001 and 0002) before search
became an app of its own. A database made before the move already has the table, full of rows: it is kept
as it is, and its content type moves to the new app. A new database gets the table here."""

from django.db import migrations, models

TABLE = "iad_site_searchdocument"


class CreateModelUnlessPresent(migrations.CreateModel):
    """CreateModel whose table is created only where no earlier version of the site created it already."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if TABLE not in schema_editor.connection.introspection.table_names():
            super().database_forwards(app_label, schema_editor, from_state, to_state)


def move_content_type(apps, schema_editor):
    """Keeps the content type (and its permissions) of the old app label instead of leaving it stale."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="search", model="searchdocument").exists():
        ContentType.objects.using(db).filter(app_label="iad_site", model="searchdocument").update(app_label="search")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        CreateModelUnlessPresent(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=30, verbose_name='kind')),
                ('model', models.CharField(max_length=100, verbose_name='model')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='object id')),
                ('language', models.CharField(max_length=10, verbose_name='language')),
                ('url', models.CharField(max_length=500, verbose_name='web address')),
                ('title', models.CharField(max_length=500, verbose_name='title')),
                ('title_lang', models.CharField(max_length=10, verbose_name='language of the title')),
                ('other_title', models.CharField(blank=True, max_length=500, verbose_name='title in the other language')),
                ('other_title_lang', models.CharField(blank=True, max_length=10, verbose_name='language of the other title')),
                ('body', models.TextField(blank=True, verbose_name='text')),
                ('body_lang', models.CharField(max_length=10, verbose_name='language of the text')),
                ('title_tokens', models.TextField(verbose_name='title words')),
                ('tokens', models.TextField(verbose_name='all words')),
                ('kind_rank', models.PositiveSmallIntegerField(default=0, verbose_name='kind order')),
            ],
            options={
                'db_table': TABLE,
                'verbose_name': 'search document',
                'verbose_name_plural': 'search documents',
                'ordering': ['kind_rank', 'object_id', 'language'],
                'indexes': [models.Index(fields=['language', 'kind_rank', 'object_id'], name='search_doc_lang_order')],
                'constraints': [models.UniqueConstraint(fields=('model', 'object_id', 'language'), name='one_search_document_per_language')],
            },
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
