"""Abstract models and querysets that every content app builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Staff preview unpublished items on the public site; everyone else sees published ones only."""
        return self if user.is_staff else self.published()


class Publishable(models.Model):
    """Content that staff can hide from the public without deleting it."""

    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick to hide this from the public site. Staff can still preview it."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
