"""Staff editing of the news, on iad_site.core.admin.ContentAdmin (language tabs, history, English-missing
filter, preview links). The partners an article concerns are chosen by typing their names."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from iad_site.core.admin import ContentAdmin
from iad_site.core.richtext import RichTextAdminMixin

from .models import Article, ArticlePhoto


class ArticlePhotoInline(TranslationStackedInline):
    model = ArticlePhoto
    extra = 0
    fields = ("photo", "photo_alt", "caption", "sort_order")


@admin.register(Article)
class ArticleAdmin(RichTextAdminMixin, ContentAdmin):
    rich_text_fields = ("body",)
    thumbnail_fields = ("photo", "photo_alt")
    list_display = ("title", "thumbnail", "published_on", "is_published")
    list_filter = ("is_published", "cities", "networks")
    search_fields = ("title", "summary")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("cities", "networks", "embassies")
    inlines = (ArticlePhotoInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "published_on", "is_published", "publish_at")}),
        (_("Text"), {"fields": ("summary", "body")}),
        (_("Lead photo"), {"fields": ("photo", "photo_alt")}),
        (
            _("Partners it concerns"),
            {
                "fields": ("cities", "networks", "embassies"),
                "description": _(
                    "News is the office's own article, with a page of its own. A short note of what happened with "
                    "one partner (a visit, a meeting) goes under Exchanges and activities on that partner's form "
                    "instead. Both show on the partner's page, in one timeline by date."
                ),
            },
        ),
    )
