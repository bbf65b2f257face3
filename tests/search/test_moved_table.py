"""A database, and a backup archive, made by the site before its plumbing became apps of their own: the database
migrates forward, and the archive restores, with every record, revision and search row kept.

The old site is the commit before the move (OLD_COMMIT), taken from this repository's history with `git archive`:
it migrates and seeds a scratch database and records a revision, then today's code migrates the same database.
Every table's rows must be the same before and after, and the moved search index must still answer.
"""

import contextlib
import json
import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO

import pytest
from django.conf import settings

from scripts.servers import ROOT

# The last commit with the search index in the `iad_site` app (iad_site/models.py, iad_site/migrations/).
OLD_COMMIT = "fd7fd7fb0bc0ef39fd984cdf189be44eb2031039"

# Columns that a later migration drops on purpose, left out of both snapshots: relations.0007 replaced the stored
# Thai sort key with a collation; pages.0006 moved plans' files into the document library (the seed has none).
DROPPED_COLUMNS = {"relations_sistercity": ["name_sort_key"], "pages_plandocument": ["file", "file_size"]}
# Tables to which apps added since the move add rows of their own when they migrate.
GROWN_BY_NEW_APPS = {"django_content_type", "auth_permission"}


def snapshot_code(tables=None):
    """A `manage.py shell -c` snippet printing every table's rows as JSON, in a stable order: {table: {"columns":
    [...], "rows": [...]}}. With `tables` (a snapshot's own), only those tables and columns: what later migrations
    add (new apps' tables, new columns) is not part of what the move must keep."""
    only = {table: taken["columns"] for table, taken in tables.items()} if tables else None
    return f"""
import json
from django.db import connection
dropped = {DROPPED_COLUMNS!r}
only = {only!r}
rows = {{}}
with connection.cursor() as cursor:
    for table in sorted(connection.introspection.table_names()):
        if table == "django_migrations" or (only is not None and table not in only):
            continue
        description = connection.introspection.get_table_description(cursor, table)
        names = [c.name for c in description if c.name not in dropped.get(table, [])]
        if only is not None:
            names = [name for name in only[table] if name in names]
        columns = ", ".join(f'"{{name}}"' for name in names)
        cursor.execute(f'SELECT {{columns}} FROM "{{table}}"')
        found = sorted(json.dumps(row, default=str, ensure_ascii=False) for row in cursor.fetchall())
        rows[table] = {{"columns": names, "rows": found}}
print(json.dumps(rows))
"""


# Run in the old version: a staff edit through reversion, so the database holds revisions to carry over.
EDIT_WITH_REVISION = """
import reversion
from relations.models import SisterCity
city = SisterCity.objects.order_by("pk").first()
with reversion.create_revision():
    city.profile_en = "Edited before the move."
    city.save()
"""

# Run in the new version: the search index and the revision history still work on the moved data.
STILL_WORKS = """
import json
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version
from iad_site.search import engine
from relations.models import SisterCity
documents, _terms, _all = engine.search("Edited before the move", "en")
city = SisterCity.objects.order_by("pk").first()
print(json.dumps({
    "found": [d.url for d in documents],
    "city_url": city.get_absolute_url(),
    "versions": Version.objects.get_for_object(city).count(),
    "search_content_types": sorted(ContentType.objects.filter(model="searchdocument").values_list("app_label", flat=True)),
}))
"""


def run(cwd, env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {args[0]} in {cwd} failed:\n{(result.stdout + result.stderr)[-3000:]}"
    return result.stdout


def run_json(cwd, env, code):
    """What a `manage.py shell -c` snippet printed last, as JSON (system-check warnings may come before it)."""
    return json.loads(run(cwd, env, "shell", "-c", code).strip().splitlines()[-1])


@contextlib.contextmanager
def scratch_database(directory, name):
    """The URL of a new, empty database on the backend this test run uses (a SQLite file or PostgreSQL)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{directory / name}.sqlite3"
        return
    import psycopg2

    name = f"iad_{name}_{uuid.uuid4().hex[:8]}"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    server = psycopg2.connect(
        dbname="postgres", user=database["USER"], password=database["PASSWORD"], host=host, port=port
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    try:
        yield f"postgres://{credentials}@{host}:{port}/{name}"
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


@pytest.fixture(scope="module")
def old_site(tmp_path_factory):
    """The old site's database after `migrate`, `seed` and a staff edit, its snapshot, and its backup archive."""
    directory = tmp_path_factory.mktemp("old-site")
    archive = subprocess.run(["git", "archive", OLD_COMMIT], cwd=ROOT, capture_output=True, timeout=60)
    assert archive.returncode == 0, f"git archive {OLD_COMMIT} failed: {archive.stderr.decode()}"
    code = directory / "code"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(code, filter="data")
    with scratch_database(directory, "old") as database_url:
        env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "iad_site.settings.dev"}
        env["MEDIA_ROOT"] = str(directory / "media")
        run(code, env, "migrate", "--noinput", "-v0")
        run(code, env, "seed", "-v0")
        run(code, env, "shell", "-c", EDIT_WITH_REVISION)
        run(code, env, "backup", str(directory / "old.tar.gz"))
        snapshot = run_json(code, env, snapshot_code())
        assert snapshot["iad_site_searchdocument"]["rows"] and snapshot["reversion_version"]["rows"], (
            "the old site wrote no rows"
        )
        yield env, snapshot, directory / "old.tar.gz"


# Marked as using the database so that the PostgreSQL pass runs these too: their outcome depends on the backend.
@pytest.mark.django_db
def test_a_database_made_before_the_move_keeps_every_record_revision_and_search_row(old_site):
    env, before, _archive = old_site
    run(ROOT, env, "migrate", "--noinput", "-v0")
    after = run_json(ROOT, env, snapshot_code(before))
    # The one intended change: the search index's content type now belongs to the search app. Apps added since
    # bring content types of their own.
    moved = [
        row.replace('"iad_site", "searchdocument"', '"search", "searchdocument"')
        for row in before["django_content_type"]["rows"]
    ]
    assert set(moved) <= set(after.pop("django_content_type")["rows"])
    # Permissions likewise: the old ones kept with their numbers, new apps' added.
    assert set(before["auth_permission"]["rows"]) <= set(after.pop("auth_permission")["rows"])
    assert after == {table: taken for table, taken in before.items() if table not in GROWN_BY_NEW_APPS}

    works = run_json(ROOT, env, STILL_WORKS)
    assert works["city_url"].replace("/th/", "/en/") in works["found"]
    assert works["versions"] == 1
    assert works["search_content_types"] == ["search"]


# Tables whose rows hold content-type ids, numbered anew by each database's `migrate`: compared by count.
RENUMBERED = {"reversion_version", "django_admin_log"}


def comparable(snapshot):
    """What a restore must bring back. Content types and permissions are the new site's own, made by `migrate`
    (an archive holds neither)."""
    return {
        table: len(taken["rows"]) if table in RENUMBERED else taken
        for table, taken in snapshot.items()
        if table not in {"django_session", *GROWN_BY_NEW_APPS} and not table.startswith("axes_")
    }


@pytest.mark.django_db
def test_a_backup_made_before_the_move_restores_every_record(old_site, tmp_path):
    old_env, before, archive = old_site
    with scratch_database(tmp_path, "restored") as database_url:
        env = {**old_env, "DATABASE_URL": database_url, "MEDIA_ROOT": str(tmp_path / "media")}
        run(ROOT, env, "migrate", "--noinput", "-v0")
        run(ROOT, env, "restore", str(archive))
        after = run_json(ROOT, env, snapshot_code(before))
    assert comparable(after) == comparable(before)
