"""News articles built as staff would make them, and the partners they are tagged with (tests/conftest.py)."""

import datetime

import pytest
from django.core.files.base import ContentFile

from news.models import Article, ArticlePhoto
from tests.core.conftest import image_bytes


def make_article(number=1, published_on=datetime.date(2025, 5, 2), **fields):
    fields = {
        "slug": f"news-{number}",
        "title_th": f"ข่าวที่ {number}",
        "title_en": f"News {number}",
        "published_on": published_on,
        **fields,
    }
    return Article.objects.create(**fields)


def add_photo(article, number=1, **fields):
    photo = ArticlePhoto(article=article, photo_alt_th=f"ภาพที่ {number}", photo_alt_en=f"Photo {number}", **fields)
    photo.photo.save(f"gallery-{number}.jpg", ContentFile(image_bytes(size=(600, 400))), save=False)
    photo.save()
    return photo


@pytest.fixture
def tagged(fukuoka, c40, embassy):
    """An article in both languages, tagged with a city, a network and an embassy."""
    article = make_article(
        slug="fukuoka-youth-exchange",
        title_th="เยาวชนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร",
        title_en="Fukuoka youth delegation visits Bangkok",
        summary_th="แลกเปลี่ยนวัฒนธรรมกับโรงเรียนในสังกัดกรุงเทพมหานคร",
        summary_en="A cultural exchange with Bangkok's schools.",
        body_th="<p>คณะเยาวชน<b>สามสิบคน</b></p><script>alert(1)</script>",
        body_en="<p>Thirty <b>young people</b></p><script>alert(1)</script>",
        published_on=datetime.date(2025, 10, 15),
    )
    article.cities.add(fukuoka)
    article.networks.add(c40)
    article.embassies.add(embassy)
    # Saved again with its tags, as the admin saves the form: the search index follows.
    article.save()
    return article
