"""The visit request form: who is coming, when (two or three proposed periods), why, and an optional letter;
with the abuse guards of iad_site.inbox."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iad_site.inbox.guards import GuardedFormMixin
from relations.models import Country

from .fields import VisitorDateField
from .models import MAX_TEXT_CHARS, Satisfaction, VisitKind, VisitRequest

# The proposed periods, in the order of preference: <prefix>_start and <prefix>_end fields.
CHOICES = ("first_choice", "second_choice", "third_choice")


def minimum_lead_days():
    return int(getattr(settings, "VISIT_MINIMUM_LEAD_DAYS", 30))


def earliest_date(today=None):
    """The first day a visit may be proposed for: today (Bangkok time) plus the minimum lead time."""
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=minimum_lead_days())


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class VisitRequestForm(GuardedFormMixin, forms.ModelForm):
    link_fields = ("purpose", "topics")

    kind = NamedChoiceField(
        queryset=VisitKind.objects.offered(), label=_("What you request"), empty_label=_("Choose one")
    )
    country = NamedChoiceField(
        queryset=Country.objects.all(), label=_("Country (optional)"), required=False, empty_label="—"
    )

    class Meta:
        model = VisitRequest
        fields = (
            "kind",
            "organisation",
            "country",
            "name",
            "email",
            "phone",
            "head_of_delegation",
            "head_position",
            "number_of_people",
            "first_choice_start",
            "first_choice_end",
            "second_choice_start",
            "second_choice_end",
            "third_choice_start",
            "third_choice_end",
            "purpose",
            "topics",
            "meeting_language",
            "interpreter_needed",
            "official_letter",
        )
        field_classes = {name: VisitorDateField for name in fields if name.endswith(("_start", "_end"))}
        labels = {
            "organisation": _("Organisation"),
            "name": _("Contact person"),
            "email": _("Email address"),
            "phone": _("Telephone"),
            "head_of_delegation": _("Head of the delegation"),
            "head_position": _("Position of the head of the delegation"),
            "number_of_people": _("Number of people"),
            "first_choice_start": _("First choice: from"),
            "first_choice_end": _("First choice: to"),
            "second_choice_start": _("Second choice: from"),
            "second_choice_end": _("Second choice: to"),
            "third_choice_start": _("Third choice: from (optional)"),
            "third_choice_end": _("Third choice: to (optional)"),
            "purpose": _("Purpose of the visit"),
            "topics": _("Topics or BMA agencies of interest (optional)"),
            "meeting_language": _("Language of the meeting"),
            "interpreter_needed": _("We would like the office to provide an interpreter"),
            "official_letter": _("Official letter (PDF, optional)"),
        }
        help_texts = {
            "email": _("The office's replies are sent here. We use it for nothing else."),
            "number_of_people": _("Everyone in the delegation, the head included."),
            "purpose": _("In Thai or English, at most 4,000 characters."),
            "official_letter": _("At most 20 MB. Only the office's staff can open it."),
        }
        widgets = {"purpose": forms.Textarea(attrs={"rows": 6}), "topics": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required = {
            "kind": _("Please choose what you request."),
            "organisation": _("Please enter your organisation's name."),
            "name": _("Please enter the contact person's name."),
            "email": _("Please enter your email address."),
            "phone": _("Please enter a telephone number."),
            "head_of_delegation": _("Please enter the name of the head of the delegation."),
            "head_position": _("Please enter the position of the head of the delegation."),
            "number_of_people": _("Please enter the number of people."),
            "first_choice_start": _("Please enter the first day of your first choice."),
            "second_choice_start": _("Please enter the first day of your second choice."),
            "purpose": _("Please describe the purpose of the visit."),
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message
        self.fields["email"].error_messages["invalid"] = _(
            "Please enter a valid email address, such as name@example.com."
        )
        # A one-day visit needs no end date: it is the first day.
        for prefix in CHOICES:
            self.fields[f"{prefix}_end"].required = False
        self.fields["number_of_people"].widget.attrs.update({"min": 1})
        self.fields["official_letter"].widget.attrs["accept"] = "application/pdf,.pdf"
        autocomplete = {"name": "name", "email": "email", "phone": "tel", "organisation": "organization"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def clean(self):
        cleaned = super().clean()
        earliest = earliest_date()
        today = timezone.localdate()
        for prefix in CHOICES:
            start, end = cleaned.get(f"{prefix}_start"), cleaned.get(f"{prefix}_end")
            if start is None:
                if end is not None:
                    self.add_error(f"{prefix}_start", _("Please enter the first day of this period too."))
                continue
            if end is None:
                cleaned[f"{prefix}_end"] = end = start
            if start < today:
                self.add_error(f"{prefix}_start", _("This date has passed. Please propose a later date."))
            elif start < earliest:
                self.add_error(
                    f"{prefix}_start",
                    _("Please propose a date at least %(days)d days from today, so the office can prepare.")
                    % {"days": minimum_lead_days()},
                )
            if end < start:
                self.add_error(f"{prefix}_end", _("The last day is before the first day. Please check the dates."))
        return cleaned


class SurveyForm(forms.Form):
    """The satisfaction survey (ITA O15): a rating and a comment, each optional, but not both left empty."""

    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the office's service for this visit?"),
        choices=Satisfaction.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Your comment (optional)"),
        help_text=_("What went well, and what the office could do better. At most 4,000 characters."),
        max_length=MAX_TEXT_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("satisfaction") is None and not (cleaned.get("comment") or "").strip():
            raise forms.ValidationError(_("Please choose a rating or write a comment before sending."))
        return cleaned
