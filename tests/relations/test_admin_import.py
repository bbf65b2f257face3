"""Importing embassies from the admin: a Thai-Excel CSV is read, previewed, and imported on confirmation as one
revision; a file with a wrong row lists every problem by line and imports nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Revision, Version

from relations.models import Embassy

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/relations/embassy/import/"
GOOD = """country_code,name_th,name_en,country_name_th,country_name_en
JP,สถานเอกอัครราชทูตญี่ปุ่น,Embassy of Japan,ประเทศญี่ปุ่น,Japan
FR,สถานเอกอัครราชทูตฝรั่งเศส,Embassy of France,สาธารณรัฐฝรั่งเศส,France
"""
BAD = """country_code,name_th,country_name_th,latitude
JP,สถานเอกอัครราชทูตญี่ปุ่น,ประเทศญี่ปุ่น,
ZZ,,,abc
"""


def upload(client, text, encoding):
    csv_file = SimpleUploadedFile("embassies.csv", text.encode(encoding), content_type="text/csv")
    return client.post(IMPORT_URL, {"file": csv_file})


def test_a_thai_windows_csv_is_previewed_then_imported_as_one_revision(admin_client):
    preview = upload(admin_client, GOOD, "cp874")
    page = preview.content.decode()
    assert "Windows-874" in page and "2 new" in page
    assert not Embassy.objects.exists()  # only checked so far

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    response = admin_client.post(IMPORT_URL, {"token": token})

    assert response.status_code == 302
    assert sorted(Embassy.objects.values_list("name_th", flat=True)) == [
        "สถานเอกอัครราชทูตญี่ปุ่น",
        "สถานเอกอัครราชทูตฝรั่งเศส",
    ]
    revision = Revision.objects.get()
    assert Version.objects.filter(revision=revision, content_type__model="embassy").count() == 2


def test_a_file_with_a_wrong_row_lists_its_problems_by_line_and_imports_nothing(admin_client):
    page = upload(admin_client, BAD, "utf-8").content.decode()

    assert "line 3: country_code" not in page  # ZZ is two letters: only the country's name is missing
    assert "line 3: country ZZ is not in the database yet" in page
    assert "line 3: latitude must be a number" in page
    assert 'name="token"' not in page
    assert not Embassy.objects.exists()
