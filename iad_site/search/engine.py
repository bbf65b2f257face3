"""Site search in Thai and English: what is indexed, how text is segmented, how queries are ranked.

Thai is written without spaces, so words are found by segmenting every Thai run with pythainlp's
dictionary-based `newmm` engine, both when a page is indexed and when a visitor searches. Visitors type
parts of compound words (ท่องเที่ยว inside การท่องเที่ยว), so each query word is matched as a substring of
the page's words. The index is a plain table (SearchDocument: one row per public page per language) and
the query uses only `contains` on lower-cased text, which behaves the same on SQLite and PostgreSQL, so
both give the same results in the same order.

What is indexed is declared by each section (`search_specs` in its section.py). The index follows
staff edits through the signals connected in iad_site.search.apps; `manage.py
rebuild_search_index` rebuilds it whole (`manage.py seed` runs it after loading the fixtures).
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import override

from iad_site.core import sections
from iad_site.search.models import SearchDocument

# Longer queries are cut, not refused: nobody types more, and each word adds to the SQL.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 8
# How many matching pages are ranked at most (see search()).
MAX_CANDIDATES = 500
SNIPPET_CHARS = 220

THAI_RUN = "\u0e01-\u0e4e"
WORD_RUNS = re.compile(rf"([{THAI_RUN}]+)|([^\W_]+)")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


# --- Text: normalising and segmenting ---------------------------------------------------------------


# No Thai spelling puts more vowel signs and marks in a row than this; see _thai_typing_rules.
MAX_MARK_RUN = 16


@functools.cache
def _thai_typing_rules():
    """(a pattern for runs of more than MAX_MARK_RUN marks, a pattern found in every text that pythainlp's
    normalize changes, normalize), from pythainlp's own character classes. Imported on first use, like the
    tokenizer: pythainlp takes a tenth of a second."""
    import pythainlp as thai
    from pythainlp.util import normalize

    above, below, tones = thai.thai_above_vowels, thai.thai_below_vowels, thai.thai_tonemarks
    signs = "\u0e3a\u0e4c\u0e4d\u0e4e"  # PHINTHU, THANTHAKHAT, NIKHAHIT, YAMAKKAN
    vowels = thai.thai_lead_vowels + thai.thai_follow_vowels + above + below + signs
    marks = f"[{above}{below}{tones}{signs}{thai.thai_follow_vowels}]"
    # normalize takes time growing with the square of a run of tone marks or of following vowels (minutes
    # for 100,000 tone marks pasted into a page): a run longer than any word has is cut first.
    long_run = re.compile(f"({marks}{{{MAX_MARK_RUN}}}){marks}+")
    slip = "|".join(
        [
            f"(?:^| )[{above}{below}{tones}{signs}]",  # a mark with no letter: first, or after a space
            f"[{tones}\u0e4c][{above}{below}]",  # a tone mark (or THANTHAKHAT) before its vowel
            f"\u0e4d[{tones}]*\u0e32",  # SARA AM typed as NIKHAHIT and SARA AA
            f"[{thai.thai_follow_vowels}][{tones}]",  # a tone mark after the vowel that follows the letter
            "\u0e45",  # LAKKHANGYAO, read as SARA AA except after RU and LU
            f"([{vowels}]) *\\1",  # a vowel or sign typed twice: เเ for แ
            f"[{tones}]{{2}}",  # two tone marks
            "[\u200b\u200c]",  # zero-width space and non-joiner
        ]
    )
    return long_run, re.compile(slip), normalize


def thai_typing(text):
    """The text with the slips Thai typists commonly make put right; whitespace is the caller's.

    Thai vowel signs and tone marks are typed as separate keys and look the same on screen in either
    order, so the same word reaches the site in several spellings that NFKC leaves apart: เเ (SARA E
    twice) for แ (SARA AE), a tone mark typed before the vowel above or below its letter (ก้ี for กี้;
    NFKC reorders the vowels below, not those above), a tone mark or vowel typed twice (ก่่า for ก่า),
    SARA AM typed as NIKHAHIT and SARA AA. pythainlp's normalize puts each right (a test checks every
    case) and also drops a stray mark at the start of a word, which a search box often receives.
    """
    long_run, slip, normalize = _thai_typing_rules()
    text = long_run.sub(r"\1", text)
    # normalize makes some thirty passes over the text, which made indexing Thai pages markedly slower; the
    # check is one pass, and most text has no slip. A test holds the two to the same results.
    return normalize(text) if slip.search(text) else text


def normalise(text):
    """Lower-cased text with one spelling of each character: the form both the index and queries use."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    # NFKC splits SARA AM into NIKHAHIT + SARA AA; the dictionary spells it as one character.
    text = text.replace("\u0e4d\u0e32", "\u0e33").translate(INVISIBLE).translate(THAI_DIGITS)
    # Control characters (NUL above all) are refused by PostgreSQL and mean nothing in a search.
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs", "Co") else c for c in text)
    # On one-space text: a stray mark counts as stray only after a space, not a tab or a newline.
    text = thai_typing(" ".join(text.split()))
    return " ".join(text.lower().split())


@functools.cache
def _thai_tokenizer():
    # Imported on first use: loading the dictionary takes about half a second.
    from pythainlp.tokenize import word_tokenize

    return functools.partial(word_tokenize, engine="newmm", keep_whitespace=False)


def words(text):
    """The words of a text, normalised: Thai runs segmented by dictionary, other scripts split at
    spaces and punctuation ("C40" stays one word)."""
    found = []
    for thai, other in WORD_RUNS.findall(normalise(text)):
        if thai:
            found.extend(token for token in _thai_tokenizer()(thai) if token.strip())
        else:
            found.append(other)
    return found


def token_string(*texts):
    """Words joined by single spaces with a space at each end, so " word " matches a whole word."""
    joined = " ".join(word for text in texts for word in words(text))
    return f" {joined} " if joined else " "


@functools.cache
def _thai_stopwords():
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


def warm_up():
    """Loads the Thai dictionary and stopwords now (a second or more), so that a server process does it
    at start-up rather than on its first visitor's search. Called from wsgi.py."""
    words("ทดสอบ")
    _thai_stopwords()


def query_terms(query):
    """The words of a visitor's query to look for: cut to a sane length, duplicates and stopwords
    dropped (unless nothing else is left), at most MAX_QUERY_TERMS."""
    terms = list(dict.fromkeys(words(str(query or "")[:MAX_QUERY_CHARS])))
    stopwords = _thai_stopwords() | ENGLISH_STOPWORDS
    meaningful = [term for term in terms if term not in stopwords and len(term) > 1]
    return (meaningful or terms)[:MAX_QUERY_TERMS]


# --- What is indexed --------------------------------------------------------------------------------


def translated(obj, name, language):
    """(text, its language): the field in `language`, or the Thai text where English is missing,
    the site's policy for missing English."""
    own = getattr(obj, f"{name}_{language}", "") or ""
    if own.strip():
        return own, language
    default = settings.LANGUAGE_CODE
    return getattr(obj, f"{name}_{default}", "") or "", default


@dataclass(frozen=True)
class IndexSpec:
    kind: str
    label: str
    model: str
    title_field: str
    # Field names (translated or not) and callables (obj, language) -> text, in reading order.
    body: tuple = ()
    # Names of queryset methods that make the public queryset cheap to walk.
    select_related: tuple = ()
    prefetch_related: tuple = ()
    # (obj) -> the page's path in the active language, for objects shown on a list page only.
    url: object = None
    # Callables (obj, other language) -> text found by search but not shown: a city's country in the
    # other language, so "Japan" typed on the Thai site finds the Japanese cities.
    keywords: tuple = ()

    def model_class(self):
        return apps.get_model(self.model)

    def public(self):
        """What is indexed: the public objects and those scheduled for later (written ahead, so that they are
        found from their moment on with nothing run then; search() leaves them out until it comes)."""
        return (
            self.model_class()
            .objects.published_or_scheduled()
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def scheduled_condition(self):
        """Rows of this kind whose object is indexed ahead of its publication moment."""
        scheduled = self.model_class().objects.scheduled().values("pk")
        return Q(model=self.model.lower(), object_id__in=scheduled)


def specs():
    """Every section's index specs, in INSTALLED_APPS order: the tie-break order of equal scores."""
    return sections.search_specs()


def spec_for(model):
    label = model._meta.label_lower
    return next((spec for spec in specs() if spec.model.lower() == label), None)


def kind_labels():
    return {spec.kind: spec.label for spec in specs()}


def _body_parts(spec, obj, language):
    """The body text and its language: the language of its longest translated part."""
    parts, languages = [], []
    for part in spec.body:
        if callable(part):
            parts.append(part(obj, language))
        elif f"{part}_{language}" in {f.attname for f in obj._meta.concrete_fields}:
            text, text_language = translated(obj, part, language)
            parts.append(text)
            languages.append((len(text), text_language))
        else:
            parts.append(str(getattr(obj, part, "") or ""))
    body = "\n".join(p.strip() for p in parts if p and p.strip())
    return body, max(languages)[1] if languages else language


def documents_for(spec, obj):
    """Unsaved SearchDocuments for one public object, one per language."""
    documents = []
    kind_rank = specs().index(spec)
    for language, _name in settings.LANGUAGES:
        with override(language):
            title, title_lang = translated(obj, spec.title_field, language)
            other = next(code for code, _n in settings.LANGUAGES if code != language)
            other_title = getattr(obj, f"{spec.title_field}_{other}", "") or ""
            if normalise(other_title) == normalise(title):
                other_title = ""
            body, body_lang = _body_parts(spec, obj, language)
            documents.append(
                SearchDocument(
                    kind=spec.kind,
                    model=obj._meta.label_lower,
                    object_id=obj.pk,
                    language=language,
                    url=spec.url(obj) if spec.url else obj.get_absolute_url(),
                    title=title[:500],
                    title_lang=title_lang,
                    other_title=other_title[:500],
                    other_title_lang=other if other_title else "",
                    body=body,
                    body_lang=body_lang,
                    title_tokens=token_string(title, other_title),
                    tokens=token_string(title, other_title, body, *(k(obj, other) for k in spec.keywords)),
                    kind_rank=kind_rank,
                )
            )
    return documents


def index_object(obj):
    """Brings one object's rows up to date: rewritten if it is public, removed if not."""
    _index(type(obj), obj.pk)


def _index(model, pk):
    spec = spec_for(model)
    if spec is None:
        return
    public = spec.public().filter(pk=pk).first()
    with transaction.atomic():
        remove_object(model, pk)
        if public is not None:
            SearchDocument.objects.bulk_create(documents_for(spec, public))


def remove_object(model, pk):
    SearchDocument.objects.filter(model=model._meta.label_lower, object_id=pk).delete()


def rebuild():
    """Rewrites the whole index from the public objects. Returns the number of rows written."""
    documents = []
    for spec in specs():
        for obj in spec.public():
            documents.extend(documents_for(spec, obj))
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchDocument.objects.bulk_create(documents, batch_size=500)
    return len(documents)


def reindex_mistyped():
    """Re-indexes the objects whose rows still hold a Thai typing slip that normalise() now puts right
    (thai_typing): rows written before it did, kept by a database made by an earlier version of the site.
    Returns how many objects were re-indexed.

    A row's tokens are its page's words as normalise() spelt them when the row was written, every Thai
    character kept, so a slip in the page is still in them. Rows without one are already what
    normalise() makes of their page today and are left as they are: the pass reads the index once and
    re-indexes only the few pages typed that way.
    """
    stale = {
        (model, object_id)
        for model, object_id, tokens in SearchDocument.objects.values_list("model", "object_id", "tokens").iterator()
        if thai_typing(tokens.strip()) != tokens.strip()
    }
    for model, object_id in sorted(stale):
        _index(apps.get_model(model), object_id)
    return len(stale)


# --- Querying ---------------------------------------------------------------------------------------


def _points(column, term, points):
    return When(**{f"{column}__contains": term}, then=Value(points))


def _first_matches(documents, condition):
    """The ids of the first MAX_CANDIDATES documents meeting the condition, in the fixed tie-break order
    (kind, then id): a subquery, so that a common word ranks a bounded number of rows, not all of them.
    (Wrapped once more: SQLite refuses LIMIT in the parts of a UNION.)"""
    first = documents.filter(condition).order_by("kind_rank", "object_id").values("pk")[:MAX_CANDIDATES]
    return SearchDocument.objects.filter(pk__in=first).order_by().values("pk")


def _not_yet_public():
    """The rows of objects scheduled for a moment still to come, read from their tables by the same query (the
    clock is the database's): found the moment they appear, however long ago the index was written."""
    return functools.reduce(operator.or_, [spec.scheduled_condition() for spec in specs()])


def search(query, language):
    """(documents, terms, matched_all) for a visitor's query in one language, best first.

    Pages containing every word come first and alone; when no page has them all, pages with any of
    them are listed, most words first. Within that, a word in the title counts more than one in the
    text, and a whole word more than part of one. Ties keep a fixed order (kind, then id), so SQLite
    and PostgreSQL list the same results in the same order.

    Only the first MAX_CANDIDATES matches in that fixed order, plus the first MAX_CANDIDATES with a word
    in their title, are ranked: a word found on tens of thousands of pages costs no more than a rarer
    one. Fewer matches than that are all ranked.
    """
    terms = query_terms(query)
    documents = SearchDocument.objects.filter(language=language).exclude(_not_yet_public())
    if not terms:
        return documents.none(), terms, False
    matched = functools.reduce(
        operator.add, [Case(_points("tokens", t, 1), default=Value(0), output_field=IntegerField()) for t in terms]
    )
    score = functools.reduce(
        operator.add,
        [Case(_points("title_tokens", t, 4), _points("tokens", t, 1), default=Value(0)) for t in terms]
        + [Case(_points("tokens", f" {t} ", 1), default=Value(0)) for t in terms],
    )
    in_title = functools.reduce(operator.or_, [Q(title_tokens__contains=t) for t in terms])
    all_terms = functools.reduce(operator.and_, [Q(tokens__contains=t) for t in terms])
    any_term = functools.reduce(operator.or_, [Q(tokens__contains=t) for t in terms])

    def ranked(condition):
        candidates = _first_matches(documents, condition).union(_first_matches(documents, condition & in_title))
        return (
            documents.filter(pk__in=candidates)
            .annotate(matched=matched, score=score)
            .order_by("-matched", "-score", "kind_rank", "object_id")
        )

    with_all = ranked(all_terms)
    if len(terms) == 1 or with_all.exists():
        return with_all, terms, True
    return ranked(any_term), terms, False


# --- Showing where the match is ---------------------------------------------------------------------


def _pattern(terms):
    if not terms:
        return None
    alternatives = sorted((re.escape(t) for t in terms), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def highlight(text, terms):
    """The text, escaped, with each query word wrapped in <mark>.

    Shown with Thai typing slips put right (thai_typing), which look the same on screen: the query words
    are spelt that way, so a word typed เเ on the page is marked when the visitor typed แ."""
    pattern = _pattern(terms)
    text = thai_typing(text)
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def _safe_cut(text, index):
    """Moves a cut point off a combining mark, so a Thai vowel or tone mark is never cut from its letter."""
    while 0 < index < len(text) and unicodedata.category(text[index]) in ("Mn", "Mc"):
        index -= 1
    return index


def snippet(text, terms, length=SNIPPET_CHARS):
    """About `length` characters of the text around its first match, escaped, matches in <mark>."""
    text = thai_typing(" ".join((text or "").split()))
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.end() > length - 40:
        start = max(0, match.start() - length // 3)
        space = text.find(" ", start, match.start())
        if space != -1 and space - start < 30:
            start = space + 1
    start = _safe_cut(text, start)
    end = _safe_cut(text, min(len(text), start + length))
    if end < len(text):
        space = text.rfind(" ", start + length - 40, end)
        end = space if space > start else end
    shown = highlight(text[start:end], terms)
    return mark_safe(("… " if start else "") + shown + (" …" if end < len(text) else ""))
