"""Staff editing of the document library, on iad_site.core.admin.ContentAdmin (language tabs, history,
English-missing filter, preview links). A plan's documents are uploaded here too and chosen in the plan."""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from iad_site.core.admin import ContentAdmin, OrderedAdminMixin

from .models import Category, Document


@admin.register(Category)
class CategoryAdmin(OrderedAdminMixin, ContentAdmin):
    list_display = ("name", "slug", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "description", "is_published", "sort_order")


@admin.register(Document)
class DocumentAdmin(ContentAdmin):
    list_display = ("title", "category", "fiscal_year", "published_on", "size", "is_published")
    list_filter = ("is_published", "category", "fiscal_year")
    search_fields = ("title",)
    list_select_related = ("category",)
    date_hierarchy = "published_on"
    fields = ("title", "category", "published_on", "fiscal_year", "file", "is_published")

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, obj):
        return filesizeformat(obj.file_size)
