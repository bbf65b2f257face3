"""The public side of questions: ask, the confirmation, the private status page, the FAQ, the figures, privacy."""

from itertools import groupby

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from iad_site.inbox import mail
from iad_site.inbox.figures import service_figures
from iad_site.inbox.privacy import PrivacyNotice
from iad_site.inbox.views import PublicRequestCreateView, StatusPageMixin

from .forms import QuestionForm
from .models import FAQEntry, Question

PRIVACY = PrivacyNotice(
    subject=_("your question"),
    purpose=_(
        "to answer your question, which is part of the office's public task of advising the public on Bangkok's "
        "international affairs"
    ),
    required=(_("your name"), _("your email address"), _("the topic"), _("your question")),
    optional=(_("your organisation"), _("your country")),
    consent=_(
        "Only if you tick the box for it, the office may publish your question and its answer as a frequently "
        "asked question, rewritten without your name or anything that identifies you. Without the tick, nothing "
        "of your question is published."
    ),
    page_url_name="questions:privacy",
    contact_url_name=("pages:static_page", "contact"),
)


class AskView(PublicRequestCreateView):
    form_class = QuestionForm
    template_name = "questions/ask.html"
    confirmation_url_name = "questions:sent"
    extra_context = {"privacy": PRIVACY}

    def after_stored(self, question):
        origin = mail.site_origin(self.request)
        context = {"question": question, "site_origin": origin}
        mail.queue_mail("questions/mail/received", question.email, question.language, context, name=question.name)
        admin_url = reverse("admin:questions_question_change", args=[question.pk])
        mail.notify_office("questions/mail/new_question", {**context, "admin_url": admin_url})


class ConfirmationView(StatusPageMixin, DetailView):
    model = Question
    template_name = "questions/sent.html"
    context_object_name = "question"

    def get_queryset(self):
        return super().get_queryset().select_related("topic")


class StatusView(ConfirmationView):
    template_name = "questions/status.html"


class FAQView(TemplateView):
    template_name = "questions/faq.html"

    def get_context_data(self, **kwargs):
        entries = list(FAQEntry.objects.for_page())
        groups = [(topic, list(items)) for topic, items in groupby(entries, key=lambda entry: entry.topic)]
        return super().get_context_data(groups=groups, **kwargs)


class FiguresView(TemplateView):
    template_name = "questions/figures.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=service_figures(Question.objects.all()), **kwargs)


class PrivacyView(TemplateView):
    template_name = "questions/privacy.html"
    extra_context = {"privacy": PRIVACY}
