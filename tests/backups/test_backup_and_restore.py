"""Backup and restore: one archive holds every record (both languages), every uploaded file and every private
file (PRIVATE_MEDIA_ROOT), a restore into an empty database brings back exactly what was there, and a damaged
archive changes nothing."""

import copy
import hashlib
import io
import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import models

from documents.models import Category, Document
from iad_site.backups import archive as backups

pytestmark = pytest.mark.django_db
# Restores run in their own transaction in real use; on PostgreSQL, emptying tables inside the test's
# transaction after writing to them fails ("pending trigger events"), so these tests commit for real.
REAL_TRANSACTIONS = pytest.mark.django_db(transaction=True)

# A real one-pixel PNG, so image fields accept it; and bytes of every value for a plain file.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2f1d3a70000000049454e44ae426082"
)
EVERY_BYTE = bytes(range(256)) * 64


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """A private folder of the test's own, so no other test's letters are backed up or replaced."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


# Where visits.models.letter_name puts a visitor's letter.
LETTER = "visit-letters/2026/0123456789abcdef0123456789abcdef.pdf"


def save_private_file(private_root, name, data):
    """A file in the private folder, stored as the site stores a letter (Django's default permissions)."""
    FileSystemStorage(location=private_root).save(name, ContentFile(data))


@pytest.fixture
def content(seed, media_root, private_root, django_user_model):
    """The seed (Thai and English), a staff account, an uploaded file in every file field there is, and a
    visitor's letter in the private folder."""
    django_user_model.objects.create_superuser("somchai", "somchai@example.org", "a-long-right-password")
    # The seed holds no PDF (a plan's documents are the library's, which starts empty): a library document
    # to upload one to, as the office will.
    category = Category.objects.create(slug="backup-test", name_th="หมวดทดสอบ")
    Document.objects.create(category=category, title_th="เอกสารทดสอบ", fiscal_year=2569, published_on="2025-10-15")
    uploaded = 0
    for model in backups.content_models():
        for field in file_fields(model):
            obj = model._base_manager.order_by("pk").first()
            if obj is None:
                continue
            data = PNG if isinstance(field, models.ImageField) else EVERY_BYTE
            extension = "png" if data is PNG else "pdf"
            getattr(obj, field.attname).save(f"ทดสอบ {model._meta.model_name}.{extension}", ContentFile(data))
            uploaded += 1
    assert uploaded, "no model with an uploaded file to back up"
    save_private_file(private_root, LETTER, EVERY_BYTE[::-1])


def snapshot():
    """Every record of every backed-up model, content types and users by natural key, in primary-key order."""
    return {
        model._meta.label_lower: serializers.serialize(
            "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        for model in backups.content_models()
    }


def media_snapshot(root):
    root = Path(root)
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def empty_everything(media_root, private_root):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root, ignore_errors=True)
    shutil.rmtree(private_root, ignore_errors=True)


def modes(root):
    """The permission bits of every file and folder under `root`, the folder itself included."""
    root = Path(root)
    return {str(path.relative_to(root)): path.stat().st_mode & 0o777 for path in [root, *sorted(root.rglob("*"))]}


@REAL_TRANSACTIONS
def test_backup_and_restore_bring_back_every_record_and_file(content, media_root, private_root, tmp_path):
    records, files, private = snapshot(), media_snapshot(media_root), media_snapshot(private_root)
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), verbosity=0)
    empty_everything(media_root, private_root)
    assert not any(snapshot().values()) and not media_snapshot(media_root) and not media_snapshot(private_root)
    call_command("restore", str(archive), verbosity=0)

    assert snapshot() == records
    assert media_snapshot(media_root) == files
    assert media_snapshot(private_root) == private


@REAL_TRANSACTIONS
def test_backup_holds_the_private_files_and_restore_brings_them_back_readable_by_their_owner_alone(
    content, media_root, private_root, tmp_path
):
    private = media_snapshot(private_root)
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), verbosity=0)
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        held = tar.extractfile(f"private/{LETTER}").read()
    empty_everything(media_root, private_root)
    call_command("restore", str(archive), verbosity=0)

    assert manifest["private"] == {LETTER: hashlib.sha256(EVERY_BYTE[::-1]).hexdigest()}
    assert held == EVERY_BYTE[::-1]
    assert media_snapshot(private_root) == private == {LETTER: EVERY_BYTE[::-1]}
    assert not any(name.startswith("visit-letters") for name in media_snapshot(media_root))
    # Folders the site's user alone may open, letters it alone may read: never world-readable.
    assert modes(private_root) == {
        ".": 0o700,
        "visit-letters": 0o700,
        "visit-letters/2026": 0o700,
        LETTER: 0o600,
    }


@REAL_TRANSACTIONS
def test_an_archive_from_before_private_files_were_backed_up_restores_and_leaves_the_private_folder_alone(
    content, media_root, private_root, tmp_path
):
    records, files = snapshot(), media_snapshot(media_root)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    old = damaged(archive, tmp_path / "old.tar.gz", remove_the_private_files)
    save_private_file(private_root, "visit-letters/2026/since-the-backup.pdf", b"%PDF-1.4 a newer letter")
    private = media_checksums(private_root)
    out = io.StringIO()

    call_command("restore", str(old), replace=True, stdout=out)

    assert snapshot() == records
    assert media_snapshot(media_root) == files
    assert media_checksums(private_root) == private
    assert "the private folder was left as it is" in out.getvalue()


def test_backup_holds_both_languages(content, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    with tarfile.open(archive) as tar:
        data = tar.extractfile("data.json").read().decode()

    assert '"name_th": "' in data and '"name_en": "' in data
    assert "ประเทศญี่ปุ่น" in data and "Japan" in data


@REAL_TRANSACTIONS
def test_restored_database_accepts_new_records(content, media_root, private_root, tmp_path, django_user_model):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    empty_everything(media_root, private_root)
    call_command("restore", str(archive), verbosity=0)

    new = django_user_model.objects.create_user("malee", "malee@example.org", "another-long-password")

    assert new.pk > django_user_model.objects.get(username="somchai").pk


def test_restore_refuses_a_database_with_content(content, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)


@REAL_TRANSACTIONS
def test_restore_with_replace_puts_back_the_backed_up_content(
    content, media_root, private_root, tmp_path, django_user_model
):
    records, files, private = snapshot(), media_snapshot(media_root), media_snapshot(private_root)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    django_user_model.objects.filter(username="somchai").update(email="changed@example.org")
    django_user_model.objects.create_user("intruder", "x@example.org", "another-long-password")
    (Path(media_root) / "stray.txt").write_text("not in the backup")
    (Path(private_root) / "stray.txt").write_text("not in the backup")

    call_command("restore", str(archive), replace=True, verbosity=0)

    assert snapshot() == records
    assert media_snapshot(media_root) == files
    assert media_snapshot(private_root) == private


def archive_with(tmp_path, members):
    path = tmp_path / "crafted.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("media//etc/passwd", "absolute path"),
        ("/tmp/x.txt", "absolute path"),
        ("media/../../escaped.txt", "outside its media and private folders"),
        ("../escaped.txt", "outside its media and private folders"),
        ("private//etc/passwd", "absolute path"),
        ("private/../../escaped.txt", "outside its media and private folders"),
        ("private/visit-letters/../../escaped.txt", "outside its media and private folders"),
    ],
)
def test_restore_refuses_file_names_that_escape_the_media_and_private_folders(
    media_root, private_root, tmp_path, name, reason
):
    # The manifest lists the file under the name a reader that strips "media/" or "private/" would take, so the
    # archive is consistent and only the name itself can be the reason for the refusal.
    folder = "private" if name.startswith("private/") else "media"
    listed = {name.removeprefix(f"{folder}/"): hashlib.sha256(b"x").hexdigest()}
    manifest = json.dumps({"format": 1, "records": {}, "media": {}, folder: listed, "created": "now"}).encode()
    archive = archive_with(tmp_path, {"manifest.json": manifest, "data.json": b"[]", name: b"x"})

    with pytest.raises(CommandError, match=f"{reason}, {re.escape(repr(name))}"):
        call_command("restore", str(archive), verbosity=0)
    assert not (tmp_path / "escaped.txt").exists()
    assert not media_snapshot(media_root)
    assert not media_snapshot(private_root)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_bytes(b"just text")

    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore", str(path), verbosity=0)


# Damaged archives: each takes a real backup's members ({name: (TarInfo, bytes)}) and spoils one thing.


def edit_json(members, name, change):
    info, data = members[name]
    document = json.loads(data)
    change(document)
    members[name] = (info, json.dumps(document).encode())


def damage_a_checksum(members):
    name = next(name for name in members if name.startswith("media/") and name.endswith(".pdf"))
    info, data = members[name]
    members[name] = (info, bytes([data[0] ^ 0xFF]) + data[1:])


def damage_a_private_checksum(members):
    info, data = members[f"private/{LETTER}"]
    members[f"private/{LETTER}"] = (info, data[:-1] + bytes([data[-1] ^ 0xFF]))


def remove_the_private_files(members):
    """As an archive written before private files were backed up: no private/ members, no "private" key."""
    for name in [name for name in members if name.startswith("private/")]:
        del members[name]
    edit_json(members, "manifest.json", lambda manifest: manifest.pop("private"))


def miscount_the_records(members):
    def change(manifest):
        manifest["records"]["relations.country"] += 1

    edit_json(members, "manifest.json", change)


def give_an_unknown_format(members):
    edit_json(members, "manifest.json", lambda manifest: manifest.update({"format": backups.FORMAT + 1}))


def add_a_link(members):
    link = tarfile.TarInfo("media/agreements/link.pdf")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    members[link.name] = (link, None)
    edit_json(members, "manifest.json", lambda manifest: manifest["media"].update({"agreements/link.pdf": "0" * 64}))


def point_a_city_at_a_missing_country(members):
    def change(records):
        next(record for record in records if record["model"] == "relations.sistercity")["fields"]["country"] = 999999

    edit_json(members, "data.json", change)


def give_a_plan_document_its_old_file(members):
    """As an archive made before pages.0006 holds a plan's file on the plan's document itself."""

    def change(records):
        entry = next(record for record in records if record["model"] == "pages.plandocument")
        entry["fields"].update(file="plans/old-plan.pdf", file_size=1234)

    edit_json(members, "data.json", change)


def damaged(archive, path, damage):
    with tarfile.open(archive) as tar:
        members = {member.name: (member, tar.extractfile(member).read()) for member in tar.getmembers()}
    damage(members)
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members.values():
            info = copy.copy(info)
            if data is not None:
                info.size = len(data)
            tar.addfile(info, None if data is None else io.BytesIO(data))
    return path


def database_dump():
    """Every row of every table Django knows, as `dumpdata --all` writes it."""
    out = io.StringIO()
    call_command("dumpdata", all=True, stdout=out)
    return out.getvalue()


def media_checksums(root):
    """Every file (name -> SHA-256) and folder (name -> None) in the media folder."""
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }


@REAL_TRANSACTIONS
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (damage_a_checksum, r"Media file .*\.pdf is damaged in the archive"),
        (damage_a_private_checksum, f"Private file {LETTER} is damaged in the archive"),
        (miscount_the_records, r"data.json holds (\d+) records of relations.country; the manifest says (?!\1)\d+"),
        (give_an_unknown_format, "Unknown backup format 2"),
        (add_a_link, "something other than a file: 'media/agreements/link.pdf'"),
        (point_a_city_at_a_missing_country, "The archive's records could not be loaded"),
        (
            give_a_plan_document_its_old_file,
            r"pages.plandocument \d+ holds file 'plans/old-plan.pdf', which pages.0006",
        ),
    ],
    ids=[
        "damaged-checksum",
        "damaged-private-checksum",
        "wrong-record-count",
        "unknown-format",
        "non-file-member",
        "records-that-do-not-load",
        "file-moved-since",
    ],
)
def test_restore_with_replace_refuses_a_damaged_archive_and_changes_nothing(
    content, media_root, private_root, tmp_path, django_user_model, damage, message
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    # Content added since the backup: a restore that went ahead would take it away.
    django_user_model.objects.create_user("malee", "malee@example.org", "another-long-password")
    default_storage.save("agreements/after-the-backup.pdf", ContentFile(EVERY_BYTE))
    save_private_file(private_root, "visit-letters/2026/after-the-backup.pdf", EVERY_BYTE)
    spoiled = damaged(archive, tmp_path / "damaged.tar.gz", damage)
    database, files, private = database_dump(), media_snapshot(media_root), media_snapshot(private_root)
    folders = media_checksums(media_root), media_checksums(private_root)

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(spoiled), replace=True, verbosity=0)

    assert database_dump() == database
    # Byte for byte, and no folder left behind (no staging, no files set aside).
    assert media_snapshot(media_root) == files and media_snapshot(private_root) == private
    assert (media_checksums(media_root), media_checksums(private_root)) == folders
