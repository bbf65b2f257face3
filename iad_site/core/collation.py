"""Thai alphabetical order, the same on PostgreSQL and SQLite: `order_by(thai_order("name_th"))`.

PostgreSQL sorts with ICU's Thai collation, "th-TH-x-icu" (present wherever PostgreSQL is built with ICU, as
Debian's is). SQLite has no ICU: `register_sqlite_collation` gives each new SQLite connection a collation of
the same name, computed in Python by `collation_key`. Nothing in the schema names the collation (no column
collation, no SQLite index), so the sqlite3 shell and any other program still open the database.

`collation_key` is the Unicode Collation Algorithm with its default table (pyuca's DUCET) plus what CLDR's
Thai collation, the one ICU applies, changes (icu4c/source/data/coll/th.txt):
- `[alternate shifted]` at ICU's default strength (tertiary): spaces and punctuation are ignored;
- `[reorder Thai]`: Thai letters come before Latin and every other script (digits and symbols stay first);
- ฯ and ๆ count as punctuation (so are ignored); ์ comes right after ๎ among the marks; ํ sorts just before
  ะ; ๅ is a variant of า; ำ (and ํา) sort as า followed by ํ; ฺ comes right after ไ.
Names equal under these rules are ordered by code point, as PostgreSQL breaks ICU's ties.
One difference is known, and real names never show it: ICU ignores a mark written straight after punctuation
(`.์`) unless both strings have the same text up to that mark, where it compares it; the key always ignores it.
tests/relations/test_thai_sort.py compares this key with PostgreSQL's ICU on real names and generated strings.
"""

import functools
import unicodedata

from django.db.models.functions import Collate
from pyuca.collator import Collator_10_0_0

THAI_COLLATION = "th-TH-x-icu"


def thai_order(field):
    """An expression for order_by() and Meta.ordering: `field` in Thai alphabetical order."""
    return Collate(field, THAI_COLLATION)


# The weights CLDR's Thai rules put "just before" or "just after" an existing one sit half a step from it
# (DUCET's weights are integers); a quarter step separates two variants put after the same one.
HALF, QUARTER = 0.5, 0.25
# DUCET's secondary and tertiary weights of a plain letter.
COMMON_SECONDARY, COMMON_TERTIARY = 0x20, 0x02


class ThaiCollator:
    """DUCET with CLDR's Thai tailoring (see the module docstring). Loading the table takes about half a
    second, so it is made on first use (`_collator`), not when Django starts."""

    def __init__(self):
        self.uca = Collator_10_0_0()
        # Spaces and punctuation are "variable": every primary weight below the first symbol's (`).
        self.variable_top = self._primary("`") - 1
        # The Thai script's primary weights, moved to where Latin begins.
        thai = [
            element[0]
            for code in range(0x0E01, 0x0E4F)
            if unicodedata.category(chr(code)) in ("Lo", "Mn")
            for element in self._elements(chr(code))
            if element[0]
        ]
        self.thai_first, self.thai_last = min(thai), max(thai)
        self.latin_first = self._primary("a")
        self._tailor()

    def _elements(self, text):
        return self.uca.table.find_prefix([ord(char) for char in text])[1] or []

    def _primary(self, char):
        return self._elements(char)[0][0]

    def _tailor(self):
        def element(primary, secondary=COMMON_SECONDARY, tertiary=COMMON_TERTIARY):
            return [primary, secondary, tertiary]

        sara_aa, nikhahit = self._primary("า"), self._primary("ะ") - HALF
        variant, second_variant = COMMON_TERTIARY + QUARTER, COMMON_TERTIARY + HALF
        rules = {
            "ฯ": [element(self._primary("๚") - HALF)],
            "ๆ": [element(self._primary("๛") + HALF)],
            "์": [element(0, secondary=self._elements("๎")[0][1] + HALF)],
            "ํ": [element(nikhahit)],
            "ๅ": [element(sara_aa, tertiary=second_variant)],
            "ํา": [element(sara_aa), element(nikhahit, tertiary=variant)],
            "ำ": [element(sara_aa), element(nikhahit, tertiary=second_variant)],
            "ํๅ": [element(sara_aa, tertiary=second_variant), element(nikhahit, tertiary=second_variant)],
            "ฺ": [element(self._primary("ไ") + HALF)],
        }
        for text, elements in rules.items():
            self.uca.table.add([ord(char) for char in text], elements)

    def _reordered(self, primary):
        """Thai's block of primary weights moved before Latin's, Latin's and the scripts after it moved up."""
        if self.thai_first <= primary <= self.thai_last:
            return primary - self.thai_first + self.latin_first
        if self.latin_first <= primary < self.thai_first:
            return primary + (self.thai_last - self.thai_first + 1)
        return primary

    def key(self, text):
        primaries, secondaries, tertiaries = [], [], []
        after_variable = False
        for primary, secondary, tertiary in self.uca.collation_elements(unicodedata.normalize("NFD", text)):
            if primary and primary <= self.variable_top:
                after_variable = True  # ignored, and so are the marks written on it
                continue
            if not primary and after_variable:
                continue
            after_variable = False
            if primary:
                primaries.append(self._reordered(primary))
            if secondary:
                secondaries.append(secondary)
            if tertiary:
                tertiaries.append(tertiary)
        return tuple(primaries), tuple(secondaries), tuple(tertiaries), text


@functools.cache
def _collator():
    return ThaiCollator()


@functools.lru_cache(maxsize=20_000)  # a sort compares each name many times: each key is computed once
def collation_key(text):
    """A sort key giving the order of PostgreSQL's `COLLATE "th-TH-x-icu"`: sorted(names, key=collation_key)."""
    return _collator().key(text)


def _compare(a, b):
    first, second = collation_key(a), collation_key(b)
    return (first > second) - (first < second)


def register_sqlite_collation(sender, connection, **kwargs):
    """connection_created receiver (connected in CoreConfig.ready): THAI_COLLATION on every SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(THAI_COLLATION, _compare)
