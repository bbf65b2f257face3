"""Views for public request forms: the form that stores a request, the polite refusal, the private status page.

    class AskView(PublicRequestCreateView):
        form_class = QuestionForm
        template_name = "questions/ask.html"
        confirmation_url_name = "questions:sent"

        def after_stored(self, question):   # queue the emails
            ...

    class StatusView(StatusPageMixin, DetailView):
        model = Question
        template_name = "questions/status.html"

Every response here is kept out of every cache (`never_cache`: the page cache stores none of them, so no
visitor is ever served another's CSRF token or status page) and out of search engines (noindex). Nothing
here logs what a visitor typed.
"""

import hashlib
import json
import logging

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic.edit import FormView

from . import guards

logger = logging.getLogger(__name__)


def private(response):
    """Marks a page at a visitor's own address (status, refusal) as never indexed and its address never sent on
    to another site. Not for a page with a form: under `no-referrer` browsers post with `Origin: null`, which
    Django's CSRF check refuses."""
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def refused(request, refusal, form_url=""):
    """The polite page a rate-limited submission gets: 429 with Retry-After, never an error page."""
    response = render(
        request,
        "inbox/refused.html",
        {"reason": refusal.reason, "minutes": max(1, round((refusal.retry_after or 60) / 60)), "form_url": form_url},
        status=refusal.status,
    )
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return private(response)


def fingerprint(scope, form):
    """The same form sent twice (double click, reload) gives the same hash: its signed start time and content."""
    fields = {
        name: str(value)
        for name, value in form.cleaned_data.items()
        if name not in (guards.HONEYPOT_FIELD, guards.STARTED_FIELD)
    }
    started = form.data.get(form.add_prefix(guards.STARTED_FIELD), "")
    payload = json.dumps([scope, started, fields], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


@method_decorator(never_cache, name="dispatch")
class PublicRequestCreateView(FormView):
    """Shows a request form and stores what it receives, guarded against abuse.

    On a valid post the request is committed first (PublicRequest.save_new), then `after_stored()` runs
    (queue the emails: the view never talks to a mail server), then the visitor is sent to the
    confirmation page (303). A repeat of the same post stores nothing new and lands on the same page.
    """

    confirmation_url_name = ""

    def rate_limit_scope(self):
        return self.get_form_class()._meta.model._meta.label_lower

    def post(self, request, *args, **kwargs):
        scope = self.rate_limit_scope()
        try:
            guards.check_address(request, scope)
        except guards.Refusal as refusal:
            return refused(request, refusal, request.path)
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        try:
            guards.check_email(form.cleaned_data["email"], scope)
        except guards.Refusal as refusal:
            return refused(request, refusal, request.path)
        obj = form.save(commit=False)
        obj.language = translation.get_language()
        obj.fingerprint = fingerprint(scope, form)
        obj, created = obj.save_new()
        if created:
            guards.count_email(obj.email, scope)
            try:
                self.after_stored(obj)
            except Exception:
                # Stored all the same: staff see it in the inbox. Only the reference is logged, no personal data.
                logger.exception("Request %s was stored but its emails could not be queued", obj)
        return HttpResponseRedirect(self.get_success_url(obj), status=303)

    def form_invalid(self, form):
        response = self.render_to_response(self.get_context_data(form=form))
        if form.refused_by_guard:
            response.status_code = 400
        return response

    def after_stored(self, obj):
        """Runs once the new request is committed: queue its emails here."""

    def get_success_url(self, obj=None):
        return reverse(self.confirmation_url_name, kwargs={"token": obj.status_token})


class StatusPageMixin:
    """A request's private page, found by its unguessable token (no login): for a DetailView of the model."""

    slug_field = "status_token"
    slug_url_kwarg = "token"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        token = self.kwargs.get(self.slug_url_kwarg, "")
        if not token or len(token) > 64:
            raise Http404
        return super().get_object(queryset)

    def render_to_response(self, context, **response_kwargs):
        return private(super().render_to_response(context, **response_kwargs))
