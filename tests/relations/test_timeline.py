"""The partnership timeline on the sister-city directory (relations/timeline.py): every published city by
the year its relationship began, marked by kind, each mark a link; cities of unknown date listed beside it;
a table that says what the chart shows; past MAX_CITY_MARKS cities, one mark per year and kind."""

import re

import pytest

from relations.models import SisterCity

pytestmark = pytest.mark.django_db

# Each mark: its link, its name (the <title>, also shown on hover) and its shape.
MARK = re.compile(r'<a class="timeline__mark" href="([^"]+)"><title>([^<]+)</title><(\w+)')
SHAPE = {"circle": "Sister city", "rect": "Friendship agreement", "polygon": "Memorandum of understanding"}


def section(html):
    return html.split('<section class="timeline"')[1].split("</section>")[0]


def chart(html):
    return section(html).split("</svg>")[0]


def table_rows(html):
    body = section(html).split("<tbody>")[1].split("</tbody>")[0]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        + re.findall(r'href="([^"]+)"', row)
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


def unknown_list(html):
    return re.findall(r'<li><a href="([^"]+)"', section(html).split('class="timeline__unknown"')[1].split("</ul>")[0])


def dated_published_urls(language):
    cities = SisterCity.objects.published().exclude(established_precision="unknown")
    return {f"/{language}/sister-cities/{city.slug}/" for city in cities}


def test_every_dated_published_city_is_a_mark_linking_to_its_page(client, seed_for_reading):
    marks = MARK.findall(chart(client.get("/en/sister-cities/").content.decode()))

    assert len(marks) == 28
    assert {url for url, _label, _shape in marks} == dated_published_urls("en")


def test_each_mark_is_shaped_by_its_kind_of_relationship(client, seed_for_reading):
    marks = MARK.findall(chart(client.get("/en/sister-cities/").content.decode()))

    kinds = {
        url.split("/")[-2]: SisterCity.objects.get(slug=url.split("/")[-2]).get_relationship_display()
        for url, _, _ in marks
    }
    assert {slug: SHAPE[tag] for slug, (_url, _label, tag) in zip(kinds, marks, strict=True)} == kinds
    assert {tag for _url, _label, tag in marks} == set(SHAPE)
    assert "Friendship agreement" in section(client.get("/en/sister-cities/").content.decode()).split("</svg>", 1)[1]


def test_cities_whose_date_is_not_known_are_listed_beside_the_chart(client, seed_for_reading):
    html = client.get("/en/sister-cities/").content.decode()

    unknown = unknown_list(html)

    assert unknown == [f"/en/sister-cities/{slug}/" for slug in ("lausanne", "ankara", "lisbon", "hue")]
    assert not set(unknown) & {url for url, _label, _shape in MARK.findall(chart(html))}


def test_the_table_says_what_each_mark_says(client, seed_for_reading):
    html = client.get("/en/sister-cities/").content.decode()

    marks = {url: label for url, label, _shape in MARK.findall(chart(html))}
    rows = {url: f"{city}, {country}: {kind} since {date}" for date, city, country, kind, url in table_rows(html)}

    assert rows == marks
    assert (
        rows["/en/sister-cities/washington-dc/"]
        == "Washington, D.C., United States: Sister city since 19 February 1962"
    )


@pytest.mark.parametrize(("language", "first", "last"), [("th", "2505", "2561"), ("en", "1962", "2018")])
def test_years_are_in_the_readers_calendar(client, seed_for_reading, language, first, last):
    svg = chart(client.get(f"/{language}/sister-cities/").content.decode())

    years = re.findall(r'<text x="\d+" y="\d+" text-anchor="middle">(\d+)</text>', svg)
    assert (years[0], years[-1], len(years)) == (first, last, 14)


def test_an_unpublished_city_is_left_off(client, seed_for_reading):
    SisterCity.objects.filter(slug="busan").update(is_published=False)

    html = client.get("/en/sister-cities/").content.decode()

    assert "/en/sister-cities/busan/" not in section(html)
    assert len(MARK.findall(chart(html))) == 27


def test_a_filtered_directory_shows_no_timeline(client, seed_for_reading):
    html = client.get("/en/sister-cities/?country=JP").content.decode()

    assert 'class="timeline"' not in html
