"""Abstract models and querysets that every content app builds on."""

from django.db import models
from django.db.models import Min, Q
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import reject_buddhist_era_year


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def published_or_scheduled(self):
        """What the public sees now or will see at its scheduled moment (the search index keeps both and
        leaves the scheduled ones out at query time): published() for content that cannot be scheduled."""
        return self.published()

    def scheduled(self):
        """Items the public sees from a moment still to come: none, for content that cannot be scheduled."""
        return self.none()

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


def due(prefix=""):
    """The condition "no publication moment, or it has come" on the row reached by `prefix` ("city__").

    The moment is compared with the database's clock (Now()), not with one read in Python when the queryset
    was built, so a queryset made once (a view's class attribute, a feed) still follows the time."""
    return Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": Now()})


class ScheduledQuerySet(PublishableQuerySet):
    def published(self):
        return self.published_or_scheduled().filter(due())

    def published_or_scheduled(self):
        return super().published()

    def scheduled(self):
        """Published items whose publication moment is still to come: hidden from the public until then."""
        return super().published().filter(publish_at__gt=Now())

    def next_publication(self):
        """The earliest moment one of these items appears on the public site, or None."""
        return self.scheduled().aggregate(moment=Min("publish_at"))["moment"]


class ScheduledPublication(models.Model):
    """A publication moment, for content staff may prepare ahead (news, static pages, partners): used beside
    Publishable. Published and with a moment to come, an item stays hidden from the public until then."""

    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        validators=[reject_buddhist_era_year],
        help_text=_(
            "Leave empty to publish as soon as you save. With a date and a time (Bangkok time, Common Era year: "
            "2027, not 2570), the public sees this only from that moment, as long as “published” is ticked."
        ),
    )

    objects = ScheduledQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_scheduled(self):
        """Published, and waiting for its publication moment: hidden from the public until then."""
        return bool(self.is_published and self.publish_at and self.publish_at > timezone.now())


def scheduled_models():
    """Every installed model that can be scheduled: what the page cache and the admin home look through."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, ScheduledPublication)]
