"""An expired session or a stale CSRF token loses nothing typed in a content admin form.

- While an editor types in a change or add form, a small script (static/iad_admin/keepalive.js) pings the
  model admin's `keepalive/` URL every few minutes; with SESSION_SAVE_EVERY_REQUEST each ping renews the
  session, so two hours of writing do not end it. A form left open with nobody typing sends nothing: an idle
  session still ends as it should.
- When a save fails all the same (the session ended: the admin answers with its sign-in page; or the CSRF
  token is stale: a 403), FormRescueMiddleware keeps the posted field values (never files) in the cache for a
  day, under a random token kept in the browser's session. Only the forms of content admins are kept, never a
  public form. After signing in again the editor lands on the same form, and FormRescueMixin draws it with
  their text back in it, not yet saved, with the usual conflict check against anything saved meanwhile.
"""

import secrets

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import Resolver404, path, resolve, reverse
from django.utils.datastructures import MultiValueDict
from django.utils.http import urlencode
from django.utils.translation import gettext

SESSION_KEY = "iad_rescued_form"
RESCUE_SECONDS = 24 * 60 * 60
# Field values only: a form past this size (base64 pasted images…) is not kept, so nobody fills the cache.
RESCUE_MAX_BYTES = 512 * 1024
NOT_KEPT = ("csrfmiddlewaretoken",)


def _rescuable(request):
    """The content admin whose add or change form this POST is for, or None."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    model_admin = getattr(match.func, "model_admin", None)
    if not isinstance(model_admin, FormRescueMixin) or not match.url_name:
        return None
    return model_admin if match.url_name.endswith(("_change", "_add")) else None


def rescue(request):
    """Keeps the POST's field values under a new token in the session; False if there was nothing to keep."""
    data = {key: request.POST.getlist(key) for key in request.POST if key not in NOT_KEPT}
    if not data or sum(len(value) for values in data.values() for value in values) > RESCUE_MAX_BYTES:
        return False
    token = secrets.token_urlsafe(24)
    user = request.user.pk if request.user.is_authenticated else None
    cache.set(f"iad-rescue:{token}", {"path": request.path, "user": user, "data": data}, RESCUE_SECONDS)
    request.session[SESSION_KEY] = token
    return True


def take_rescued(request):
    """The field values kept for this form's address and this user (once: they are dropped), or None."""
    token = request.session.get(SESSION_KEY)
    if not token:
        return None
    entry = cache.get(f"iad-rescue:{token}")
    if not entry or entry["path"] != request.path or entry["user"] not in (None, request.user.pk):
        return None
    cache.delete(f"iad-rescue:{token}")
    del request.session[SESSION_KEY]
    data = QueryDict(mutable=True)
    for key, values in entry["data"].items():
        data.setlist(key, values)
    return data


class FormRescueMiddleware:
    """After the session and authentication middleware: keeps a content form's POST that failed to be saved
    because the session had ended or the CSRF token was stale (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _rescuable(request) is None:
            return response
        # CsrfViewMiddleware marks every request it accepts; a 403 without that mark is its refusal.
        csrf_refused = response.status_code == 403 and not getattr(request, "csrf_processing_done", False)
        session_ended = not request.user.is_authenticated and response.status_code == 302
        if not (csrf_refused or session_ended) or not rescue(request):
            return response
        if request.user.is_authenticated:
            return HttpResponseRedirect(request.get_full_path())
        if csrf_refused:
            login = reverse("admin:login")
            return HttpResponseRedirect(f"{login}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
        return response  # the admin's own redirect to its sign-in page, coming back here after


class FormRescueMixin:
    """For ModelAdmin: a `keepalive/` URL for the form's script, and a kept POST drawn back into its form."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        ping = path("keepalive/", self.admin_site.admin_view(self.keepalive_view), name="{}_{}_keepalive".format(*info))
        return [ping, *super().get_urls()]

    def keepalive_view(self, request):
        # Nothing to do: answering a signed-in request is what renews the session (SESSION_SAVE_EVERY_REQUEST).
        return HttpResponse(status=204)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.iad_restored = False
        if request.method == "GET":
            data = take_rescued(request)
            if data is not None:
                # Drawn as a POST that is not saved (the form's clean refuses it), so every field, inline rows
                # included, shows what was typed. The GET already passed CsrfViewMiddleware.
                request.method, request.POST, request._files = "POST", data, MultiValueDict()
                request.iad_restored = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "iad_restored", False):
            return form_class

        class RestoredForm(form_class):
            def clean(self):
                errors = [
                    ValidationError(
                        gettext(
                            "Your save could not go through (the page had been open too long), but your text is "
                            "back in the form. It is not saved yet: check it (files must be chosen again) and save."
                        ),
                        code="restored",
                    )
                ]
                try:
                    super().clean()
                except ValidationError as error:  # someone else saved meanwhile: say so as well
                    errors.append(error)
                raise ValidationError(errors)

        return RestoredForm
