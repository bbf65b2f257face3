"""No silent overwrites, in the browser (iad_site/core/conflicts.py): two editors, each signed in in a browser
context of their own, open the same sister city and both change its Thai profile; the first save goes through,
the second is refused with a message naming who saved and when, the second editor's text still in the form
beside the saved one, and once merged their next save goes through. The rules themselves are unit-tested in
tests/core/test_admin_conflicts.py."""

import pytest
from django.utils import translation

from iad_site.core.conflicts import last_change
from relations.models import Country, SisterCity
from tests.browser import test_editor

pytestmark = pytest.mark.django_db

# The signed-in editors' browser sessions of the editor's test, shared as fixtures.
editors, sessions = test_editor.editors, test_editor.sessions


@pytest.fixture
def city(site, django_db_blocker):
    """A city of its own, so the seeded ones the other browser tests walk stay as they are."""
    with django_db_blocker.unblock():
        city = SisterCity.objects.create(
            slug="conflict-test",
            name_th="เมืองทดสอบ",
            name_en="Test city",
            country=Country.objects.order_by("pk").first(),
            sort_order=999,
            profile_th="ข้อความเดิม",
        )
    yield city
    with django_db_blocker.unblock():
        city.delete()


def test_the_second_of_two_saves_is_refused_naming_the_first_and_keeping_the_text(sessions, editors, city):
    somchai, somsri = sessions(editors[0]), sessions(editors[1])
    url = f"/admin/relations/sistercity/{city.pk}/change/"
    somchai.go(url)
    somsri.go(url)
    somchai.page.fill("#id_profile_th", "ข้อความสองชั่วโมงของสมชาย")
    somsri.page.fill("#id_profile_th", "ข้อความของสมศรี")

    somsri.save()
    somchai.save()

    page = somchai.page
    city.refresh_from_db()
    assert city.profile_th == "ข้อความของสมศรี"
    with translation.override("th"):
        who, when = last_change(city)
    assert who == "สมศรี ใจงาม"
    message = page.locator(".errornote, .errorlist.nonfield").all_inner_texts()
    assert any(who in text and when in text for text in message), (message, who, when)
    conflict = page.locator("#edit-conflict")
    assert who in conflict.locator("h2").inner_text()
    assert conflict.locator("tbody tr").all_inner_texts() != []
    assert "ข้อความของสมศรี" in conflict.inner_text()  # what is saved now, beside
    assert page.input_value("#id_profile_th") == "ข้อความสองชั่วโมงของสมชาย"  # what he typed, still his

    page.fill("#id_profile_th", "ข้อความของสมศรี และของสมชาย")
    somchai.save()

    assert page.locator("#edit-conflict, .errornote").count() == 0
    city.refresh_from_db()
    assert city.profile_th == "ข้อความของสมศรี และของสมชาย"
    for session in (somchai, somsri):
        session.collect()
        assert session.violations == []
        assert session.errors == []
