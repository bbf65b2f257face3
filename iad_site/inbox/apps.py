from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """What every public request form shares: the abstract request, abuse guards, queued mail, the private status
    page, the privacy notice, retention and the service figures. Sections build their forms on it."""

    name = "iad_site.inbox"
    label = "inbox"
    verbose_name = _("Public requests")
