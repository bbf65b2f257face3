"""The official letter: checked like the site's other PDFs, kept out of the public media folder under a random
name, and downloaded only by staff allowed to view the request."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\nstartxref\n0\n%%EOF\n"


def letter(content=PDF, name="Fukuoka City - letter to the Governor.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_letter_is_stored_outside_the_public_media_folder_under_a_random_name(send, settings):
    _response, visit = send("en", official_letter=letter())

    stored = Path(visit.official_letter.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "Fukuoka" not in stored.name
    assert stored.read_bytes() == PDF


def test_the_letter_and_its_folder_are_readable_by_the_sites_own_user_alone(send, settings):
    _response, visit = send("en", official_letter=letter())

    stored = Path(visit.official_letter.path)
    assert stored.stat().st_mode & 0o777 == 0o600
    assert stored.parent.stat().st_mode & 0o777 == 0o700


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_stored(send):
    response, visit = send("en", official_letter=letter(b"MZ\x90\x00 not a pdf", "letter.pdf"))

    assert visit is None
    assert "This file is not a PDF" in response.content.decode()


def test_an_editor_downloads_the_letter_through_the_admin(send, editor_client):
    _response, visit = send("en", official_letter=letter())

    response = editor_client.get(f"/admin/visits/visitrequest/{visit.pk}/letter/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_staff_without_permission_to_view_requests_cannot_download_the_letter(send, django_user_model, client):
    _response, visit = send("en", official_letter=letter())
    clerk = django_user_model.objects.create_user("clerk", "clerk@example.org", "a-long-password-1", is_staff=True)
    client.force_login(clerk)

    response = client.get(f"/admin/visits/visitrequest/{visit.pk}/letter/")

    assert response.status_code == 403
