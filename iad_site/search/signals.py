"""Keeps the search index in step with staff edits: every save or delete of an indexed object, or of
something shown inside one (a city's country, a plan's project), rewrites the affected rows at once.

Raw saves (`loaddata`) are skipped: related rows may not be loaded yet. `manage.py seed` rebuilds the
whole index after loading the fixtures.

After a `migrate` that applied search.0003_thai_typing, the pages indexed with Thai typing slips left in
are re-indexed (see that migration).
"""

import contextlib

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_migrate, post_save

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


# The migration after which rows written by earlier versions of the site must be re-indexed.
THAI_TYPING_MIGRATION = ("search", "0003_thai_typing")


def reindex_after_upgrade(sender, using, plan=None, **kwargs):
    # `plan` holds (migration, backwards) for each migration this `migrate` ran; other commands that send
    # post_migrate (flush) pass none. The index is read and written on the default database only.
    if using != DEFAULT_DB_ALIAS:
        return
    if any((m.app_label, m.name) == THAI_TYPING_MIGRATION and not backwards for m, backwards in plan or ()):
        search.reindex_mistyped()


def connect():
    post_migrate.connect(
        reindex_after_upgrade, sender=apps.get_app_config("search"), dispatch_uid="search-reindex-after-upgrade"
    )
    for spec in search.specs():
        model = apps.get_model(spec.model)
        post_save.connect(indexed_saved, sender=model, dispatch_uid=f"search-save-{spec.model}")
        post_delete.connect(indexed_deleted, sender=model, dispatch_uid=f"search-delete-{spec.model}")
    # Models shown inside indexed pages: each section names the indexed objects to refresh when they change.
    for label in sections.search_dependents():
        model = apps.get_model(label)
        post_save.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-save-{label}")
        post_delete.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-delete-{label}")
