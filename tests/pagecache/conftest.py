"""The city whose page the page-cache tests cache, edit and fetch again."""

import pytest

from relations.models import Country, SisterCity


@pytest.fixture
def city():
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    return SisterCity.objects.create(slug="fukuoka", name_th="ฟุกุโอกะ", name_en="Fukuoka", country=japan)
