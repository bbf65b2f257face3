"""The Ask form: the question and how to reach the visitor, with the abuse guards of iad_site.inbox."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iad_site.inbox.guards import GuardedFormMixin

from .models import Question, Topic


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class QuestionForm(GuardedFormMixin, forms.ModelForm):
    link_fields = ("question",)

    topic = TopicChoiceField(
        queryset=Topic.objects.offered(), label=_("Topic"), empty_label=_("Choose a topic"), required=True
    )

    class Meta:
        model = Question
        fields = ("name", "email", "organisation", "country", "topic", "question", "publish_consent")
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "organisation": _("Organisation (optional)"),
            "country": _("Country (optional)"),
            "question": _("Your question"),
            "publish_consent": _(
                "The office may publish my question and its answer on this website as a frequently asked "
                "question, rewritten without my name or anything that identifies me (optional)."
            ),
        }
        help_texts = {
            "email": _("The answer is sent here. We use it for nothing else."),
            "question": _("In Thai or English, at most 4,000 characters."),
            "publish_consent": _("You can change your mind at any time by writing to the office."),
        }
        error_messages = {
            "name": {"required": _("Please enter your name."), "max_length": _("Please shorten your name.")},
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter a valid email address, such as name@example.com."),
                "max_length": _("Please enter a shorter email address."),
            },
            "organisation": {"max_length": _("Please shorten the organisation's name.")},
            "country": {"max_length": _("Please shorten the country's name.")},
            "question": {
                "required": _("Please write your question."),
                "max_length": _("Please shorten your question to at most 4,000 characters."),
            },
        }
        widgets = {
            "question": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].error_messages["required"] = _("Please choose the topic closest to your question.")
        self.fields["topic"].error_messages["invalid_choice"] = _("Please choose a topic from the list.")
        autocomplete = {"name": "name", "email": "email", "organisation": "organization", "country": "country-name"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
