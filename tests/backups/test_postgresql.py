"""The PostgreSQL archive (iad_site/backups/postgresql.py): what `backup_postgresql` writes and how many it keeps;
`restore_postgresql` bringing back every row and file into an empty database, and refusing, with nothing
written, a database that is not empty or an archive that is damaged. PostgreSQL only: skipped on SQLite.
(`make restore-drill` does the same on the whole seed, through the nightly unit's own command.)"""

import hashlib
import io
import os
import tarfile

import psycopg2
import pytest
import reversion
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError
from django.db import connection, connections
from PIL import Image

from iad_site.backups import archive, postgresql

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="pg_dump backups are for PostgreSQL"
    ),
    # pg_dump reads the database from a connection of its own: the test's rows must be committed.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


LETTER = "visit-letters/2026/0123456789abcdef0123456789abcdef.pdf"


@pytest.fixture
def site(media_root, private_root, fukuoka, django_user_model):
    """A city whose photo (with its smaller copies) was saved in a revision, a staff account, and a visitor's
    letter in the private folder."""
    photo = io.BytesIO()
    Image.new("RGB", (600, 400), (0, 90, 160)).save(photo, "PNG")
    with reversion.create_revision():
        fukuoka.photo.save("fukuoka.png", ContentFile(photo.getvalue()))
    django_user_model.objects.create_superuser("somchai", "somchai@example.org", "a-long-right-password")
    FileSystemStorage(location=private_root).save(LETTER, ContentFile(b"%PDF-1.4 " + bytes(range(256))))


def server_sql(statement):
    settings = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"],
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(statement)
    admin.close()


@pytest.fixture
def empty_database():
    """A new, empty database beside the test database (as `createdb` makes one), and a connection to it."""
    name = f"{connection.settings_dict['NAME']}_restored"
    server_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server_sql(f'CREATE DATABASE "{name}"')
    default = connections["default"]
    target = default.__class__({**default.settings_dict, "NAME": name}, alias="restored")
    yield target
    target.close()
    server_sql(f'DROP DATABASE "{name}" WITH (FORCE)')


def tables(database):
    with database.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        return [row[0] for row in cursor.fetchall()]


def rows_per_table(database):
    with database.cursor() as cursor:
        result = {}
        for table in tables(database):
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            result[table] = cursor.fetchone()[0]
        return result


def fingerprints(database):
    """Every table's rows as text, in a fixed order: equal fingerprints mean equal rows."""
    with database.cursor() as cursor:
        result = {}
        for table in tables(database):
            cursor.execute(f"""SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM "{table}" t""")
            result[table] = cursor.fetchone()[0]
        return result


def files_in(root):
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def rewritten(path, change):
    """A copy of the archive with `change(name, data)` applied to each member's bytes."""
    copy = path.with_name("changed-" + path.name)
    with tarfile.open(path) as source, tarfile.open(copy, "w") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def flip_a_byte(wanted):
    def change(name, data):
        if name != wanted:
            return data
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]

    return change


def test_backup_holds_the_dump_and_every_file_with_their_checksums_and_the_rows_of_every_table(
    site, media_root, private_root, tmp_path
):
    path, manifest, _ = postgresql.create(tmp_path / "backups")

    with tarfile.open(path) as tar:
        members = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}
    on_disk, private = files_in(media_root), files_in(private_root)
    assert set(members) == {
        *("manifest.json", "database.dump"),
        *(f"media/{name}" for name in on_disk),
        *(f"private/{name}" for name in private),
    }
    assert manifest["media"] == {name: hashlib.sha256(data).hexdigest() for name, data in on_disk.items()}
    assert manifest["private"] == {name: hashlib.sha256(data).hexdigest() for name, data in private.items()}
    assert list(private) == [LETTER]
    assert manifest["dump"]["sha256"] == hashlib.sha256(members["database.dump"]).hexdigest()
    assert manifest["tables"] == rows_per_table(connection)


def test_backup_is_readable_by_its_owner_alone(site, tmp_path):
    path, _, _ = postgresql.create(tmp_path / "backups")

    assert path.stat().st_mode & 0o777 == 0o600


def test_backup_keeps_the_newest_archives_and_leaves_other_files_alone(site, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    for name in ("iad-postgresql-20250101-021500.tar", "iad-postgresql-20250102-021500.tar", "notes.txt", "copy.tar"):
        (backups / name).write_bytes(b"")

    path, _, removed = postgresql.create(backups, keep=2)

    assert sorted(file.name for file in backups.iterdir()) == sorted(
        ["iad-postgresql-20250102-021500.tar", path.name, "notes.txt", "copy.tar"]
    )
    assert [file.name for file in removed] == ["iad-postgresql-20250101-021500.tar"]


def test_restore_brings_back_every_row_and_file(site, media_root, private_root, empty_database, settings, tmp_path):
    path, _, _ = postgresql.create(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "restored-private"

    postgresql.restore(path, connection=empty_database)

    assert fingerprints(empty_database) == fingerprints(connection)
    assert files_in(tmp_path / "restored-media") == files_in(media_root)
    assert files_in(tmp_path / "restored-private") == files_in(private_root)
    assert (tmp_path / "restored-private" / LETTER).stat().st_mode & 0o777 == 0o600


def test_restore_refuses_a_database_that_is_not_empty(site, settings, tmp_path):
    path, _, _ = postgresql.create(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    before = fingerprints(connection)

    with pytest.raises(CommandError, match="Restore only into an empty database"):
        postgresql.restore(path)

    assert fingerprints(connection) == before


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (flip_a_byte("database.dump"), "database.dump is damaged"),
        (flip_a_byte("media/sister-cities/fukuoka.png"), "Media file sister-cities/fukuoka.png is damaged"),
        (flip_a_byte(f"private/{LETTER}"), f"Private file {LETTER} is damaged"),
    ],
    ids=["dump", "media file", "private file"],
)
def test_restore_refuses_a_damaged_archive_and_writes_nothing(site, empty_database, settings, tmp_path, damage, reason):
    path, _, _ = postgresql.create(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "restored-private"

    with pytest.raises(CommandError, match=reason):
        postgresql.restore(rewritten(path, damage), connection=empty_database)

    assert tables(empty_database) == []
    assert archive.file_counts(archive.FOLDERS) == {"media": 0, "private": 0}


def test_restore_refuses_a_dump_pg_restore_cannot_read_and_writes_nothing(site, empty_database, settings, tmp_path):
    path, manifest, _ = postgresql.create(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "restored-private"
    not_a_dump = b"not a pg_dump archive"
    checksums = (manifest["dump"]["sha256"].encode(), hashlib.sha256(not_a_dump).hexdigest().encode())

    def replace_the_dump(name, data):
        # A dump that matches its checksum, so only pg_restore's own reading can tell.
        if name == "database.dump":
            return not_a_dump
        return data.replace(*checksums) if name == "manifest.json" else data

    with pytest.raises(CommandError, match="pg_restore failed"):
        postgresql.restore(rewritten(path, replace_the_dump), connection=empty_database)

    assert tables(empty_database) == []
    assert archive.file_counts(archive.FOLDERS) == {"media": 0, "private": 0}
