"""The admin entirely in Thai for an editor: every page an editor can open, walked in Thai, shows no English
that came from a catalogue entry without a Thai translation.

How a miss is detected: while each page is drawn, Django's gettext functions are wrapped; a lookup in Thai
whose result has English words and no Thai letter (no Thai entry in any catalogue: the msgid came back) is
recorded, and reported when that text is on the page (lookups whose result is never shown, such as permission
names read for checks, do not count). The misses are split by whose catalogue the msgid belongs to: a library's
(Django, django-axes, django-reversion, django-modeltranslation: their Thai is in our catalogue, LOCALE_PATHS
winning) or the project's own. The JavaScript catalogue the admin's scripts use (/admin/jsi18n/) is checked
entry by entry against the admin's own message list, where a Thai entry that still carries English words
("%(sel)s จาก %(cnt)s selected", as Django ships it) counts as a miss too.
"""

import contextlib
import json
import re
from html import escape
from pathlib import Path

import django
import polib
import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation

# Words that read the same in a Thai text (names, formats, codes).
NOT_ENGLISH = {"Email", "Excel", "Word"}
PLACEHOLDER = re.compile(r"%(\([^)]*\))?[sdifr]|\{[^}]*\}|<[^>]+>|&\w+;")


THAI_LETTER = re.compile("[\u0e00-\u0e7f]")
LIBRARIES = ("django", "axes", "reversion", "modeltranslation")


def library_msgids():
    """Every msgid in the libraries' catalogues (one language each suffices: all list the same msgids)."""
    msgids = set()
    for name in LIBRARIES:
        root = Path(__import__(name).__file__).parent
        for po in root.glob("**/locale/*/LC_MESSAGES/django*.po"):
            if po.parts[-3] in ("en", "de") or name != "django":
                msgids.update(entry.msgid for entry in polib.pofile(str(po)))
    return msgids


def english_words(text):
    words = re.findall(r"[A-Za-z]{2,}", PLACEHOLDER.sub(" ", text))
    return [word for word in words if word not in NOT_ENGLISH and not word.isupper()]  # JP, US: codes


@pytest.fixture
def misses(monkeypatch):
    """Records (msgid, result) of every lookup in Thai that gave back English."""
    found = []
    trans = translation._trans

    def wrap(name):
        original = getattr(trans, name)

        def recording(*args):
            result = original(*args)
            text = str(result)
            if translation.get_language() == "th" and english_words(text) and not THAI_LETTER.search(text):
                found.append(text)
            return result

        monkeypatch.setattr(trans, name, recording, raising=False)

    for name in ("gettext", "ngettext", "pgettext", "npgettext"):
        wrap(name)
    return found


def editor_pages(editor, city):
    """Every admin page an editor may open: the index, per kind they may see its list, add form, recover list,
    the change form and history of one item where there is one."""
    request = RequestFactory().get("/admin/")
    request.user = editor
    urls = ["/admin/", "/admin/password_change/"]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(request):
            urls.append(reverse("admin:{}_{}_add".format(*info)))
            # reversion's "Recover deleted" needs the rights to add and to change.
            if model_admin.has_change_permission(request):
                with contextlib.suppress(NoReverseMatch):  # an admin without reversion has none
                    urls.append(reverse("admin:{}_{}_recoverlist".format(*info)))
        item = model._default_manager.first()
        if item is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[item.pk]))
            urls.append(reverse("admin:{}_{}_history".format(*info), args=[item.pk]))
    return urls


def untranslated_on_pages(client, editor, city, misses):
    """'page: text' for every English text an untranslated catalogue entry put on an editor's admin page."""
    client.cookies["django_language"] = "th"
    found = []
    for url in editor_pages(editor, city):
        misses.clear()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="th")
        assert response.status_code == 200, url
        page = response.content.decode()
        found.extend((url, text) for text in sorted(set(misses)) if escape(text) in page or text in page)
    return found


def test_every_admin_page_an_editor_opens_has_the_libraries_strings_in_thai(editor_client, editor, city, misses):
    libraries = library_msgids()
    found = untranslated_on_pages(editor_client, editor, city, misses)
    untranslated = [f"{url}: {text!r}" for url, text in found if text in libraries]
    assert not untranslated, "\n".join(untranslated)


def test_every_admin_page_an_editor_opens_has_the_projects_own_strings_in_thai(editor_client, editor, city, misses):
    libraries = library_msgids()
    found = untranslated_on_pages(editor_client, editor, city, misses)
    untranslated = sorted({text for _url, text in found if text not in libraries})
    assert not untranslated, "\n".join(repr(text) for text in untranslated)


def test_the_admin_scripts_catalogue_is_in_thai(editor_client):
    editor_client.cookies["django_language"] = "th"
    script = editor_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="th").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    source = Path(django.__file__).parent / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
    untranslated = []
    for entry in polib.pofile(str(source)):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        thai = catalogue.get(key)
        texts = thai if isinstance(thai, list) else [thai]
        if thai is None or any(english_words(text or "") for text in texts):
            untranslated.append(f"{entry.msgid!r}: {thai!r}")
    assert not untranslated, "\n".join(untranslated)
