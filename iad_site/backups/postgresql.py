"""Production backups of a PostgreSQL site, with PostgreSQL's own tools: the whole database as
`pg_dump --format=custom` and every uploaded file, in one archive with a manifest of row counts and checksums.
The portable archive (archive.py, `manage.py backup`) stays the way to move a site between databases and the
backup of a SQLite site; this one shares its media and checksum code.

The archive, iad-postgresql-YYYYMMDD-HHMMSS.tar (not compressed again: the dump is, and photos and PDFs are):
    manifest.json   format, when, the server's and pg_dump's versions, the rows of every table, the dump's size
                    and SHA-256, the SHA-256 of every media file ("media") and private file ("private")
    database.dump   every table (sessions and login attempts too), sequence, index and extension
    media/...       every file in the default storage, under its storage name
    private/...     every file in settings.PRIVATE_MEDIA_ROOT, under its storage name (none in an archive written
                    before private files were backed up: its restore leaves the private folder as it is)
The rows are counted and the dump taken from one snapshot (pg_export_snapshot), so the manifest describes the
dump exactly while the site is in use.

A restore goes into an empty database and empty media and private folders, and checks everything before it writes
anything: names, manifest, the dump's checksum, that this pg_restore reads it, and every media file's checksum
as it is staged. Then pg_restore in one transaction, the rows counted against the manifest, and only then the
staged files moved into the media and private folders. Used by `manage.py backup_postgresql` and `manage.py
restore_postgresql`; `make restore-drill` runs both on a filled site and compares.
"""

import contextlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

from iad_site.backups import archive
from iad_site.pagecache.cache import bump_generation

FORMAT = "pg_dump/1"
MANIFEST = "manifest.json"
DUMP = "database.dump"
ARCHIVE_NAME = re.compile(r"iad-postgresql-\d{8}-\d{6}\.tar")


def postgresql(connection):
    connection = connections[DEFAULT_DB_ALIAS] if connection is None else connection
    if connection.vendor != "postgresql":
        raise CommandError(
            f"This site's database is {connection.vendor}, not PostgreSQL: use `manage.py backup` and "
            "`manage.py restore` (the portable archive) instead."
        )
    return connection


def libpq_environment(connection):
    """The environment pg_dump and pg_restore read the connection from: libpq's variables, built as Django's
    own `dbshell` builds them (password, SSL and service options) plus host, port, user and database, so no
    password ever appears on a command line."""
    settings = connection.settings_dict
    _, env = DatabaseClient.settings_to_cmd_args_env(settings, [])
    env = {**os.environ, **(env or {})}
    options = settings.get("OPTIONS", {})
    for variable, value in (
        ("PGHOST", settings.get("HOST")),
        ("PGPORT", settings.get("PORT")),
        ("PGUSER", settings.get("USER") or options.get("user")),
        ("PGDATABASE", settings.get("NAME") or options.get("database")),
    ):
        if value:
            env[variable] = str(value)
    return env


def run(argv, connection=None):
    """Runs a PostgreSQL tool, connected as `connection` when given; its output, or CommandError saying why not."""
    env = libpq_environment(connection) if connection else None
    try:
        result = subprocess.run(argv, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise CommandError(
            f"{argv[0]} is not installed: install Debian's postgresql-client (the version of the server)."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{argv[0]} failed: {result.stderr.strip()}")
    return result.stdout


def tool_version(tool):
    """'pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)' and its major version, 15."""
    text = run([tool, "--version"]).strip()
    return text, int(re.search(r"\) (\d+)", text).group(1))


def table_counts(connection):
    """Rows in every table of the database (Django's and any other), by table name."""
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


def archives_in(directory):
    """The archives this module wrote in `directory`, oldest first (their names sort by time)."""
    return sorted(path for path in Path(directory).iterdir() if ARCHIVE_NAME.fullmatch(path.name))


def prune(directory, keep):
    """Deletes all but the newest `keep` archives of `directory`; nothing else there is touched."""
    old = archives_in(directory)[:-keep]
    for path in old:
        path.unlink()
    return old


def create(directory, keep=None, connection=None):
    """Writes a new archive into `directory` (through a temporary name, so a failed run leaves no half file,
    readable by its owner alone), then keeps only the newest `keep` archives there. Returns its path and
    manifest and the archives deleted."""
    connection = postgresql(connection)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"iad-postgresql-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
    if path.exists():
        raise CommandError(f"{path} exists already: one backup a second at most.")
    partial = path.with_name(path.name + ".partial")
    pg_dump, _ = tool_version("pg_dump")
    # The dump waits on the archive's own disk, not in /tmp, which may be small.
    with tempfile.TemporaryDirectory(dir=directory, prefix=".dump-") as tmp:
        dump = Path(tmp) / DUMP
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = table_counts(connection)
            # pg_dump reads the same snapshot while this transaction holds it open.
            run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"], connection)
        with dump.open("rb") as stream:
            dump_checksum = archive.sha256(stream)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
            tar.add(dump, DUMP)
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "server_version": connection.pg_version,
                "pg_dump": pg_dump,
                "tables": tables,
                "dump": {"size": dump.stat().st_size, "sha256": dump_checksum},
                **{folder: archive.add_media_files(tar, folder) for folder in archive.FOLDERS},
            }
            archive.add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
    partial.replace(path)
    removed = prune(directory, keep) if keep else []
    return path, manifest, removed


def check_members(tar, path):
    """The archive's manifest (of this format, listing exactly the media and private files there are), its dump
    member and its files by folder and storage name (archive.files_by_folder), all regular files with names that
    stay inside their folder."""
    try:
        members = tar.getmembers()
    except archive.UNREADABLE as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}). Nothing was restored.") from error
    by_name = {}
    for member in members:
        if not member.isfile():
            raise CommandError(f"The archive holds something other than a file: {member.name!r}. Nothing was restored.")
        if member.name in by_name:
            raise CommandError(f"The archive holds {member.name!r} twice. Nothing was restored.")
        by_name[member.name] = member
    if MANIFEST not in by_name or DUMP not in by_name:
        raise CommandError(f"{path} is not an archive of `manage.py backup_postgresql` (no {MANIFEST} or {DUMP}).")
    manifest = archive.read_json(tar, by_name[MANIFEST], path)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise CommandError(f"Unknown backup format {found!r}; this version reads {FORMAT!r}. Nothing was restored.")
    files = archive.files_by_folder(
        {name: member for name, member in by_name.items() if name not in (MANIFEST, DUMP)}, manifest
    )
    return manifest, by_name[DUMP], files


def extract_dump(tar, member, manifest, folder):
    """The dump written to `folder`, checked against the manifest's checksum and read through by pg_restore."""
    dump = Path(folder) / DUMP
    try:
        with tar.extractfile(member) as source, dump.open("wb") as target:
            shutil.copyfileobj(source, target)
    except archive.UNREADABLE as error:
        raise CommandError(f"The archive's {DUMP} is not readable ({error}). Nothing was restored.") from error
    with dump.open("rb") as stream:
        if archive.sha256(stream) != manifest["dump"]["sha256"]:
            raise CommandError(
                f"The archive's {DUMP} is damaged (its checksum differs from the manifest's). Nothing was restored."
            )
    run(["pg_restore", "--list", str(dump)])
    return dump


def restore(path, connection=None):
    """Loads an archive into the empty database of `connection` (the default one unless given) and the empty
    media and private folders (the private one left as it is by an archive without private files). Returns the
    manifest."""
    connection = postgresql(connection)
    if not isinstance(default_storage, FileSystemStorage):
        raise CommandError(
            "restore_postgresql works with media files in a folder on disk (Django's FileSystemStorage). "
            "Nothing was restored."
        )
    try:
        tar = tarfile.open(path, "r:")  # noqa: SIM115 (closed by the with-block below)
    except archive.UNREADABLE as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}). Nothing was restored.") from error
    with tar:
        manifest, dump_member, files = check_members(tar, path)
        tables = connection.introspection.table_names()
        there = archive.file_counts(files)
        if tables or any(there.values()):
            raise CommandError(
                f"Restore only into an empty database and empty folders; the database "
                f"{connection.settings_dict['NAME']!r} has {len(tables)} tables, "
                f"{', '.join(f'the {folder} folder {count} files' for folder, count in there.items())}. "
                "Create a new database (createdb) and point DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT at "
                "empty ones. Nothing was restored."
            )
        _, pg_restore_major = tool_version("pg_restore")
        dump_major = int(re.search(r"\) (\d+)", manifest["pg_dump"]).group(1))
        if pg_restore_major < dump_major:
            raise CommandError(
                f"The archive was written by {manifest['pg_dump']}; this pg_restore is version {pg_restore_major} "
                "and cannot read it. Install the postgresql-client of that version. Nothing was restored."
            )
        with contextlib.ExitStack() as stack:
            with tempfile.TemporaryDirectory(prefix="iad-restore-") as tmp:
                dump = extract_dump(tar, dump_member, manifest, tmp)
                staged = archive.stage_folders(tar, files, manifest, stack)
                run(
                    [
                        *("pg_restore", "--single-transaction", "--exit-on-error"),
                        # Owners and grants of the old server's roles, which this server may not have.
                        *("--no-owner", "--no-privileges"),
                        f"--dbname={libpq_environment(connection)['PGDATABASE']}",
                        str(dump),
                    ],
                    connection,
                )
            restored = table_counts(connection)
            if restored != manifest["tables"]:
                different = sorted(
                    name
                    for name in restored.keys() | manifest["tables"].keys()
                    if restored.get(name) != manifest["tables"].get(name)
                )
                raise CommandError(
                    f"The restored database differs from the manifest (table {different[0]}: "
                    f"{restored.get(different[0])} rows, the manifest says {manifest['tables'].get(different[0])}). "
                    f"Do not use the database {connection.settings_dict['NAME']!r}: drop it. No file was moved into "
                    "the media or private folder."
                )
            for root, staging in staged.values():
                swap = archive.MediaSwap(root, staging)
                swap.swap()
                swap.finish()
    # Pages cached from whatever this server showed before are not the restored site's.
    bump_generation()
    return manifest
