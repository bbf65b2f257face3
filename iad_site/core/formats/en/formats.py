"""English formats as a Bangkok office writes them: day before month, never the US month/day order."""

from django.conf.locale.en.formats import *  # noqa: F403

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2006-10-25
    "%d/%m/%Y",  # 25/10/2006
    "%d %b %Y",  # 25 Oct 2006
    "%d %B %Y",  # 25 October 2006
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
