"""The visit request form in the browser, in every language, at every width of the suite: the form shown again
with its errors, the confirmation, the private status page, the satisfaction survey and the figures page with
numbers in it pass every check of test_pages.py at that width (axe, the Nu HTML Checker, no console error...).

The page walk (test_pages.py) checks the empty form and the figures page of the seed (no requests) as page types
of the registry; the states here exist only after a post or with requests stored, so they are reached as a
visitor reaches them, or made in the test's database, which the live server shares.
"""

import datetime
import itertools

import pytest
from django.utils import timezone

from tests.browser.checks import Load
from tests.browser.test_pages import VIEWPORTS, checks_at, run
from tests.visits.conftest import stored_request
from visits.models import VisitKind, VisitRequest, VisitStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("form_settings")]

VISITORS = itertools.count()


def typed_date(days, language):
    """A date as a visitor types it: 15/01/2570 on Thai pages (Buddhist Era), 15/01/2027 on English ones."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    year = day.year + 543 if language == "th" else day.year
    return f"{day.day:02d}/{day.month:02d}/{year}"


def open_page(site, tab, path, width):
    tab.set_viewport_size({"width": width, "height": VIEWPORTS[width]})
    return tab.goto(f"{site.url}{path}")


def submit(tab):
    with tab.expect_navigation() as navigation:
        tab.click("form.request-form button[type=submit]")
    return navigation.value


def fill_in(tab, language):
    tab.select_option("#id_kind", index=1)
    tab.fill("#id_purpose", "ศึกษาระบบจัดการน้ำท่วมของกรุงเทพมหานคร")
    tab.fill("#id_first_choice_start", typed_date(60, language))
    tab.fill("#id_second_choice_start", typed_date(90, language))
    tab.fill("#id_organisation", "Fukuoka City Hall")
    tab.fill("#id_head_of_delegation", "Sato Ken")
    tab.fill("#id_head_position", "Deputy Mayor")
    tab.fill("#id_number_of_people", "8")
    tab.fill("#id_name", "Tanaka Aiko")
    tab.fill("#id_email", f"visitor{next(VISITORS)}@example.jp")
    tab.fill("#id_phone", "+81 92 000 0000")


def send_request(site, tab, language, width):
    """Fills in and sends the form; returns the confirmation's response."""
    open_page(site, tab, f"/{language}/visits/request/", width)
    fill_in(tab, language)
    return submit(tab)


def loaded(site, tab, response, language, noindex, status=200):
    tab.evaluate("document.fonts.ready")
    return Load(tab, response, site.url, language, status, noindex, [])


def problems_at(width, nu_checker, load):
    return [problem for check in checks_at(width, nu_checker) for problem in run(check, load)]


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_form_shown_again_with_its_errors_passes_every_check(site, tab, nu_checker, language, width):
    open_page(site, tab, f"/{language}/visits/request/", width)
    fill_in(tab, language)
    tab.fill("#id_first_choice_start", typed_date(-3, language))  # in the past
    tab.fill("#id_email", "not-an-address")

    load = loaded(site, tab, submit(tab), language, noindex=False)

    assert tab.locator(".error-summary").count() == 1
    assert tab.locator("#id_first_choice_start").get_attribute("aria-invalid") == "true"
    assert tab.locator("#id_organisation").input_value() == "Fukuoka City Hall"  # everything typed is kept
    assert problems_at(width, nu_checker, load) == []


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_confirmation_passes_every_check(site, tab, nu_checker, language, width):
    load = loaded(site, tab, send_request(site, tab, language, width), language, noindex=True)

    assert "/visits/sent/" in tab.url
    assert tab.locator(".reference strong").inner_text().startswith("V-")
    assert problems_at(width, nu_checker, load) == []


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_status_page_passes_every_check(site, tab, nu_checker, language, width):
    send_request(site, tab, language, width)
    with tab.expect_navigation() as navigation:
        tab.click("main a[href*='/visits/status/']")

    load = loaded(site, tab, navigation.value, language, noindex=True)

    assert tab.locator("a[href*='/withdraw/']").count() == 1
    assert problems_at(width, nu_checker, load) == []


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_survey_of_a_completed_visit_passes_every_check(site, tab, nu_checker, language, width):
    send_request(site, tab, language, width)
    visit = VisitRequest.objects.order_by("-pk").first()
    visit.set_status(VisitStatus.COMPLETED)
    visit.save()
    open_page(site, tab, visit.get_status_url().replace("/th/", f"/{language}/", 1), width)
    with tab.expect_navigation() as navigation:
        tab.click("main a[href*='/survey/']")

    load = loaded(site, tab, navigation.value, language, noindex=True)

    assert tab.locator("input[name=satisfaction]").count() == 5
    assert problems_at(width, nu_checker, load) == []


def store_requests():
    """Requests as the form stores them, over two fiscal years, a visit completed and rated among them."""
    kinds = list(VisitKind.objects.offered())
    for number, (received, status) in enumerate(
        [
            (datetime.datetime(2025, 3, 10, 9), VisitStatus.COMPLETED),
            (datetime.datetime(2025, 11, 5, 9), VisitStatus.DECLINED),
            (datetime.datetime(2026, 1, 20, 9), VisitStatus.COMPLETED),
            (datetime.datetime(2026, 2, 2, 9), VisitStatus.RECEIVED),
        ]
    ):
        when = timezone.make_aware(received)
        answered = when + datetime.timedelta(days=3 + number) if status != VisitStatus.RECEIVED else None
        stored_request(
            kinds[number % len(kinds)],
            when,
            9000 + number,
            status=status,
            answered_at=answered,
            satisfaction=4 if status == VisitStatus.COMPLETED else None,
            survey_answered_at=answered if status == VisitStatus.COMPLETED else None,
        )


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_figures_page_with_requests_passes_every_check(site, tab, nu_checker, language, width):
    store_requests()

    load = loaded(site, tab, open_page(site, tab, f"/{language}/visits/figures/", width), language, noindex=False)

    assert tab.locator("svg.chart rect").count() == 4  # two fiscal years, two bars each
    assert tab.locator("table").count() == 5  # the years, then kinds and countries for each year
    assert problems_at(width, nu_checker, load) == []
