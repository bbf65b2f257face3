"""The privacy notice a form shows where it collects personal data (Personal Data Protection Act B.E. 2562,
section 23): what is collected and why, who sees it, how long it is kept, the visitor's rights, whom to ask.

Each form describes itself with a PrivacyNotice; the partial `inbox/_privacy_notice.html` says it in a few lines
beside the form and `inbox/privacy_page.html` at length on the form's privacy page. The retention period is
read from the settings, so the notice always states the period the retention command applies.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from .retention import retention_days


@dataclass(frozen=True)
class PrivacyNotice:
    # What the form is for, as the notice's heading uses it: "your question".
    subject: str
    # Why the office needs the data: its public task (s.24(4)), in plain words.
    purpose: str
    # Labels of the fields a visitor must fill in, and of those they may leave empty.
    required: tuple
    optional: tuple = ()
    # What happens with the optional consent, if the form asks one (s.19): its own, separate tick box.
    consent: str = ""
    # URL names of the page that says it all at length, and of the office's contact page.
    page_url_name: str = ""
    contact_url_name: tuple = ()  # ("pages:static_page", "contact")

    @property
    def retention_days(self):
        return retention_days()

    @property
    def page_url(self):
        return reverse(self.page_url_name) if self.page_url_name else ""

    @property
    def contact_url(self):
        return reverse(self.contact_url_name[0], args=self.contact_url_name[1:]) if self.contact_url_name else ""

    @property
    def controller_policy_url(self):
        return getattr(settings, "BMA_PRIVACY_POLICY_URL", "")
