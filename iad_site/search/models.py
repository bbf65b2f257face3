"""The search index's one table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One public page's searchable text in one language, kept by iad_site.search.engine.

    Derived data: never edited by hand. Rows follow staff edits through signals (iad_site.search.signals) and are
    rebuilt whole by `manage.py rebuild_search_index`.
    """

    kind = models.CharField(_("kind"), max_length=30)
    # The object the row describes, by model label (app_label.modelname) and primary key.
    model = models.CharField(_("model"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=10)
    url = models.CharField(_("web address"), max_length=500)
    title = models.CharField(_("title"), max_length=500)
    title_lang = models.CharField(_("language of the title"), max_length=10)
    # The name in the other language, so that a city's English name finds it from the Thai site.
    other_title = models.CharField(_("title in the other language"), max_length=500, blank=True)
    other_title_lang = models.CharField(_("language of the other title"), max_length=10, blank=True)
    body = models.TextField(_("text"), blank=True)
    body_lang = models.CharField(_("language of the text"), max_length=10)
    # Lower-cased, normalised, word-segmented text: " word word word ", matched by substring.
    title_tokens = models.TextField(_("title words"))
    tokens = models.TextField(_("all words"))
    # Fixed tie-break for equal scores, the same on every database: kinds in a set order, then id.
    kind_rank = models.PositiveSmallIntegerField(_("kind order"), default=0)

    class Meta:
        # The table keeps the name it had before search became an app of its own.
        db_table = "iad_site_searchdocument"
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        ordering = ["kind_rank", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id", "language"], name="one_search_document_per_language")
        ]
        indexes = [models.Index(fields=["language", "kind_rank", "object_id"], name="search_doc_lang_order")]

    def __str__(self):
        return f"{self.title} ({self.language})"

    def get_absolute_url(self):
        return self.url
