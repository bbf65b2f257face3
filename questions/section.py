"""What the questions section adds to the site: the Ask page, the FAQ, the service figures, the privacy page,
their navigation entry and the FAQ in the site search. Status and confirmation pages are private."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import NavItem, PageType, Section
from iad_site.search.engine import IndexSpec, translated


def _topic(obj, language):
    return translated(obj.topic, "name", language)[0]


section = Section(
    page_types=(
        PageType("ask", "questions:ask", form=True),
        PageType("faq", "questions:faq"),
        PageType("question_figures", "questions:figures"),
        PageType("question_privacy", "questions:privacy"),
    ),
    private_pages=("questions:sent", "questions:status"),
    nav=(NavItem(70, "questions:ask", _("Questions")),),
    search_specs=(
        IndexSpec(
            "faq",
            _("Frequently asked question"),
            "questions.FAQEntry",
            "question",
            body=("answer", _topic),
            select_related=("topic",),
        ),
    ),
    search_dependents={"questions.Topic": lambda topic: topic.faq_entries.all()},
)
