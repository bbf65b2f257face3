"""{% responsive_attrs %}: srcset, sizes and dimensions for photos with WebP copies, the dimensions stored on
the row when the photo is saved (and by the migrations for photos saved before)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.template import Context, Template
from PIL import Image

from pages.models import OrganisationChart
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


def saved_city(country, size=(1000, 600), **image_options):
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country, photo_alt_th="ปราสาทนาโกยา")
    city.photo.save("castle.jpg", upload("castle.jpg", image_bytes(size=size, **image_options)), save=False)
    city.save()
    return city


def test_city_page_gives_the_photo_its_size_without_opening_a_file(client, country, media, monkeypatch):
    saved_city(country)
    opened = []
    open_file = FileSystemStorage._open
    monkeypatch.setattr(
        FileSystemStorage, "_open", lambda storage, name, *args: opened.append(name) or open_file(storage, name, *args)
    )

    html = client.get("/th/sister-cities/nagoya/").content.decode()

    assert 'width="1000" height="600" alt="ปราสาทนาโกยา"' in html
    assert opened == []


def test_photo_taken_sideways_is_stored_with_its_upright_size(country, media):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned a quarter; the stored copy is turned upright
    saved_city(country, size=(1000, 600), exif=exif.tobytes())

    city = SisterCity.objects.get(slug="nagoya")

    assert (city.photo_width, city.photo_height) == (600, 1000)
    assert 'width="600" height="1000"' in render(city)


def test_removing_the_photo_forgets_its_size(country, media):
    city = saved_city(country)

    city.photo = ""
    city.save()

    assert SisterCity.objects.filter(photo_width=None, photo_height=None).count() == 1


# Real migrations, which SQLite refuses to run inside a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_upgrading_stores_the_size_of_city_photos_saved_before(country, media):
    default_storage.save("sister-cities/castle.jpg", ContentFile(image_bytes(size=(1000, 600))))
    SisterCity.objects.bulk_create(
        SisterCity(slug=slug, name_th=slug, country=country, photo=f"sister-cities/{slug}.jpg")
        for slug in ("castle", "gone")
    )

    call_command("migrate", "relations", "0007", verbosity=0)
    call_command("migrate", verbosity=0)  # every app: those that depend on relations (visits) too

    sizes = SisterCity.objects.order_by("slug").values_list("slug", "photo_width", "photo_height")
    assert list(sizes) == [("castle", 1000, 600), ("gone", None, None)]


@pytest.mark.django_db(transaction=True)
def test_upgrading_stores_the_size_of_organisation_charts_saved_before(media):
    default_storage.save("charts/office.png", ContentFile(image_bytes("PNG", size=(800, 500))))
    OrganisationChart.objects.bulk_create(
        OrganisationChart(title=name, image=f"charts/{name}.png", alt_text_th="แผนผัง") for name in ("office", "gone")
    )

    call_command("migrate", "pages", "0004", verbosity=0)
    call_command("migrate", verbosity=0)  # every app: those that depend on pages too

    sizes = OrganisationChart.objects.order_by("title").values_list("title", "image_width", "image_height")
    assert list(sizes) == [("gone", None, None), ("office", 800, 500)]
