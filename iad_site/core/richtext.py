"""The editor for formatted text that staff write (static pages' and news articles' bodies), and the one list
of what formatting the site keeps.

`EXTENSIONS` is what the editor (django-prose-editor: ProseMirror through Tiptap) lets staff make: bold,
italic, headings h2-h4 (h1 is the page's title), bulleted and numbered lists, links, quotations, tables and
line breaks. `ALLOWLIST` is derived from the same extensions by the library, and `clean()` is nh3 with that
list: the admin stores what it returns and the public pages' `clean_html` filter cleans with it again, so
markup no button makes (an h1, a script, an onclick, a style attribute) never reaches a visitor, even if it
came from a fixture or an older save. Pasted Word or web-page HTML goes through the editor's schema, which
keeps only these nodes and marks (an h1 or a styled span arrives as plain text of a paragraph).

The editor is started by a module of ours (iad_site/core/static/richtext/editor.js) rather than the library's loader: the
loader needs an inline import map and lets Tiptap inject a <style> element, and the site's
Content-Security-Policy (script-src and style-src 'self') allows neither. So no nonce is needed either.

Used as admin form fields (`RichTextAdminMixin.rich_text_fields`), not as a model field type, so adopting it
changed no column and needed no migration.
"""

import re

import nh3
from django import forms
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import ProseEditorWidget

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # Links open in the same window (no target choice), and only to addresses a visitor can follow.
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


def allowlist(extensions):
    """nh3's tags, attributes and URL schemes for exactly these extensions (plus the paragraphs, text and history
    every editor has). The library lets a link keep a rel too; ours makes none (richtext/editor.js)."""
    allowed = allowlist_from_extensions(extensions)
    if "a" in allowed["attributes"]:
        allowed["attributes"]["a"] = allowed["attributes"]["a"] - {"rel"}
    # nh3 adds rel="noopener noreferrer" to links by default; not needed for links opening in the same window.
    allowed["link_rel"] = None
    return allowed


ALLOWLIST = allowlist(EXTENSIONS)
_cleaner = nh3.Cleaner(**ALLOWLIST)

# Bold and italic as HTML written before the editor wrote them (<b>, <i>), kept as what the editor makes.
_LEGACY_MARKS = re.compile(r"<(/?)(b|i)(?=[\s/>])", re.IGNORECASE)
_MODERN_MARKS = {"b": "strong", "i": "em"}

# ProseMirror always holds one block: an untouched editor posts "<p></p>", which is no text.
_EMPTY = re.compile(r"^<(\w+)(\s[^>]*)?></\1>$")

HELP_TEXT = _(
    "Use the buttons above the text for headings, bold, lists, links, quotations and tables. Text pasted from "
    "Word or a web page keeps only that formatting."
)


def clean(html):
    """The HTML with only what the editor can make; "" for an empty editor."""
    modern = _LEGACY_MARKS.sub(lambda tag: f"<{tag[1]}{_MODERN_MARKS[tag[2].lower()]}", html or "")
    cleaned = _cleaner.clean(modern).strip()
    return "" if _EMPTY.match(cleaned) else cleaned


class RichTextWidget(ProseEditorWidget):
    """The library's textarea widget, with its assets served by the site and our own loader (module doc)."""

    def __init__(self, attrs=None):
        super().__init__(attrs, config={"extensions": EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "richtext/prosemirror.css",
                ]
            },
            js=[forms.Script("richtext/editor.js", type="module")],
        )


class RichTextFormField(ProseEditorFormField):
    """Cleaned with `clean()` before validation, so an empty editor counts as empty for a required field."""

    def __init__(self, *args, **kwargs):
        kwargs.update(config={"extensions": EXTENSIONS}, widget=RichTextWidget)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return clean(super().to_python(value))


class RichTextAdminMixin:
    """For a ModelAdmin: the fields named in `rich_text_fields` (each language's column) get the editor."""

    rich_text_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # modeltranslation asks for the original field ("body") and each language's ("body_th"), then copies
        # the original's widget onto the language ones: both must be ours.
        name = getattr(db_field, "translated_field", db_field).name
        if name in self.rich_text_fields:
            kwargs.update(form_class=RichTextFormField, widget=RichTextWidget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
