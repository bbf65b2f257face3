"""The map of partner cities: one linked marker per city with coordinates, Bangkok, a text list."""

import re

import pytest

from relations import map as world
from relations.models import SisterCity

pytestmark = pytest.mark.django_db

MARKER = re.compile(r'<a class="world-map__marker" href="([^"]+)" aria-label="([^"]+)"><title>([^<]+)</title><circle ')


def markers(html):
    """The markers of the overview, the first map (a close-up may repeat some of them)."""
    return MARKER.findall(html.split("</svg>", 1)[0])


def test_seeded_map_has_one_marker_per_city_with_coordinates_each_linking_to_its_page(client, seed):
    html = client.get("/th/sister-cities/map/").content.decode()

    located = SisterCity.objects.published().exclude(latitude=None).exclude(longitude=None)
    assert located.count() == 32
    assert sorted(url for url, _label, _title in markers(html)) == sorted(
        f"/th/sister-cities/{city.slug}/" for city in located
    )


def test_every_marker_page_exists(client, seed):
    found = markers(client.get("/en/sister-cities/map/").content.decode())

    assert found
    for url, _label, _title in found:
        assert client.get(url).status_code == 200, url


def test_marker_is_named_by_city_and_country(client, fukuoka):
    html = client.get("/en/sister-cities/map/").content.decode()

    assert markers(html) == [("/en/sister-cities/fukuoka/", "Fukuoka, Japan", "Fukuoka, Japan")]


def test_city_without_coordinates_is_listed_but_not_marked(client, fukuoka, japan):
    SisterCity.objects.create(slug="nowhere", name_th="ไม่ทราบ", name_en="Nowhere", country=japan)
    html = client.get("/en/sister-cities/map/").content.decode()

    assert len(markers(html)) == 1
    assert 'href="/en/sister-cities/nowhere/"' in html
    assert "location not known" in html


def test_unpublished_city_is_not_on_the_map(client, fukuoka):
    fukuoka.is_published = False
    fukuoka.save()

    assert markers(client.get("/en/sister-cities/map/").content.decode()) == []


def test_bangkok_is_marked(client, fukuoka):
    html = client.get("/th/sister-cities/map/").content.decode()

    assert '<g class="world-map__bangkok">\n      <title>กรุงเทพมหานคร</title>' in html


def test_map_is_inline_svg_that_scales_with_the_screen(client, fukuoka):
    html = client.get("/en/sister-cities/map/").content.decode()

    svg = re.search(r"<svg [^>]*>", html).group()
    assert "viewBox=" in svg
    assert "width=" not in svg and "height=" not in svg
    # No script runs: the only script elements are JSON-LD data blocks (iad_site/core/structured_data.py).
    assert re.findall(r'<script(?! type="application/ld\+json")', html) == []


def test_markers_sit_where_the_coordinates_say(fukuoka):
    marker = world.world_map(world.city_markers([fukuoka]))["frames"][0]["markers"][0]

    # Equirectangular, tenths of a degree: x from 180 W, y from 84 N.
    assert (marker.x, marker.y) == (round((130.418 + 180) * 10), round((84 - 33.606) * 10))


def test_view_box_holds_bangkok_and_every_city(fukuoka):
    left, top, width, height = world.view_box([world.BANGKOK, (fukuoka.latitude, fukuoka.longitude)])
    for lat, lon in [world.BANGKOK, (fukuoka.latitude, fukuoka.longitude)]:
        x, y = world.project(lat, lon)
        assert left < x < left + width and top < y < top + height


def test_country_outlines_file_matches_the_shipped_data():
    # static/img/world-land.svg is made by `manage.py draw_world_map` from relations/data/countries-110m.json.
    assert world.LAND_SVG.read_text() == world.land_svg()


def test_map_pages_link_the_outlines_instead_of_carrying_them(client, fukuoka):
    html = client.get("/th/sister-cities/map/").content.decode()

    assert '<image href="/static/img/world-land.svg" width="3600" height="1410" aria-hidden="true"/>' in html
    assert len(html) < 20_000


def test_a_close_up_shows_the_crowded_cities_of_east_asia_again(client, seed):
    html = client.get("/en/sister-cities/map/").content.decode()
    overview, close_up = html.split("</svg>")[:2]

    close_up_markers = MARKER.findall(close_up)
    assert 3 <= len(close_up_markers) < len(MARKER.findall(overview))
    assert '<image href="/static/img/world-land.svg"' in close_up
    assert "/en/sister-cities/beijing/" in {url for url, _label, _title in close_up_markers}


def test_map_page_takes_a_fixed_number_of_queries(client, fukuoka, japan, django_assert_num_queries):
    for number in range(5):
        SisterCity.objects.create(
            slug=f"c{number}", name_th=f"เมือง {number}", country=japan, latitude="10", longitude="10"
        )
    # How many cities, then the cities (or, past world.MAX_CITY_MARKERS, their countries: test_map_by_country.py),
    # and the contact details of the footer and the JSON-LD.
    with django_assert_num_queries(3):
        client.get("/th/sister-cities/map/")


def test_sister_city_directory_links_the_map(client, fukuoka):
    assert 'href="/en/sister-cities/map/"' in client.get("/en/sister-cities/").content.decode()
