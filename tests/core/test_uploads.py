"""Uploads: images decoded in full within limits, location data stripped, WebP sizes; PDFs really PDFs."""

import io
import os

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

from iad_site.core.uploads import MAX_PDF_BYTES, rendition_name, validate_pdf
from relations.models import Agreement, SisterCity

from .conftest import admin_form_data, image_bytes, upload

ADD_URL = "/admin/relations/sistercity/add/"


def stored_files(folder):
    path = os.path.join(settings.MEDIA_ROOT, folder)
    return sorted(os.listdir(path)) if os.path.isdir(path) else []


def post_city_with_photo(admin_client, country, photo):
    form = admin_client.get(ADD_URL)
    data = admin_form_data(
        form,
        name_th="โยโกฮามา",
        name_en="Yokohama",
        slug="yokohama",
        country=str(country.pk),
        photo_alt_th="ท่าเรือโยโกฮามายามเย็น",
        profile_th="ข้อความที่เจ้าหน้าที่พิมพ์ไว้",
        photo=photo,
    )
    return admin_client.post(ADD_URL, data)


def photo_error_codes(response):
    return [error.code for error in response.context["adminform"].form.errors.as_data().get("photo", [])]


def photo_errors(response):
    return response.context["adminform"].form.errors.get("photo", [])


@pytest.fixture
def clean_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def decompression_bomb():
    """100 megapixels of one colour: about 12 KB as a PNG, 100 MB or more once decoded."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    return buffer.getvalue()


def test_decompression_bomb_is_refused_with_a_reason_and_nothing_saved(admin_client, country, clean_media):
    response = post_city_with_photo(admin_client, country, upload("harmless.png", decompression_bomb()))

    assert response.status_code == 200
    assert photo_error_codes(response) == ["image_too_many_pixels"]
    assert "10000 × 10000" in photo_errors(response)[0]
    assert not SisterCity.objects.exists()
    assert stored_files("sister-cities") == []


def test_file_of_the_wrong_type_is_refused_with_a_reason(admin_client, country, clean_media):
    response = post_city_with_photo(admin_client, country, upload("photo.jpg", b"%PDF-1.4 not a photo at all"))

    assert photo_error_codes(response) == ["image_unreadable"]
    assert "JPEG, PNG" in photo_errors(response)[0]
    assert not SisterCity.objects.exists()


def test_image_in_a_format_the_site_does_not_serve_is_refused_naming_it(admin_client, country, clean_media):
    gif = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(gif, "GIF")

    response = post_city_with_photo(admin_client, country, upload("photo.jpg", gif.getvalue()))

    assert photo_error_codes(response) == ["image_format"]
    assert "GIF" in photo_errors(response)[0]
    assert not SisterCity.objects.exists()


def test_truncated_image_is_refused_with_a_reason_and_nothing_saved(admin_client, country, clean_media):
    whole = image_bytes("JPEG")

    response = post_city_with_photo(admin_client, country, upload("cut-off.jpg", whole[: len(whole) // 2]))

    assert photo_error_codes(response) == ["image_truncated"]
    assert not SisterCity.objects.exists()
    assert stored_files("sister-cities") == []


def test_refused_upload_keeps_everything_else_the_staff_member_typed(admin_client, country, clean_media):
    response = post_city_with_photo(admin_client, country, upload("harmless.png", decompression_bomb()))

    html = response.content.decode()
    assert 'value="โยโกฮามา"' in html
    assert "ข้อความที่เจ้าหน้าที่พิมพ์ไว้" in html
    assert 'value="ท่าเรือโยโกฮามายามเย็น"' in html


def gps_jpeg():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 7.0), 3: "E", 4: (100.0, 30.0, 5.0)}
    exif[0x010F] = "PhoneMaker"
    return image_bytes("JPEG", size=(2000, 1200), exif=exif.tobytes())


def test_accepted_photo_is_stored_without_location_metadata(admin_client, country, clean_media):
    response = post_city_with_photo(admin_client, country, upload("Yokohama Port.JPG", gps_jpeg()))

    assert response.status_code == 302
    city = SisterCity.objects.get(slug="yokohama")
    assert city.photo.name == "sister-cities/yokohama-port.jpg"
    with Image.open(city.photo.path) as stored:
        assert stored.format == "JPEG"
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info


def test_accepted_photo_gets_smaller_webp_copies_listed_in_srcset(admin_client, country, clean_media):
    post_city_with_photo(admin_client, country, upload("port.jpg", gps_jpeg()))

    photo = SisterCity.objects.get(slug="yokohama").photo
    assert photo.name == "sister-cities/port.jpg"
    for width in (480, 960, 1600):
        with Image.open(os.path.join(settings.MEDIA_ROOT, rendition_name(photo.name, width))) as copy:
            assert (copy.format, copy.width) == ("WEBP", width)
    assert photo.srcset.split(", ") == [
        f"/media/{rendition_name(photo.name, 480)} 480w",
        f"/media/{rendition_name(photo.name, 960)} 960w",
        f"/media/{rendition_name(photo.name, 1600)} 1600w",
        f"/media/{photo.name} 2000w",
    ]


def test_small_photo_gets_no_copies_wider_than_itself(admin_client, country, clean_media):
    post_city_with_photo(admin_client, country, upload("small.png", image_bytes("PNG", size=(600, 400))))

    photo = SisterCity.objects.get(slug="yokohama").photo
    assert photo.srcset.split(", ") == [f"/media/{rendition_name(photo.name, 480)} 480w", f"/media/{photo.name} 600w"]


def pdf(body=b"1 0 obj\n<< /Type /Catalog >>\nendobj\n"):
    return b"%PDF-1.7\n" + body + b"xref\n0 1\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("agreement.pdf", b"PK\x03\x04 a zip file renamed", "not_pdf"),
        ("agreement.pdf", pdf()[:30], "pdf_truncated"),
        ("agreement.docx", pdf(), "invalid_extension"),
    ],
    ids=["not-a-pdf", "truncated-pdf", "wrong-extension"],
)
def test_document_that_is_not_a_whole_pdf_is_refused_with_a_reason(city, name, content, code):
    agreement = Agreement(city=city, title_th="บันทึกความเข้าใจ", file=upload(name, content))

    with pytest.raises(ValidationError) as refused:
        agreement.full_clean()

    assert [error.code for error in refused.value.error_dict["file"]] == [code]


def test_real_pdf_is_accepted(city):
    Agreement(city=city, title_th="บันทึกความเข้าใจ", file=upload("agreement.pdf", pdf())).full_clean()


def test_pdf_over_the_size_cap_is_refused():
    oversized = upload("big.pdf", pdf(b"0" * (MAX_PDF_BYTES + 1)))

    with pytest.raises(ValidationError) as refused:
        validate_pdf(oversized)

    assert refused.value.code == "pdf_too_large"
