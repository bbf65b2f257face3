"""`make restore-drill`: what an operator does on the day the server is lost, done on a copy. A PostgreSQL site
with the seed content, uploaded files (a photo with its smaller copies, a PDF), a visitor's letter in the private
folder and a revision made through django-reversion is backed up by the nightly unit's own command
(deploy/systemd/iad-backup.service), restored with `manage.py restore_postgresql` into a new database and new
media and private folders, and compared: the schema, every table's rows, every sequence, the revisions, every
media file and every private file byte for byte (and the private ones readable by their owner alone). Prints one
line per comparison and the figures; exit status 1 if anything differs. Its two databases and its folder are
removed at the end.
"""

import contextlib
import difflib
import filecmp
import io
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.deploy.sandbox import PGHOST, PGPORT, own_database, production_env, setup_machine  # noqa: E402
from scripts.servers import PYTHON, manage  # noqa: E402

BACKUP_UNIT = ROOT / "deploy" / "systemd" / "iad-backup.service"


def fill(env):
    """Uploads (a city's photo and a signed agreement's PDF), a visitor's letter in the private folder and a
    revision on top of the seed, made through the ORM and the private storage in this process as the site would."""
    os.environ.update(env)
    import django

    django.setup()
    import reversion
    from django.core.files.base import ContentFile
    from PIL import Image

    from relations.models import Agreement, SisterCity
    from visits.models import letter_name, private_storage

    photo = io.BytesIO()
    Image.new("RGB", (1800, 1200), (180, 30, 60)).save(photo, "JPEG")
    city = SisterCity.objects.order_by("pk").first()
    with reversion.create_revision():
        city.photo.save("restore-drill.jpg", ContentFile(photo.getvalue()), save=False)
        city.profile_en += " Checked by the restore drill."
        city.save()
        reversion.set_comment("Restore drill")
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 400 + b"\nstartxref\n0\n%%EOF\n"
    Agreement.objects.create(
        city=city,
        title_th="บันทึกความเข้าใจ (ซ้อมกู้คืน)",
        title_en="Memorandum of understanding (restore drill)",
        file=ContentFile(pdf, name="restore-drill.pdf"),
    )
    private_storage.save(letter_name(None, "letter.pdf"), ContentFile(pdf))
    from django.db import connections

    connections.close_all()


def backup_command(backups):
    """iad-backup.service's ExecStart with this checkout's Python and the run's backup folder."""
    (line,) = [line for line in BACKUP_UNIT.read_text().splitlines() if line.startswith("ExecStart=")]
    argv = shlex.split(line.removeprefix("ExecStart="))
    for old, new in (("/srv/iad/.venv/bin/python", PYTHON), ("/var/backups/iad", str(backups))):
        if argv.count(old) != 1:
            raise SystemExit(f"{BACKUP_UNIT.name}: expected {old} once in ExecStart; update backup_command.")
        argv[argv.index(old)] = new
    return argv


def connect(name):
    import psycopg2

    connection = psycopg2.connect(dbname=name, user="postgres", host=PGHOST, port=PGPORT)
    connection.set_session(readonly=True, autocommit=True)
    return connection


def table_fingerprints(name):
    """Every table's row count and the MD5 of all its rows' text, in a fixed order: equal means equal rows."""
    with contextlib.closing(connect(name)) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        fingerprints = {}
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t"
            )
            fingerprints[table] = cursor.fetchone()
        return fingerprints


def sequences(name):
    with contextlib.closing(connect(name)) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")
        return dict(cursor.fetchall())


def schema(name):
    """The database's schema as pg_dump writes it (tables, indexes, constraints, sequences, extensions)."""
    result = subprocess.run(
        [
            "pg_dump",
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "-h",
            PGHOST,
            "-p",
            PGPORT,
            "-U",
            "postgres",
            name,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # pg_dump fences its script with \restrict and \unrestrict and a random key, new on every run.
    return re.sub(r"^\\(un)?restrict \S+$", "", result.stdout, flags=re.M)


def media(root):
    root = Path(root)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def same_files(before, after):
    """The files of two folders, compared byte for byte: (identical, the names in `before`, their bytes)."""
    names_before, names_after = media(before), media(after)
    same = names_before == names_after and all(
        filecmp.cmp(before / name, after / name, shallow=False) for name in names_before
    )
    return same, names_before, sum((before / name).stat().st_size for name in names_before)


class Comparisons:
    def __init__(self):
        self.failed = 0

    def report(self, passed, name, seen):
        self.failed += not passed
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {seen}", flush=True)


def main():
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    setup_machine("postgresql")
    # Debian's postgresql-client is the server's version (pg_dump refuses a newer server).
    if not shutil.which("pg_dump"):
        setup_machine("packages", "postgresql-client")
    results = Comparisons()
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="iad-restore-drill-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        source_url = stack.enter_context(own_database("iad_drill_source"))
        restored_url = stack.enter_context(own_database("iad_drill_restored"))
        source = production_env(
            DATABASE_URL=source_url, MEDIA_ROOT=str(work / "media"), PRIVATE_MEDIA_ROOT=str(work / "private")
        )
        restored = production_env(
            DATABASE_URL=restored_url,
            MEDIA_ROOT=str(work / "media-restored"),
            PRIVATE_MEDIA_ROOT=str(work / "private-restored"),
        )

        manage(source, "migrate", "--noinput", "-v0")
        manage(source, "seed", "-v0")
        fill(source)
        print(
            f"Site filled (migrated, seeded, a photo, a PDF, a private letter, a revision) after "
            f"{time.monotonic() - started:.0f} s"
        )

        timer = time.monotonic()
        backups = work / "backups"
        argv = backup_command(backups)
        subprocess.run(argv, cwd=ROOT, env=source, check=True)
        backup_seconds = time.monotonic() - timer
        (archive,) = backups.glob("iad-postgresql-*.tar")

        timer = time.monotonic()
        print(manage(restored, "restore_postgresql", str(archive)).strip())
        restore_seconds = time.monotonic() - timer
        # Nothing left for migrate to do: the restored database is at this code's migrations.
        manage(restored, "migrate", "--check", "-v0")

        before, after = table_fingerprints("iad_drill_source"), table_fingerprints("iad_drill_restored")
        differing = sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))
        rows = sum(count for count, _ in before.values())
        results.report(
            not differing,
            "every table's rows",
            f"{len(before)} tables, {rows:,} rows identical" if not differing else f"differ: {', '.join(differing)}",
        )
        revisions = before.get("reversion_revision", (0,))[0], before.get("reversion_version", (0,))[0]
        results.report(
            revisions[0] > 0 and all(before[t] == after.get(t) for t in ("reversion_revision", "reversion_version")),
            "revisions",
            f"{revisions[0]} revision(s), {revisions[1]} version(s) identical",
        )
        sequences_before, sequences_after = sequences("iad_drill_source"), sequences("iad_drill_restored")
        results.report(
            sequences_before == sequences_after,
            "every sequence's next value",
            f"{len(sequences_before)} sequences",
        )
        schema_before, schema_after = schema("iad_drill_source"), schema("iad_drill_restored")
        difference = difflib.unified_diff(schema_before.splitlines(), schema_after.splitlines(), lineterm="", n=0)
        results.report(
            schema_before == schema_after,
            "the schema (tables, indexes, constraints, extensions)",
            "pg_dump --schema-only of both identical"
            if schema_before == schema_after
            else " | ".join(list(difference)[2:12]),
        )
        same, files_before, size = same_files(work / "media", work / "media-restored")
        results.report(
            same and files_before,
            "media files byte for byte",
            f"{len(files_before)} files, {size:,} bytes"
            if same
            else f"{files_before} against {media(work / 'media-restored')}",
        )
        same, files_before, size = same_files(work / "private", work / "private-restored")
        # Everything under the restored private folder, the folder itself included, closed to group and others.
        private_paths = [work / "private-restored", *(work / "private-restored").rglob("*")]
        open_to_others = sorted(str(path) for path in private_paths if path.stat().st_mode & 0o077)
        results.report(
            same and files_before and not open_to_others,
            "private files byte for byte, readable by their owner alone",
            f"{len(files_before)} files, {size:,} bytes"
            if same and not open_to_others
            else f"{files_before} against {media(work / 'private-restored')}; open to others: {open_to_others}",
        )
        print(
            f"Archive {archive.name}: {archive.stat().st_size:,} bytes; backup {backup_seconds:.1f} s, "
            f"restore {restore_seconds:.1f} s"
        )
    print(
        f"restore-drill: {'everything restored identically' if not results.failed else f'{results.failed} differ'} "
        f"in {time.monotonic() - started:.0f} s; databases iad_drill_source and iad_drill_restored dropped."
    )
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
