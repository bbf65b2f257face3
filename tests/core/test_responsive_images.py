"""{% responsive_attrs %}: srcset, sizes and dimensions for photos with WebP copies."""

import pytest
from django.template import Context, Template

from relations.models import SisterCity

from .conftest import image_bytes, upload


def render(city):
    return Template('{% load images %}<img src="x"{% responsive_attrs city.photo %} alt="">').render(
        Context({"city": city})
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_photo_gets_srcset_sizes_and_dimensions(country, media):
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country)
    city.photo.save("castle.jpg", upload("castle.jpg", image_bytes(size=(1000, 600))), save=False)

    html = render(city)

    assert (
        'srcset="/media/sister-cities/castle.480w.webp 480w, /media/sister-cities/castle.960w.webp 960w, '
        '/media/sister-cities/castle.jpg 1000w"' in html
    )
    assert 'sizes="(min-width: 52rem) 48rem, 100vw" width="1000" height="600"' in html


def test_empty_photo_adds_nothing(country):
    assert render(SisterCity(slug="nagoya", name_th="นาโกยา", country=country)) == '<img src="x" alt="">'


def test_photo_missing_on_disk_adds_nothing(country, media):
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country, photo="sister-cities/gone.jpg")

    assert render(city) == '<img src="x" alt="">'


def test_public_city_page_offers_the_webp_copies(client, country, media):
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country, photo_alt_th="ปราสาทนาโกยา")
    city.photo.save("castle.jpg", upload("castle.jpg", image_bytes(size=(1000, 600))), save=False)
    city.save()

    html = client.get("/th/sister-cities/nagoya/").content.decode()

    assert 'srcset="/media/sister-cities/castle.480w.webp 480w,' in html
    assert 'width="1000" height="600" alt="ปราสาทนาโกยา"' in html


def test_file_that_is_not_an_image_adds_nothing(country, media):
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country)
    city.photo.save("notes.jpg", upload("notes.jpg", b"plain text, saved by code without a form"), save=False)

    assert render(city) == '<img src="x" alt="">'
