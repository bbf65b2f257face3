"""Charts drawn from the office's data: the organisation chart of its current units (structure page), the
units of each era (history), the history's timeline of milestones, and the staffing chart."""

import re

import pytest

from pages.models import Milestone, OfficeUnit

pytestmark = pytest.mark.django_db

ROOT_BOX = re.compile(r'<p class="org-chart__box org-chart__box--root">([^<]+)')
UNIT_NAME = re.compile(r'<p class="org-chart__name"[^>]*>([^<]+)</p>')


def charts(html):
    """Each organisation chart on the page as (its top box, [its units' boxes as text])."""
    found = []
    for chart in html.split('<ul class="org-chart">')[1:]:
        chart = chart.split("\n</ul>")[0]
        boxes = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box)).strip() for box in chart.split("<li>")[2:]]
        found.append((ROOT_BOX.search(chart)[1], boxes, UNIT_NAME.findall(chart)))
    return found


def test_structure_chart_puts_the_current_units_under_the_office_in_their_order(client, seed_for_reading):
    [(root, _boxes, names)] = charts(client.get("/en/office/structure/").content.decode())

    assert root == "International Affairs Office"
    assert names == ["City Relations Promotion Division", "City Planning and Potential Promotion Division",
                     "General Administration Section"]  # fmt: skip


def test_structure_chart_shows_a_units_duties_in_its_box(client, seed_for_reading):
    OfficeUnit.objects.filter(name_en="General Administration Section").update(
        duties_th="งานสารบรรณ", duties_en="Correspondence and general administration."
    )

    [(_root, boxes, _names)] = charts(client.get("/en/office/structure/").content.decode())

    assert boxes[2] == "General Administration Section Correspondence and general administration."


def test_structure_chart_leaves_out_an_unpublished_unit(client, seed_for_reading):
    OfficeUnit.objects.filter(name_en="General Administration Section").update(is_published=False)

    [(_root, _boxes, names)] = charts(client.get("/en/office/structure/").content.decode())

    assert "General Administration Section" not in names and len(names) == 2


def test_each_milestone_draws_the_units_of_its_era(client, seed_for_reading):
    html = client.get("/en/office/history/").content.decode()
    section = html.split(f'id="milestone-{Milestone.objects.get(happened_on__year=2002).pk}"')[1].split("</section>")[0]

    [(root, boxes, names)] = charts(section)

    assert root == "The office"
    assert names == ["Foreign Affairs Group 1", "Foreign Affairs Group 2", "Foreign Affairs Group 3"]
    assert "promoting the founding of an ASEAN metropolitan council" in boxes[2]


def timeline(html):
    """(link target, date, title) of each entry of the history's timeline."""
    block = html.split('<ol class="history-timeline">')[1].split("</ol>")[0]
    return [
        (target, re.sub(r"<[^>]+>", "", date), title)
        for target, date, title in re.findall(
            r'<li><a href="#([^"]+)">(.*?</(?:time|span)>) <span[^>]*>([^<]+)</span></a></li>', block
        )
    ]


@pytest.mark.parametrize(
    ("language", "years"), [("th", ["2538", "2545", "2547", "2559"]), ("en", ["1995", "2002", "2004", "2016"])]
)
def test_history_opens_with_a_timeline_of_its_milestones_in_the_pages_calendar(
    client, seed_for_reading, language, years
):
    html = client.get(f"/{language}/office/history/").content.decode()

    entries = timeline(html)

    assert [date for _target, date, _title in entries][1:] == years
    assert html.index('class="history-timeline"') < html.index('<section class="milestone"')


def test_history_timeline_links_to_each_milestone_in_order(client, seed_for_reading):
    html = client.get("/en/office/history/").content.decode()

    entries = timeline(html)

    sections = re.findall(r'<section class="milestone" id="([^"]+)"', html)
    assert [target for target, _date, _title in entries] == sections and len(sections) == 5
    assert entries[0][1:] == (
        "Date not known",
        "Origins: the International Relations Unit of the Public Relations Division",
    )


def test_no_staffing_chart_while_no_unit_has_its_number(client, seed_for_reading):
    html = client.get("/en/office/structure/").content.decode()

    assert len(charts(html)) == 1 and 'id="staffing"' not in html


def test_staffing_chart_gives_each_units_positions_and_their_total(client, seed_for_reading):
    for name, positions in [("City Relations Promotion Division", 12), ("City Planning and Potential Promotion Division", 9),
                            ("General Administration Section", 1)]:  # fmt: skip
        OfficeUnit.objects.filter(name_en=name).update(staff_positions=positions)

    html = client.get("/en/office/structure/").content.decode()

    _chart, (root, boxes, _names) = charts(html)
    assert root == "International Affairs Office"
    assert '<span class="org-chart__figure">22 staff positions in all</span>' in html.split('id="staffing"')[1]
    assert boxes == [
        "City Relations Promotion Division 12 staff positions",
        "City Planning and Potential Promotion Division 9 staff positions",
        "General Administration Section 1 staff position",
    ]


def test_staffing_chart_gives_no_total_while_a_units_number_is_missing(client, seed_for_reading):
    OfficeUnit.objects.filter(name_en="City Relations Promotion Division").update(staff_positions=12)

    html = client.get("/en/office/structure/").content.decode()

    _chart, (_root, boxes, _names) = charts(html)
    assert boxes[1:] == [f"{name} Number of staff positions not given" for name in (
        "City Planning and Potential Promotion Division", "General Administration Section")]  # fmt: skip
    assert "in all" not in html.split('id="staffing"')[1]
