"""The office's public pages: history, structure, plans, static pages and the office hub."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from pages.models import Milestone, OrganisationChart, Plan, StaticPage

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/office/",
    "/office/history/",
    "/office/structure/",
    "/plans/",
    "/plans/projects-fy2556/",
    "/plans/administration-2552-2555/",
    "/page/about/",
    "/page/contact/",
    "/page/accessibility/",
    "/page/privacy/",
]


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_in_its_language_with_one_h1(client, seed_for_reading, language, path):
    response = client.get(f"/{language}{path}")

    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert f'<html lang="{language}">' in html


def test_thai_history_shows_the_1995_resolution_in_the_buddhist_era(client, seed_for_reading):
    html = client.get("/th/office/history/").content.decode()

    assert "28 สิงหาคม 2538" in html
    assert '<time datetime="1995-08-28">' in html


def test_english_history_shows_the_same_resolution_in_the_common_era(client, seed_for_reading):
    html = client.get("/en/office/history/").content.decode()

    assert "28 August 1995" in html
    assert "2538</time>" not in html


def test_history_lists_the_units_of_each_resolution_with_their_duties(client, seed_for_reading):
    html = client.get("/th/office/history/").content.decode()

    assert html.count("กลุ่มงานต่างประเทศ 3") >= 1
    assert "การส่งเสริมการจัดตั้งสภามหานครอาเซียน" in html


def test_history_milestones_run_from_the_origins_to_2559(client, seed_for_reading):
    html = client.get("/th/office/history/").content.decode()

    dates = ["28 สิงหาคม 2538", "19 สิงหาคม 2545", "20 ธันวาคม 2547", "17 พฤศจิกายน 2559"]
    positions = [html.index("เริ่มจากงานวิเทศสัมพันธ์")] + [html.index(date) for date in dates]
    assert positions == sorted(positions)


def test_structure_lists_the_three_current_units_and_ten_duties(client, seed_for_reading):
    html = client.get("/th/office/structure/").content.decode()

    for unit in ["ส่วนส่งเสริมความสัมพันธ์ระหว่างเมือง", "ส่วนแผนงานและส่งเสริมศักยภาพของเมือง", "ฝ่ายบริหารงานทั่วไป"]:
        assert unit in html
    duties = html.split("<ol>")[1].split("</ol>")[0]
    assert duties.count("<li") == 10


def test_structure_draws_a_chart_not_uploaded_instead_of_a_broken_image(client, seed_for_reading):
    main = client.get("/en/office/structure/").content.decode().split('id="main"')[1]

    assert "<img" not in main
    assert 'class="org-chart"' in main  # drawn from the units: tests/pages/test_charts.py


def test_content_pages_say_when_they_were_last_updated_in_the_buddhist_era(client, seed_for_reading):
    for path in ["/office/history/", "/office/structure/", "/plans/", "/page/about/"]:
        html = client.get(f"/th{path}").content.decode()
        assert re.search(r"<time datetime=\"2026-11-22T07:00:00\+07:00\">22 พฤศจิกายน 2569</time>", html), path


def test_thai_plan_list_groups_plans_by_buddhist_era_fiscal_year(client, seed_for_reading):
    html = client.get("/th/plans/").content.decode()

    assert '<h2 id="fy-2556">ปีงบประมาณ 2556 (ตุลาคม 2555 – กันยายน 2556)</h2>' in html
    assert '<h2 id="fy-2555">ปีงบประมาณ 2555 (ตุลาคม 2554 – กันยายน 2555)</h2>' in html


def test_english_plan_list_shows_the_common_era_fiscal_year_with_its_months(client, seed_for_reading):
    html = client.get("/en/plans/").content.decode()

    assert "Fiscal year 2013 (October 2012 – September 2013)" in html


def test_fy2556_plan_lists_its_six_projects(client, seed_for_reading):
    html = client.get("/th/plans/projects-fy2556/").content.decode()

    projects = html.split("<ol>")[1].split("</ol>")[0]
    assert projects.count("<li>") == 6
    assert "การจัดตั้ง ASEAN Cities Forum" in projects


def test_document_without_a_file_is_listed_without_a_link(client, seed_for_reading):
    html = client.get("/en/plans/operations-2555-05/").content.decode()
    documents = html.split('class="documents"')[1].split("</ul>")[0]

    assert "<a " not in documents
    assert "the file is not available yet" in documents


def test_unpublished_plan_is_not_found_by_the_public(client, seed_for_reading):
    Plan.objects.filter(slug="projects-fy2556").update(is_published=False)

    assert client.get("/th/plans/projects-fy2556/").status_code == 404
    assert "projects-fy2556" not in client.get("/th/plans/").content.decode()


def test_unpublished_plan_is_previewed_by_staff(admin_client, seed_for_reading):
    Plan.objects.filter(slug="projects-fy2556").update(is_published=False)

    response = admin_client.get("/th/plans/projects-fy2556/")

    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()


def test_unpublished_static_page_is_not_found_by_the_public(client, seed_for_reading):
    StaticPage.objects.filter(slug="privacy").update(is_published=False)

    assert client.get("/en/page/privacy/").status_code == 404


def test_unpublished_static_page_is_previewed_by_staff(admin_client, seed_for_reading):
    StaticPage.objects.filter(slug="privacy").update(is_published=False)

    assert admin_client.get("/en/page/privacy/").status_code == 200


def test_unpublished_milestone_is_hidden_from_the_public_and_shown_to_staff(client, admin_client, seed_for_reading):
    Milestone.objects.filter(happened_on__year=2002).update(is_published=False)

    assert "19 สิงหาคม 2545" not in client.get("/th/office/history/").content.decode()
    assert "19 สิงหาคม 2545" in admin_client.get("/th/office/history/").content.decode()


def test_static_page_body_is_sanitised(client, seed_for_reading):
    StaticPage.objects.filter(slug="about").update(body_th='<p>สวัสดี</p><script>alert("x")</script>')

    html = client.get("/th/page/about/").content.decode()

    assert "<p>สวัสดี</p>" in html
    assert 'alert("x")' not in html


def test_static_page_missing_in_english_shows_thai_marked_as_thai(client, seed_for_reading):
    StaticPage.objects.filter(slug="about").update(body_en="")

    html = client.get("/en/page/about/").content.decode()

    assert '<div class="rich-text" lang="th">' in html
    assert "has not been translated into English yet" in html


def test_contact_page_gives_the_facebook_page_and_invents_no_address(client, seed_for_reading):
    html = client.get("/en/page/contact/").content.decode()

    assert "https://www.facebook.com/bangkokiad" in html
    assert "The office has not published its address, telephone or email here yet." in html


def test_seed_loaded_twice_adds_nothing(seed_for_reading):
    counts = [Milestone.objects.count(), Plan.objects.count(), StaticPage.objects.count()]

    call_command("seed", verbosity=0)

    assert [Milestone.objects.count(), Plan.objects.count(), StaticPage.objects.count()] == counts == [5, 4, 4]


# Each with the contact details of the footer and the JSON-LD (pages.ContactDetails), one query on every page.
@pytest.mark.parametrize(("path", "queries"), [("/th/office/history/", 3), ("/th/office/structure/", 4)])
def test_office_pages_query_count_is_fixed(client, seed_for_reading, django_assert_num_queries, path, queries):
    with django_assert_num_queries(queries):
        client.get(path)


def test_plan_detail_query_count_is_fixed(client, seed_for_reading, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get("/th/plans/projects-fy2556/")


def test_fiscal_year_typed_in_the_common_era_is_refused(seed_for_reading):
    plan = Plan.objects.get(slug="projects-fy2556")
    plan.fiscal_year = 2013

    with pytest.raises(ValidationError) as error:
        plan.full_clean()

    assert "fiscal_year" in error.value.message_dict


def test_chart_image_without_a_text_alternative_is_refused(seed_for_reading):
    chart = OrganisationChart.objects.get(pk=1)
    chart.image = "charts/chart.png"

    with pytest.raises(ValidationError) as error:
        chart.full_clean()

    assert "alt_text_th" in error.value.message_dict


def test_chart_with_an_image_is_shown_with_its_text_alternative(client, seed_for_reading):
    OrganisationChart.objects.filter(pk=1).update(image="charts/chart.png", alt_text_th="แผนภูมิ", alt_text_en="A chart")

    html = client.get("/en/office/structure/").content.decode()

    assert 'src="/media/charts/chart.png" alt="A chart"' in html
