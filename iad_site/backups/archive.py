"""One-file backups of everything staff entered: every record (both languages) and every uploaded file.

The archive is a gzipped tar with
    manifest.json   format version, when, record counts per model, SHA-256 of every media file ("media") and
                    of every private file ("private")
    data.json       every app's records in `dumpdata`'s JSON (natural keys for content types and permissions,
                    so it loads into any freshly migrated database), through base managers so nothing is
                    filtered out, and times to the microsecond
    media/...       every file in the default storage, under its storage name
    private/...     every file in settings.PRIVATE_MEDIA_ROOT (files with no public address, such as visitors'
                    letters), under its storage name
An archive written before private files were backed up has no "private" key: its restore leaves the private
folder as it is.
Left out: what Django rebuilds or what is not content: content types and permissions (recreated by
`migrate`), sessions, and django-axes' login-attempt records.
Used by `manage.py backup` and `manage.py restore`.
"""

import contextlib
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
from django.conf import settings
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


# The folders an archive holds files of: its prefix in the archive and its key in the manifest.
MEDIA, PRIVATE = "media", "private"
FOLDERS = (MEDIA, PRIVATE)
# Private files are readable by the site's user alone, whatever the process's umask.
PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE = 0o600, 0o700


def storage_of(folder):
    """The storage an archive folder's files come from and go to. The private folder is named by its setting, not
    by the section that stores files there (the frame never names a section's models)."""
    if folder == MEDIA:
        return default_storage
    return FileSystemStorage(
        location=settings.PRIVATE_MEDIA_ROOT,
        file_permissions_mode=PRIVATE_FILE_MODE,
        directory_permissions_mode=PRIVATE_FOLDER_MODE,
    )


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


def add_media_files(tar, folder=MEDIA):
    """Every file of the folder's storage into the tar under folder/, each read once for its checksum and once to
    copy: {storage name: SHA-256}. Shared with the PostgreSQL archive (postgresql.py)."""
    storage = storage_of(folder)
    checksums = {}
    for name in media_files(storage):
        with storage.open(name, "rb") as source:
            checksums[name] = sha256(source)
            source.seek(0)
            info = tarfile.TarInfo(f"{folder}/{name}")
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
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "database": connection.vendor,
                "records": counts,
                **{folder: add_media_files(tar, folder) for folder in FOLDERS},
            }
            add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    partial.replace(path)
    return manifest


def media_name(member_name):
    """The folder (media or private) and storage name of an archive member under media/ or private/; a name that
    could land anywhere else is refused."""
    # "media//etc/passwd" too: what follows "media/" is itself an absolute path.
    if member_name.startswith(("/", *(f"{folder}//" for folder in FOLDERS))):
        raise CommandError(
            f"The archive holds a file with an absolute path, {member_name!r}; a restore writes only inside the "
            "media and private folders. Nothing was restored."
        )
    folder, _, name = member_name.partition("/")
    if folder not in FOLDERS or ".." in name.split("/"):
        raise CommandError(
            f"The archive holds a file outside its media and private folders, {member_name!r}. Nothing was restored."
        )
    if any(part in ("", ".") for part in name.split("/")):
        raise CommandError(
            f"The archive holds a file name that `manage.py backup` never writes, {member_name!r}. Nothing was restored."
        )
    return folder, name


def files_by_folder(members, manifest):
    """The archive's file members ({name: TarInfo}, manifest and dump left out) by folder and storage name, for
    each folder the manifest lists: exactly the files it lists, no more and no fewer. An archive written before
    private files were backed up lists no private folder and must hold no private file."""
    found = {folder: {} for folder in FOLDERS}
    for member_name, member in members.items():
        folder, name = media_name(member_name)
        found[folder][name] = member
    if not isinstance(manifest.get(MEDIA), dict) or not isinstance(manifest.get(PRIVATE, {}), dict):
        raise CommandError("The archive's manifest lacks its record counts or media list. Nothing was restored.")
    for folder in FOLDERS:
        listed = manifest.get(folder, {})
        missing, unlisted = sorted(set(listed) - set(found[folder])), sorted(set(found[folder]) - set(listed))
        if missing:
            raise CommandError(
                f"The manifest lists {folder}/{missing[0]}, which the archive does not hold. Nothing was restored."
            )
        if unlisted:
            raise CommandError(
                f"The archive holds {folder}/{unlisted[0]}, which its manifest does not list. Nothing was restored."
            )
    return {folder: files for folder, files in found.items() if folder in manifest}


# What reading a damaged or cut-off .tar.gz raises.
UNREADABLE = (OSError, EOFError, zlib.error, tarfile.TarError)


def private_files_restored(manifest):
    """What a restore did to the private folder, for the restore commands' report."""
    if PRIVATE not in manifest:
        return "no private files (an archive from before they were backed up: the private folder was left as it is)"
    return f"{len(manifest[PRIVATE])} private files"


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
    files: dict  # folder -> storage name -> tar member, in the archive's order; no "private" in an older archive


def check_archive(tar, path):
    """Everything a restore relies on, before it touches anything: a manifest of a known format, only regular
    files with safe names, the media and private files the manifest lists and no others, and data.json holding as
    many records of each model as the manifest says, all of models this site has. (The checksums are checked as
    the files are staged: stage_media.)"""
    try:
        members = {member.name: member for member in tar.getmembers()}
    except UNREADABLE as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}).") from error
    if "manifest.json" not in members or "data.json" not in members:
        raise CommandError(f"{path} is not a backup made by `manage.py backup` (no manifest.json or data.json).")
    for name, member in members.items():
        if not member.isfile():
            raise CommandError(f"The archive holds something other than a file: {name!r}. Nothing was restored.")

    manifest = read_json(tar, members["manifest.json"], path)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise CommandError(
            f"Unknown backup format {found!r}; this version reads format {FORMAT}. Nothing was restored."
        )
    if not isinstance(manifest.get("records"), dict):
        raise CommandError("The archive's manifest lacks its record counts or media list. Nothing was restored.")
    files = files_by_folder(
        {name: member for name, member in members.items() if name not in ("manifest.json", "data.json")}, manifest
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
    return Checked(manifest, records, counts, files)


def file_counts(folders):
    """The number of files in each of `folders`: {folder: count}."""
    return {folder: len(media_files(storage_of(folder))) for folder in folders}


def what_is_there(folders):
    """Models with rows and the number of files in each of `folders` (those the archive replaces): what a restore
    without --replace refuses to overwrite."""
    return [label for label, count in record_counts().items() if count], file_counts(folders)


def folder_root(folder):
    """The folder on disk, made if absent (the private one readable by its owner alone)."""
    root = Path(storage_of(folder).location)
    root.mkdir(mode=PRIVATE_FOLDER_MODE if folder == PRIVATE else 0o777, parents=True, exist_ok=True)
    return root


def stage_media(tar, folder, members, checksums, staging):
    """Writes an archive folder's files ({storage name: tar member}) into the folder `staging`, each read back and
    checked against its SHA-256 in `checksums`, with the permissions the folder's storage gives its files."""
    like = storage_of(folder)
    storage = FileSystemStorage(
        location=staging,
        file_permissions_mode=like.file_permissions_mode,
        directory_permissions_mode=like.directory_permissions_mode,
    )
    kind = f"{folder.capitalize()} file"
    for name, member in members.items():
        try:
            saved = storage.save(name, File(tar.extractfile(member), name=name))
        except UNREADABLE as error:
            raise CommandError(f"{kind} {name} could not be staged ({error}). Nothing was restored.") from error
        if saved != name:
            raise CommandError(f"{kind} {name} could only be stored as {saved}. Nothing was restored.")
        with storage.open(saved, "rb") as staged:
            if sha256(staged) != checksums[name]:
                raise CommandError(
                    f"{kind} {name} is damaged in the archive (its checksum differs from the manifest's). "
                    "Nothing was restored."
                )


def stage_folders(tar, files, manifest, stack):
    """Stages every folder of `files` ({folder: {storage name: member}}) in a hidden folder inside its own folder
    on disk, deleted when `stack` closes: {folder: (its root, its staging folder)}."""
    staged = {}
    for folder, members in files.items():
        root = folder_root(folder)
        staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=root))
        stack.callback(shutil.rmtree, staging, ignore_errors=True)
        stage_media(tar, folder, members, manifest[folder], staging)
        staged[folder] = root, staging
    return staged


class MediaSwap:
    """Puts the staged files in the media (or private) folder's place. Staging and the old files' place aside are
    folders inside that folder, so every move is a rename on one filesystem, also when the media folder is a
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
            raise CommandError(f"{self.media_root} could not be swapped ({error}). Nothing was restored.") from error

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
    """Loads an archive: checks all of it, stages its media and private files in a hidden folder of the media and
    private folders, loads the records in a transaction and checks their counts, and only then swaps the files in
    and commits. A refusal or failure at any step leaves the database and both folders as they were. Returns the
    manifest; one without "private" left the private folder as it was."""
    if not isinstance(default_storage, FileSystemStorage):
        raise CommandError(
            "restore works with media files in a folder on disk (Django's FileSystemStorage); this site stores them "
            f"with {type(default_storage).__name__}. Nothing was restored."
        )
    with open_archive(path) as tar, contextlib.ExitStack() as stack:
        checked = check_archive(tar, path)
        filled, files = what_is_there(checked.files)
        if (filled or any(files.values())) and not replace:
            raise CommandError(
                f"The database or {' or '.join(f'{folder} folder' for folder in files)} is not empty "
                f"(records in: {', '.join(filled) or 'none'}; "
                f"{'; '.join(f'{count} {folder} files' for folder, count in files.items())}). Restore only into a "
                "freshly migrated, empty database, or pass --replace to replace everything there."
            )
        staged = stage_folders(tar, checked.files, checked.manifest, stack)
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data.json"
            data.write_text(json.dumps(checked.records))
            swaps = [MediaSwap(root, staging) for root, staging in staged.values()]
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
                    for swap in swaps:
                        swap.swap()
            except BaseException:
                for swap in reversed(swaps):
                    swap.undo()
                raise
            for swap in swaps:
                swap.finish()
    return checked.manifest
