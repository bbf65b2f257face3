"""Importing the embassy directory from the admin: upload a CSV, see every row's problems or what will change,
confirm. The checks and the import are `manage.py import_embassies`'s own (one implementation): this view
only reads the upload (UTF-8, or the Thai Windows code page Thai Excel saves in), shows the result, and makes
the confirmed import one revision that staff can revert from each embassy's history.
"""

import io
import secrets
import tempfile
from pathlib import Path

import reversion
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .management.commands.import_embassies import Command as ImportCommand

UPLOAD_SECONDS = 60 * 60
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Tried in order: UTF-8 (with or without the byte-order mark Excel writes), then Windows-874, the Thai code
# page of Thai Windows and Excel's "CSV" (cp874 decodes almost any bytes, so it can only come second).
ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp874", _("Thai Windows (Windows-874)")))


class RollBack(Exception):
    """Raised inside the preview's transaction so that nothing it wrote is kept."""


def decode(data):
    """(text, name of the encoding it was in); ValueError if it is neither."""
    for codec, name in ENCODINGS:
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise ValueError


def run_import(text, dry_run):
    """Runs the command's import on `text`: (ok, its summary or its list of problems by line)."""
    command = ImportCommand(stdout=io.StringIO(), stderr=io.StringIO())
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "embassies.csv"
        csv_path.write_text(text, encoding="utf-8")
        try:
            with translation.override("en"), transaction.atomic():
                command.import_file(str(csv_path))
                if dry_run:
                    raise RollBack
        except RollBack:
            pass
        except CommandError as error:
            return False, str(error)
    return True, command.stdout.getvalue().strip()


class EmbassyImportMixin:
    """For the embassies' admin: an "Import from a file" button on the list and its two-step page."""

    change_list_template = "admin/relations/embassy/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="relations_embassy_import"), *super().get_urls()]

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.opts, "title": _("Import embassies")}
        if request.method == "POST" and "token" in request.POST:
            return self._confirm(request)
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None or upload.size > MAX_UPLOAD_BYTES:
                context["problem"] = gettext("Choose a CSV file of up to 5 MB.")
                return TemplateResponse(request, "admin/relations/embassy/import.html", context)
            try:
                text, encoding = decode(upload.read())
            except ValueError:
                context["problem"] = gettext("The file is not text: save it from Excel as CSV.")
                return TemplateResponse(request, "admin/relations/embassy/import.html", context)
            ok, report = run_import(text, dry_run=True)
            context.update({"checked": True, "ok": ok, "report": report, "encoding": encoding})
            if ok:
                token = secrets.token_urlsafe(24)
                cache.set(f"iad-embassy-import:{token}", {"user": request.user.pk, "text": text}, UPLOAD_SECONDS)
                context["token"] = token
        return TemplateResponse(request, "admin/relations/embassy/import.html", context)

    def _confirm(self, request):
        key = f"iad-embassy-import:{request.POST['token']}"
        upload = cache.get(key)
        if not upload or upload["user"] != request.user.pk:
            self.message_user(request, gettext("That upload has expired: choose the file again."), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:relations_embassy_import"))
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(gettext("Imported from a file"))
            ok, report = run_import(upload["text"], dry_run=False)
        cache.delete(key)
        # The file was checked a moment ago; another import in between can still make it wrong.
        self.message_user(request, report, messages.SUCCESS if ok else messages.ERROR)
        return HttpResponseRedirect(reverse("admin:relations_embassy_changelist"))
