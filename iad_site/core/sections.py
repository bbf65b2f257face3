"""The registry of the site's sections: what each app adds to the public site, declared in its own files.

An app takes part by having a `section.py` module that defines `section = Section(...)`: its public page
types, its main-navigation entries, its feeds, its search index specs, its sitemap, its open-data files and
the seed content it loads other than from fixtures.
The frame reads them from here and never names an app's models itself. Apps are read in INSTALLED_APPS
order, which is also the order of their search kinds and sitemap entries.

A *content* section (the default) is one whose models staff edit: every save of them drops the page
cache, and the Editors group may add, change, delete and view all of them. Plumbing apps that add pages
of their own (search, the not-found page) declare `holds_content=False`.
"""

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from importlib import import_module
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class PageType:
    """One kind of public page, with the way to find a real example of it in each language.

    A page named by `url_name` alone is one fixed page (the directory, the office page). A page with a
    `model` is the detail page of each published object of that model (its `get_absolute_url()`): the
    example is the first published one matching `example_filters`. `query` adds a query string to the
    example, either one for every language or one per language code. A fixed page that `requires` a model
    exists only while a published object of it does (the executives page, once staff publish someone).
    """

    name: str
    url_name: str = ""
    model: str = ""
    example_filters: Mapping = field(default_factory=dict)
    query: str | Mapping = ""
    # For pages with no URL name (the not-found page): the path after the language prefix.
    path: str = ""
    status: int = 200
    # Asks search engines not to index it (<meta name="robots" content="noindex">), on purpose.
    noindex: bool = False
    # Holds a form that posts (the Ask page): it sets Django's CSRF cookie, the one cookie a public page may set,
    # and is never cached.
    form: bool = False
    # A model label: the fixed page lists its published objects and is not there without one (answers 404,
    # left out of the sitemap and of the navigation that leads to it).
    requires: str = ""
    # False for a page type the seed content has no example of on purpose (nothing personal or invented is
    # seeded): public_pages() leaves it out where the database has none, and the walks over test databases add
    # a made-up example (tests/browser/data.py, add_unseeded_examples).
    seeded: bool = True

    def model_class(self):
        return apps.get_model(self.model)

    def exists(self):
        """Whether this page is there at all: always, unless it `requires` published objects and has none."""
        return not self.requires or apps.get_model(self.requires).objects.published().exists()

    def _query(self, language):
        query = self.query.get(language, "") if isinstance(self.query, Mapping) else self.query
        return f"?{quote(query, safe='=&')}" if query else ""

    def example_path(self, language):
        """The address of a real page of this type in `language`, read from the database."""
        with translation.override(language):
            if self.model:
                obj = self.model_class().objects.published().filter(**self.example_filters).distinct().first()
                if obj is None:
                    raise LookupError(f"No published {self.model} {dict(self.example_filters) or ''} to visit.")
                path = obj.get_absolute_url().split("#")[0]
            elif self.url_name:
                if not self.exists():
                    raise LookupError(f"No published {self.requires}: the page {self.name} is not there.")
                path = reverse(self.url_name)
            else:
                path = f"/{language}/{self.path}"
            return path + self._query(language)

    @property
    def in_sitemap(self):
        """A page to land on from a search engine: it answers 200, may be indexed and needs no query string.
        A page type with example filters is a kind of another's pages (a plan with documents), listed there."""
        return self.status == 200 and not self.noindex and not self.query and not self.example_filters


@dataclass(frozen=True)
class NavItem:
    """An entry of the main navigation. `position` orders entries across sections (home is 10)."""

    position: int
    url_name: str
    label: str


@dataclass(frozen=True)
class FeedLink:
    """An Atom feed, linked from every page's <head>."""

    url_name: str
    title: str


@dataclass(frozen=True)
class MovedFields:
    """Fields a migration moved to another model: an archive holding a value in `holder` is refused rather than
    restored without it; the others are dropped from older archives."""

    names: tuple
    holder: str
    why: str


@dataclass(frozen=True)
class Section:
    """What one app adds to the public site, declared as `section = Section(...)` in its section.py."""

    page_types: tuple = ()
    nav: tuple = ()
    feeds: tuple = ()
    # iad_site.search.engine.IndexSpec for each kind of page the site search finds.
    search_specs: tuple = ()
    # Model label -> callable(instance) giving the indexed objects that show it (a city's country).
    search_dependents: Mapping[str, Callable] = field(default_factory=dict)
    # Open-data files under /data/: name -> (callable giving the queryset, callable(request) giving columns).
    open_data: Mapping = field(default_factory=dict)
    # URL names of pages made for one visitor at an unguessable address (a request's status page): never
    # cached, never indexed, not in the sitemap. No example exists without a visitor's data, so the page walks
    # leave them out and the section's own tests visit them.
    private_pages: tuple = ()
    # Seed content kept in another form than fixtures/*.json (the embassy list, a CSV read by its importer):
    # callables(fixture directories, verbosity) that `manage.py seed` runs after loading the fixtures.
    seed_loaders: tuple = ()
    # Fields of this section's models that a migration dropped on purpose, by model label: a backup made before
    # it still restores, without them.
    dropped_fields: Mapping = field(default_factory=dict)
    # Fields of this section's models that a migration moved elsewhere, by model label: a backup made before it
    # restores only if it holds no value there.
    moved_fields: Mapping = field(default_factory=dict)
    holds_content: bool = True
    # Filled in by the registry: the app this section belongs to.
    app_label: str = ""


@functools.cache
def sections():
    """Every installed app's Section, in INSTALLED_APPS order."""
    found = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "section"):
            section = import_module(f"{app_config.name}.section").section
            found.append(replace(section, app_label=app_config.label))
    return tuple(found)


@receiver(setting_changed)
def _forget_sections(setting, **kwargs):
    # Tests install an extra section with override_settings(INSTALLED_APPS=...).
    if setting == "INSTALLED_APPS":
        sections.cache_clear()


def page_types():
    """The one list of public page types."""
    return [page_type for section in sections() for page_type in section.page_types]


def page_type(name):
    return next(page_type for page_type in page_types() if page_type.name == name)


def nav_items():
    return sorted((item for section in sections() for item in section.nav), key=lambda item: item.position)


def feeds():
    return [feed for section in sections() for feed in section.feeds]


def search_specs():
    return tuple(spec for section in sections() for spec in section.search_specs)


def search_dependents():
    return {label: find for section in sections() for label, find in section.search_dependents.items()}


def open_data():
    return {name: dataset for section in sections() for name, dataset in section.open_data.items()}


def seed_loaders():
    return [loader for section in sections() for loader in section.seed_loaders]


def dropped_fields():
    return {label: set(names) for section in sections() for label, names in section.dropped_fields.items()}


def moved_fields():
    return {label: moved for section in sections() for label, moved in section.moved_fields.items()}


def private_url_names():
    return {name for section in sections() for name in section.private_pages}


def content_app_labels():
    """The apps whose models staff edit: their changes drop the page cache; editors may edit them all."""
    return tuple(section.app_label for section in sections() if section.holds_content)


def languages():
    return [code for code, _name in settings.LANGUAGES]


def public_pages():
    """(page type, language, path, expected status, noindex) for every page type in every language; a page type
    the seed has no example of on purpose (`seeded=False`) only where this database has one."""
    found = []
    for page_type in page_types():
        for language in languages():
            try:
                path = page_type.example_path(language)
            except LookupError:
                if page_type.seeded:
                    raise
                continue
            found.append((page_type.name, language, path, page_type.status, page_type.noindex))
    return found
