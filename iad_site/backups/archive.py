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
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

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
        media = {}
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(data, "data.json")
            for name in media_files():
                with default_storage.open(name, "rb") as source:
                    media[name] = sha256(source)
                    source.seek(0)
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = default_storage.size(name)
                    info.mtime = int(timezone.now().timestamp())
                    tar.addfile(info, source)
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


def safe_media_name(member_name):
    """The storage name of an archive member under media/, refusing anything that could escape the folder."""
    parts = PurePosixPath(member_name).parts
    if len(parts) < 2 or parts[0] != "media" or any(part in ("", ".", "..") for part in parts[1:]):
        raise CommandError(f"The archive holds an unsafe file name: {member_name!r}. Nothing was restored.")
    return "/".join(parts[1:])


def open_archive(path):
    try:
        return tarfile.open(path, "r:gz")  # noqa: SIM115 (closed by restore's with-block)
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}).") from error


def check_archive(tar, path):
    """The archive's manifest of a known format, its data, and only regular files with safe names."""
    try:
        members = {member.name: member for member in tar.getmembers()}
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"{path} is not a readable backup archive ({error}).") from error
    if "manifest.json" not in members or "data.json" not in members:
        raise CommandError(f"{path} is not a backup made by `manage.py backup` (no manifest.json or data.json).")
    media = {}
    for name, member in members.items():
        if name in ("manifest.json", "data.json"):
            continue
        if not member.isfile():
            raise CommandError(f"The archive holds something other than a file: {name!r}. Nothing was restored.")
        media[safe_media_name(name)] = member
    manifest = json.loads(tar.extractfile(members["manifest.json"]).read())
    manifest["records"] = {MOVED_MODELS.get(label, label): count for label, count in manifest["records"].items()}
    if manifest.get("format") != FORMAT:
        raise CommandError(f"Unknown backup format {manifest.get('format')!r}; this version reads format {FORMAT}.")
    if set(media) != set(manifest["media"]):
        raise CommandError("The archive's media files do not match its manifest. Nothing was restored.")
    return members, manifest, media


def with_current_labels(records):
    """The archive's records with the labels of models that have moved app since it was written."""
    for record in records:
        record["model"] = MOVED_MODELS.get(record["model"], record["model"])
    return records


def what_is_there():
    """Models with rows and the number of media files: what a restore without --force refuses to overwrite."""
    filled = [label for label, count in record_counts().items() if count]
    return filled, len(media_files())


def restore(path, replace=False):
    with open_archive(path) as tar:
        members, manifest, media = check_archive(tar, path)
        filled, files = what_is_there()
        if (filled or files) and not replace:
            raise CommandError(
                "The database or media folder is not empty "
                f"(records in: {', '.join(filled) or 'none'}; {files} media files). Restore only into a freshly "
                "migrated, empty database, or pass --replace to delete everything there first."
            )
        with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
            if replace:
                call_command("flush", interactive=False, verbosity=0)
                for name in media_files():
                    default_storage.delete(name)
            data = Path(tmp) / "data.json"
            data.write_text(json.dumps(with_current_labels(json.loads(tar.extractfile(members["data.json"]).read()))))
            call_command("loaddata", str(data), verbosity=0)
            if record_counts() != {**dict.fromkeys(record_counts(), 0), **manifest["records"]}:
                raise CommandError("The restored records do not match the manifest's counts; nothing was kept.")
            for name, member in sorted(media.items()):
                content = tar.extractfile(member).read()
                if hashlib.sha256(content).hexdigest() != manifest["media"][name]:
                    raise CommandError(f"Media file {name} is damaged in the archive (checksum differs).")
                saved = default_storage.save(name, File(io.BytesIO(content), name=name))
                if saved != name:
                    raise CommandError(f"Media file {name} was stored as {saved}; the media folder was not empty.")
    return manifest
