"""No change to the table: applying this migration marks the upgrade to an index that puts Thai typing slips
right (iad_site.search.engine.thai_typing). Rows written before it spell a page typed เเ for แ, or with a
tone mark before its vowel, the way the page was typed, so a visitor typing the word correctly finds nothing.

Once `migrate` has applied it, iad_site.search.signals re-indexes the pages whose rows hold such a slip
(engine.reindex_mistyped) and leaves every other row as it is. That is done after the whole `migrate` run
rather than here because re-indexing reads the pages through today's models of every section: a migration
must not, since other apps' tables may still be a migration or more behind when this one runs.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_trigram_index"),
    ]

    operations = []
