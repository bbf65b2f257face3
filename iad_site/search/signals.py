"""Keeps the search index in step with staff edits: every save or delete of an indexed object, or of
something shown inside one (a city's country, a plan's project), rewrites the affected rows at once.

Raw saves (`loaddata`) are skipped: related rows may not be loaded yet. `manage.py seed` rebuilds the
whole index after loading the fixtures.
"""

import contextlib

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save

from iad_site.core import sections
from iad_site.search import engine as search


def _refresh(objects):
    for obj in objects:
        search.index_object(obj)


def indexed_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search.index_object(instance)


def indexed_deleted(sender, instance, **kwargs):
    search.remove_object(sender, instance.pk)


def dependent_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # ObjectDoesNotExist: the parent is being deleted in the same cascade; its own signal removes its rows.
    with contextlib.suppress(ObjectDoesNotExist):
        _refresh(sections.search_dependents()[sender._meta.label](instance))


def connect():
    for spec in search.specs():
        model = apps.get_model(spec.model)
        post_save.connect(indexed_saved, sender=model, dispatch_uid=f"search-save-{spec.model}")
        post_delete.connect(indexed_deleted, sender=model, dispatch_uid=f"search-delete-{spec.model}")
    # Models shown inside indexed pages: each section names the indexed objects to refresh when they change.
    for label in sections.search_dependents():
        model = apps.get_model(label)
        post_save.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-save-{label}")
        post_delete.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-delete-{label}")
