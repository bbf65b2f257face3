"""Validators shared by every app's models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .dates import BUDDHIST_ERA_OFFSET

# No date on this site is later than this Common Era year, and every Buddhist Era year since 1857 CE is past it.
LATEST_PLAUSIBLE_CE_YEAR = 2400


def reject_buddhist_era_year(value):
    """Staff type Thai dates with Buddhist Era years (28/08/2538); Django would store the year 2538 CE."""
    if value and value.year > LATEST_PLAUSIBLE_CE_YEAR:
        raise ValidationError(
            _(
                "%(year)s looks like a Buddhist Era year. Enter the Common Era year instead: "
                "%(ce_year)s (the Buddhist Era year minus 543)."
            ),
            code="buddhist_era_year",
            params={"year": value.year, "ce_year": value.year - BUDDHIST_ERA_OFFSET},
        )
