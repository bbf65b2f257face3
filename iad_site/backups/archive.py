"""One-file backups of everything staff entered: every record (both languages) and every uploaded file.

The archive is a gzipped tar with
    manifest.json   format version, when, record counts per model, SHA-256 of every media file
    data.json       every app's records in `dumpdata`'s JSON (natural keys for content types and permissions,
                    so it loads into any freshly migrated database), through base managers so nothing is
                    filtered out, and times to the microsecond
    media/...       every file in the default storage, under its storage name
Left out: what Django rebuilds or what is not content: content types and permissions (recreated by
`migrate`), sessions, and django-axes' login-attempt records.
Used by `manage.py backup` and `manage.py restore`.
"""

import datetime
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from iad_site.core import sections

FORMAT = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
# Models that changed app since an archive may have been written: the label in the archive -> the label now.
MOVED_MODELS = {"iad_site.searchdocument": "search.searchdocument"}


def content_models():
    """Every model whose rows a backup holds."""
    models = []
    for model in apps.get_models():
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        if opts.app_label in EXCLUDED or opts.label_lower in EXCLUDED:
            continue
        models.append(model)
    return models


def record_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in content_models()}


def media_files(storage=default_storage, directory=""):
    """Every file name in the storage, walking folders; an absent media folder has none."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [f"{directory}{name}" for name in files]
    for folder in folders:
        names += media_files(storage, f"{directory}{folder}/")
    return sorted(names)


def sha256(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def add_media_files(tar, storage=default_storage):
    """Every file of the storage into the tar under media/, each read once for its checksum and once to copy:
    {storage name: SHA-256}. Shared with the PostgreSQL archive (postgresql.py)."""
    checksums = {}
    for name in media_files(storage):
        with storage.open(name, "rb") as source:
            checksums[name] = sha256(source)
            source.seek(0)
            info = tarfile.TarInfo(f"media/{name}")
            info.size = storage.size(name)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, source)
    return checksums


class ExactEncoder(DjangoJSONEncoder):
    """Django's JSON encoder cuts times to milliseconds; a backup keeps them to the microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat().replace("+00:00", "Z")
        return super().default(o)


def dump(path):
    """What `dumpdata --natural-foreign` writes, every row through the base manager, times kept exact."""
    models = set(content_models())
    app_list = [(app_config, None) for app_config in apps.get_app_configs() if app_config.models_module]
    ordered = [model for model in serializers.sort_dependencies(app_list, allow_cycles=True) if model in models]

    def rows():
        for model in ordered:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    with open(path, "w", encoding="utf-8") as stream:
        serializers.serialize("json", rows(), use_natural_foreign_keys=True, cls=ExactEncoder, stream=stream)


def create(path):
    """Writes the archive to `path` (through a temporary name, so a failed run never leaves half a file)."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        # One transaction, so records and counts describe the same moment.
        with transaction.atomic():
            dump(data)
            counts = record_counts()
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(data, "data.json")
            media = add_media_files(tar)
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "database": connection.vendor,
                "records": counts,
                "media": media,
            }
            add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    partial.replace(path)
    return manifest


def media_name(member_name):
    """The storage name of an archive member under media/; a name that could land anywhere else is refused."""
    # "media//etc/passwd" too: what follows "media/" is itself an absolute path.
    if member_name.startswith(("/", "media//")):
        raise CommandError(
            f"The archive holds a file with an absolute path, {member_name!r}; a restore writes only inside the "
            "media folder. Nothing was restored."
        )
    folder, _, name = member_name.partition("/")
    if folder != "media" or ".." in name.split("/"):
        raise CommandError(f"The archive holds a file outside its media folder, {member_name!r}. Nothing was restored.")
    if any(part in ("", ".") for part in name.split("/")):
        raise CommandError(
            f"The archive holds a file name that `manage.py backup` never writes, {member_name!r}. Nothing was restored."
        )
    return name


# What reading a damaged or cut-off .tar.gz raises.
UNREADABLE = (OSError, EOFError, zlib.error, tarfile.TarError)


def open_archive(path):
    try:
        return tarfile.open(path, "r:gz")  # noqa: SIM115 (closed by restore's with-block)
    except UNREADABLE as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}).") from error


def read_json(tar, member, path):
    try:
        return json.loads(tar.extractfile(member).read())
    except (*UNREADABLE, ValueError) as error:
        raise CommandError(f"{member.name} in {path} is not readable ({error}). Nothing was restored.") from error


@dataclass
class Checked:
    """An archive read through and found whole: what restore loads and stages."""

    manifest: dict
    records: list  # data.json, with the labels of models that have moved app since it was written
    counts: dict  # records per model label, as the manifest gives them (models with none left out)
    media: dict  # storage name -> tar member, in the archive's order


def check_archive(tar, path):
    """Everything a restore relies on, before it touches anything: a manifest of a known format, only regular
    files with safe names, the media files the manifest lists and no others, and data.json holding as many
    records of each model as the manifest says, all of models this site has. (The checksums are checked as
    the files are staged: stage_media.)"""
    try:
        members = {member.name: member for member in tar.getmembers()}
    except UNREADABLE as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}).") from error
    if "manifest.json" not in members or "data.json" not in members:
        raise CommandError(f"{path} is not a backup made by `manage.py backup` (no manifest.json or data.json).")
    media = {}
    for name, member in members.items():
        if not member.isfile():
            raise CommandError(f"The archive holds something other than a file: {name!r}. Nothing was restored.")
        if name not in ("manifest.json", "data.json"):
            media[media_name(name)] = member

    manifest = read_json(tar, members["manifest.json"], path)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise CommandError(
            f"Unknown backup format {found!r}; this version reads format {FORMAT}. Nothing was restored."
        )
    if not isinstance(manifest.get("records"), dict) or not isinstance(manifest.get("media"), dict):
        raise CommandError("The archive's manifest lacks its record counts or media list. Nothing was restored.")
    missing, unlisted = sorted(set(manifest["media"]) - set(media)), sorted(set(media) - set(manifest["media"]))
    if missing:
        raise CommandError(
            f"The manifest lists media/{missing[0]}, which the archive does not hold. Nothing was restored."
        )
    if unlisted:
        raise CommandError(
            f"The archive holds media/{unlisted[0]}, which its manifest does not list. Nothing was restored."
        )

    counts = {MOVED_MODELS.get(label, label): count for label, count in manifest["records"].items() if count}
    records = read_json(tar, members["data.json"], path)
    try:
        # Fields a migration dropped on purpose, which the sections name: an older archive restores without them.
        dropped = sections.dropped_fields()
        moved = sections.moved_fields()
        for record in records:
            record["model"] = MOVED_MODELS.get(record["model"], record["model"])
            for name in dropped.get(record["model"], ()):
                record["fields"].pop(name, None)
            if record["model"] in moved:
                fields = moved[record["model"]]
                if record["fields"].get(fields.holder):
                    raise CommandError(
                        f"{record['model']} {record['pk']} holds {fields.holder} "
                        f"{record['fields'][fields.holder]!r}, which {fields.why}: restore this archive with the "
                        "version of the site that made it, then upgrade (migrate moves it). Nothing was restored."
                    )
                for name in fields.names:
                    record["fields"].pop(name, None)
        in_data = dict(Counter(record["model"] for record in records))
    except (TypeError, KeyError) as error:
        raise CommandError(f"data.json in {path} is not a list of records. Nothing was restored.") from error
    for label in sorted(set(counts) | set(in_data)):
        if in_data.get(label, 0) != counts.get(label, 0):
            raise CommandError(
                f"data.json holds {in_data.get(label, 0)} records of {label}; the manifest says "
                f"{counts.get(label, 0)}. Nothing was restored."
            )
    unknown = sorted(set(counts) - {model._meta.label_lower for model in content_models()})
    if unknown:
        raise CommandError(
            f"The archive holds records of {', '.join(unknown)}, which this version of the site does not keep. "
            "Nothing was restored."
        )
    return Checked(manifest, records, counts, media)


def what_is_there():
    """Models with rows and the number of media files: what a restore without --replace refuses to overwrite."""
    filled = [label for label, count in record_counts().items() if count]
    return filled, len(media_files())


def stage_media(tar, checked, staging):
    """Writes the archive's media files into the folder `staging`, each read back and checked against the
    manifest's SHA-256, with the permissions the media storage gives its files."""
    storage = FileSystemStorage(
        location=staging,
        file_permissions_mode=default_storage.file_permissions_mode,
        directory_permissions_mode=default_storage.directory_permissions_mode,
    )
    for name, member in checked.media.items():
        try:
            saved = storage.save(name, File(tar.extractfile(member), name=name))
        except UNREADABLE as error:
            raise CommandError(f"Media file {name} could not be staged ({error}). Nothing was restored.") from error
        if saved != name:
            raise CommandError(f"Media file {name} could only be stored as {saved}. Nothing was restored.")
        with storage.open(saved, "rb") as staged:
            if sha256(staged) != checked.manifest["media"][name]:
                raise CommandError(
                    f"Media file {name} is damaged in the archive (its checksum differs from the manifest's). "
                    "Nothing was restored."
                )


class MediaSwap:
    """Puts the staged files in the media folder's place. Staging and the old files' place aside are folders
    inside the media folder, so every move is a rename on one filesystem, also when the media folder is a
    mount point (which cannot itself be renamed, and whose neighbours are on another filesystem). The old
    files stay aside until the restore has committed."""

    def __init__(self, media_root, staging):
        self.media_root, self.staging = media_root, staging
        self.aside = Path(tempfile.mkdtemp(prefix=".replaced-", dir=media_root))
        self.moved_aside, self.moved_in = [], []

    def swap(self):
        old = [
            entry.name for entry in self.media_root.iterdir() if entry.name not in (self.staging.name, self.aside.name)
        ]
        try:
            for name in old:
                (self.media_root / name).rename(self.aside / name)
                self.moved_aside.append(name)
            for entry in self.staging.iterdir():
                entry.rename(self.media_root / entry.name)
                self.moved_in.append(entry.name)
        except OSError as error:
            raise CommandError(f"The media folder could not be swapped ({error}). Nothing was restored.") from error

    def undo(self):
        """The old files back in place, the staged ones back in staging (which restore then deletes)."""
        for name in reversed(self.moved_in):
            (self.media_root / name).rename(self.staging / name)
        for name in reversed(self.moved_aside):
            (self.aside / name).rename(self.media_root / name)
        self.moved_in, self.moved_aside = [], []
        self.aside.rmdir()

    def finish(self):
        shutil.rmtree(self.aside)


def restore(path, replace=False):
    """Loads an archive: checks all of it, stages its media files in a hidden folder of the media folder, loads the
    records in a transaction and checks their counts, and only then swaps the media files in and commits. A
    refusal or failure at any step leaves the database and the media files as they were."""
    if not isinstance(default_storage, FileSystemStorage):
        raise CommandError(
            "restore works with media files in a folder on disk (Django's FileSystemStorage); this site stores them "
            f"with {type(default_storage).__name__}. Nothing was restored."
        )
    with open_archive(path) as tar:
        checked = check_archive(tar, path)
        filled, files = what_is_there()
        if (filled or files) and not replace:
            raise CommandError(
                "The database or media folder is not empty "
                f"(records in: {', '.join(filled) or 'none'}; {files} media files). Restore only into a freshly "
                "migrated, empty database, or pass --replace to replace everything there."
            )
        media_root = Path(default_storage.location)
        media_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media_root))
        try:
            stage_media(tar, checked, staging)
            with tempfile.TemporaryDirectory() as tmp:
                data = Path(tmp) / "data.json"
                data.write_text(json.dumps(checked.records))
                swap = MediaSwap(media_root, staging)
                try:
                    with transaction.atomic():
                        if replace:
                            call_command("flush", interactive=False, verbosity=0)
                        try:
                            call_command("loaddata", str(data), verbosity=0)
                        except (DeserializationError, DatabaseError) as error:
                            raise CommandError(
                                f"The archive's records could not be loaded ({error}). Nothing was restored."
                            ) from error
                        if {label: count for label, count in record_counts().items() if count} != checked.counts:
                            raise CommandError(
                                "The restored records do not match the manifest's counts. Nothing was restored."
                            )
                        swap.swap()
                except BaseException:
                    swap.undo()
                    raise
                swap.finish()
        finally:
            shutil.rmtree(staging)
    return checked.manifest
