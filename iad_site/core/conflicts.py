"""No silent overwrites: a save through the admin is refused when someone else saved the item after it was opened.

The change form carries a version marker of the item as it was when the form was drawn: a hash of the stored
row and of every inline row (links, agreements, activities…), one part per inline, so a change made only to an
inline row by another editor also counts. On save, the marker posted is compared with the item's marker now;
when they differ, the form is shown again bound with everything the editor typed, with a form error naming who
saved last and when (reversion's latest revision) and a table of the fields where the stored text differs
from theirs. The re-drawn form carries the new marker, so a second save, once merged, goes through.
"""

import hashlib
import json

from django import forms
from django.core import serializers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from reversion.models import Version

from .dates import format_moment

MARKER_FIELD = "_version_marker"


def _digest(rows):
    text = json.dumps(rows, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def version_marker(model_admin, pk):
    """The item's marker as stored now: its row's hash, then one hash per inline's rows (ordered by pk)."""
    from .admin import inline_models  # admin.py builds ContentAdmin on this module

    stored = model_admin.model._default_manager.filter(pk=pk)
    parts = [_digest(serializers.serialize("python", stored))]
    for child, fk_name in inline_models(model_admin):
        rows = child._default_manager.filter(**{fk_name: pk}).order_by("pk")
        parts.append(_digest(serializers.serialize("python", rows)))
    return ".".join(parts)


def last_change(obj):
    """(who, when) of the latest saved revision of `obj`, as words to show staff."""
    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if version is None:
        return gettext("someone"), format_moment(obj.updated_at)
    user = version.revision.user
    who = (user.get_full_name() or user.get_username()) if user else gettext("someone")
    when = format_moment(version.revision.date_created)
    return who, when


def _shown(value):
    if value in (None, ""):
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def differences(form_class, stored_obj, bound_form):
    """[(label, stored, yours)] for each field of the main form where the stored value differs from the posted."""
    stored_form = form_class(instance=stored_obj)
    rows = []
    for name, field in bound_form.fields.items():
        # A file input never shows a stored file as its value: every upload field would look changed.
        if field.disabled or isinstance(field, forms.FileField):
            continue
        stored = stored_form[name].value()
        yours = bound_form[name].value()
        if field.has_changed(stored, yours):
            rows.append((str(field.label or name), _shown(stored), _shown(yours)))
    return rows


class ConflictCheckMixin:
    """For ModelAdmin: refuses a change-form save made over someone else's newer save (see the module doc)."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.iad_conflict = None
        posted = request.POST.get(MARKER_FIELD) if request.method == "POST" else None
        # A post without a marker comes from no change form of this admin (a script, an old open tab from
        # before this check existed): nothing to compare it with, so it is saved as before.
        if posted and object_id is not None:
            obj = self.get_object(request, object_id)
            if obj is not None and version_marker(self, obj.pk) != posted:
                changed = {"obj": obj}
                changed["who"], changed["when"] = last_change(obj)
                request.iad_conflict = changed
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        conflict = getattr(request, "iad_conflict", None)
        if not conflict:
            return form_class
        model_admin = self

        class ConflictForm(form_class):
            def clean(self):
                super().clean()
                stored = model_admin.model._default_manager.get(pk=conflict["obj"].pk)
                conflict["differences"] = differences(form_class, stored, self)
                raise ValidationError(
                    gettext(
                        "%(who)s saved this item on %(when)s, after you opened it. Your text is still in the "
                        "form below: compare it with the saved version, merge, and save again."
                    )
                    % {"who": conflict["who"], "when": conflict["when"]},
                    code="edit_conflict",
                )

        return ConflictForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and obj.pk is not None:
            # Drawn again after a refused save, the form carries the marker of what is stored now: once the
            # editor has merged, their next save goes through.
            context["version_marker"] = version_marker(self, obj.pk)
            context["version_marker_field"] = MARKER_FIELD
            context["edit_conflict"] = getattr(request, "iad_conflict", None)
        return super().render_change_form(request, context, add, change, form_url, obj)
