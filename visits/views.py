"""The public side of visits: the request form, the confirmation, the private status page and withdrawal, the
how-to page, the service figures and the privacy notice."""

import csv

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, TemplateView

from iad_site.core.dates import display_year
from iad_site.inbox import mail
from iad_site.inbox.privacy import PrivacyNotice
from iad_site.inbox.views import PublicRequestCreateView, StatusPageMixin

from .figures import chart_bars, visit_figures
from .forms import SurveyForm, VisitRequestForm, earliest_date, minimum_lead_days
from .models import VisitGuide, VisitRequest

PRIVACY = PrivacyNotice(
    subject=_("your visit request"),
    purpose=_(
        "to arrange the visit you request, which is part of the office's public task of receiving Bangkok's "
        "guests from abroad"
    ),
    required=(
        _("the contact person's name"),
        _("your email address and telephone"),
        _("your organisation"),
        _("the name and position of the head of the delegation"),
        _("the proposed dates and the purpose"),
    ),
    optional=(_("your country"), _("topics of interest"), _("an official letter")),
    page_url_name="visits:privacy",
    contact_url_name=("pages:static_page", "contact"),
)


def notify_requester(visit, origin):
    """Queues the email telling the requester, in their language, where their request stands now."""
    context = {"visit": visit, "site_origin": origin}
    return mail.queue_mail("visits/email/status_changed", visit.email, visit.language, context, name=visit.name)


class RequestVisitView(PublicRequestCreateView):
    form_class = VisitRequestForm
    template_name = "visits/request.html"
    confirmation_url_name = "visits:sent"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            privacy=PRIVACY,
            lead_days=minimum_lead_days(),
            earliest=earliest_date(),
            **kwargs,
        )

    def after_stored(self, visit):
        origin = mail.site_origin(self.request)
        context = {"visit": visit, "site_origin": origin}
        mail.queue_mail("visits/email/received", visit.email, visit.language, context, name=visit.name)
        admin_url = reverse("admin:visits_visitrequest_change", args=[visit.pk])
        mail.notify_office("visits/email/new_request", {**context, "admin_url": admin_url})


class ConfirmationView(StatusPageMixin, DetailView):
    model = VisitRequest
    template_name = "visits/sent.html"
    context_object_name = "visit"

    def get_queryset(self):
        return super().get_queryset().select_related("kind", "country")


class StatusView(ConfirmationView):
    template_name = "visits/status.html"


class PrivateFormPageMixin:
    """A page with a form at the request's token address: never cached, never indexed. Not `private()`: under
    its no-referrer policy a browser posts with `Origin: null`, which the CSRF check refuses; same-origin keeps
    the token address on this site."""

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "same-origin"
        return response


class WithdrawView(PrivateFormPageMixin, DetailView):
    """Asks once more, then withdraws on POST."""

    model = VisitRequest
    template_name = "visits/withdraw.html"
    context_object_name = "visit"
    slug_field = "status_token"
    slug_url_kwarg = "token"

    def post(self, request, token):
        visit = get_object_or_404(VisitRequest, status_token=token)
        if visit.can_withdraw:
            visit.withdraw()
            notify_requester(visit, mail.site_origin(request))
        return HttpResponseRedirect(visit.get_status_url(), status=303)


class SurveyView(PrivateFormPageMixin, FormView):
    """The satisfaction survey of a completed visit, at its token address; any other request's survey, and that of
    a request whose retention period ended, is not there (404). One answer per request: once it is in, the page
    says so, and a second answer is refused (409) with the first kept."""

    form_class = SurveyForm
    template_name = "visits/survey.html"

    def dispatch(self, request, *args, **kwargs):
        token = kwargs["token"]
        if len(token) > 64:
            raise Http404
        self.visit = get_object_or_404(
            VisitRequest.objects.completed().filter(personal_data_removed_at__isnull=True), status_token=token
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.visit.survey_is_open:
            return self.render_to_response(self.get_context_data(form=None))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(visit=self.visit, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.visit.survey_is_open:
            return self.already_answered()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.visit.answer_survey(form.cleaned_data["satisfaction"], form.cleaned_data["comment"].strip()):
            return self.already_answered()
        return HttpResponseRedirect(self.visit.get_status_url(), status=303)

    def already_answered(self):
        return self.render_to_response(self.get_context_data(form=None), status=409)


class GuideView(TemplateView):
    """The office's own text once staff publish it (staff preview it before); until then the page says so and
    leads to the form, rather than answering 404 to a visitor who followed a link."""

    template_name = "visits/guide.html"

    def get_context_data(self, **kwargs):
        guide = VisitGuide.objects.visible_to(self.request.user).order_by("pk").first()
        return super().get_context_data(guide=guide, **kwargs)


class PrivacyView(TemplateView):
    template_name = "visits/privacy.html"
    extra_context = {"privacy": PRIVACY}


CHART_WIDTH = 400
CHART_LABEL_WIDTH = 60
CHART_BAR_HEIGHT = 24
CHART_GAP = 12


class FiguresView(TemplateView):
    template_name = "visits/figures.html"

    def get_context_data(self, **kwargs):
        years = visit_figures(VisitRequest.objects.all())
        bars = chart_bars(years, CHART_WIDTH, CHART_BAR_HEIGHT, CHART_GAP)
        return super().get_context_data(
            years=years,
            bars=bars,
            chart_width=CHART_LABEL_WIDTH + CHART_WIDTH + 60,
            chart_height=len(bars) * (CHART_BAR_HEIGHT + CHART_GAP),
            label_width=CHART_LABEL_WIDTH,
            bar_height=CHART_BAR_HEIGHT,
            **kwargs,
        )


class FiguresCSVView(TemplateView):
    """The figures page's numbers as CSV, in the page's language: one row per fiscal year and breakdown."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="visit-figures.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "fiscal_year",
                "breakdown",
                "label",
                "received",
                "answered",
                "completed",
                "median_days",
                "survey_answers",
                "average_satisfaction",
            ]
        )
        for year in visit_figures(VisitRequest.objects.all()):
            label = display_year(year.last_day.year)
            median = "" if year.median_days is None else year.median_days
            average = "" if year.average_satisfaction is None else year.average_satisfaction
            writer.writerow(
                [label, "all", "", year.received, year.answered, year.completed, median, year.survey_answers, average]
            )
            blank = [""] * 5
            writer.writerows([label, "kind", str(name), count, *blank] for name, count in year.by_kind)
            writer.writerows([label, "country", str(name), count, *blank] for name, count in year.by_country)
        return response


@method_decorator(never_cache, name="dispatch")
class CalendarFeedView(TemplateView):
    """A staff member's scheduled visits as iCalendar, at their private token address (no login: calendar apps
    cannot sign in). Never cached, never indexed."""

    def get(self, request, token):
        from .calendar import feed, user_for_token

        user = user_for_token(token)
        if user is None:
            raise Http404
        response = HttpResponse(feed(user, mail.site_origin(request)), content_type="text/calendar; charset=utf-8")
        response["X-Robots-Tag"] = "noindex"
        return response
