"""Keeps the search index in step with staff edits: every save or delete of an indexed object, or of
something shown inside one (a city's country, a plan's project), rewrites the affected rows at once.

Raw saves (`loaddata`) are skipped: related rows may not be loaded yet. `manage.py seed` rebuilds the
whole index after loading the fixtures.
"""

import contextlib

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save

from iad_site import search


def _refresh(objects):
    for obj in objects:
        search.index_object(obj)


# For each model shown inside indexed pages: which indexed objects to refresh when it changes.
DEPENDENTS = {
    "relations.Country": lambda country: [*country.sister_cities.all(), *country.embassies.all()],
    # An activity is public only while its city or network is.
    "relations.SisterCity": lambda city: city.activities.all(),
    "relations.CityNetwork": lambda network: network.activities.all(),
    "pages.PlanProject": lambda project: [project.plan],
    "pages.MilestoneUnit": lambda unit: [unit.milestone],
}


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
        _refresh(DEPENDENTS[sender._meta.label](instance))


def connect():
    for spec in search.SPECS:
        model = apps.get_model(spec.model)
        post_save.connect(indexed_saved, sender=model, dispatch_uid=f"search-save-{spec.model}")
        post_delete.connect(indexed_deleted, sender=model, dispatch_uid=f"search-delete-{spec.model}")
    for label in DEPENDENTS:
        model = apps.get_model(label)
        post_save.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-save-{label}")
        post_delete.connect(dependent_changed, sender=model, dispatch_uid=f"search-dep-delete-{label}")
