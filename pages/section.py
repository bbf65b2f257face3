"""What the office's own section adds to the site: its pages, navigation and search."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import MovedFields, NavItem, PageType, Section
from iad_site.search.engine import IndexSpec, translated


def _plan_projects(obj, language):
    return "\n".join(
        f"{translated(p, 'title', language)[0]} {translated(p, 'description', language)[0]}" for p in obj.projects.all()
    )


def _milestone_units(obj, language):
    return "\n".join(
        f"{translated(u, 'name', language)[0]} {translated(u, 'duties', language)[0]}" for u in obj.units.all()
    )


def _html_body(obj, language):
    return unescape(strip_tags(translated(obj, "body", language)[0]))


section = Section(
    page_types=(
        PageType("home", "pages:home"),
        PageType("plan_list", "pages:plan_list"),
        PageType("plan_detail", model="pages.Plan"),
        PageType("plan_detail_documents", model="pages.Plan", example_filters={"documents__isnull": False}),
        PageType("office", "pages:office"),
        PageType("history", "pages:history"),
        PageType("structure", "pages:structure"),
        # Nothing personal is seeded: the page is there once staff publish an executive.
        PageType("executives", "pages:executives", requires="pages.Executive", seeded=False),
        PageType("static_page", model="pages.StaticPage"),
    ),
    nav=(
        NavItem(10, "pages:home", _("Home")),
        NavItem(50, "pages:plan_list", _("Plans")),
        NavItem(60, "pages:office", _("The office")),
    ),
    search_specs=(
        IndexSpec(
            "plan",
            _("Plan"),
            "pages.Plan",
            "title",
            body=("summary", _plan_projects),
            prefetch_related=("projects",),
        ),
        IndexSpec(
            "history",
            _("Office history"),
            "pages.Milestone",
            "title",
            body=("decided_by", "summary", _milestone_units),
            prefetch_related=("units",),
        ),
        IndexSpec("page", _("Page"), "pages.StaticPage", "title", body=(_html_body,)),
    ),
    search_dependents={
        "pages.PlanProject": lambda project: [project.plan],
        "pages.MilestoneUnit": lambda unit: [unit.milestone],
    },
    moved_fields={
        "pages.plandocument": MovedFields(
            ("file", "file_size"), "file", "pages.0006 moved plans' files into the document library"
        )
    },
)
