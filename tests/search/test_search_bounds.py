"""A word found on very many pages ranks a bounded number of them (search.MAX_CANDIDATES), and says so."""

import re

import pytest

from iad_site.search import engine as search

pytestmark = pytest.mark.django_db


def result_urls(html):
    return re.findall(r'<li>\s*<h2><a href="([^"]+)"', html)


@pytest.fixture
def cities(japan):
    from relations.models import SisterCity

    for number in range(8):
        SisterCity.objects.create(slug=f"city-{number}", name_th=f"เมือง {number}", country=japan, profile_th="ทดสอบ")
    # The last one has the word in its name: past the cap in the fixed order, but ranked first all the same.
    SisterCity.objects.create(slug="named", name_th="เมืองทดสอบ", country=japan)


def test_only_the_first_matches_are_ranked_and_the_page_says_so(client, cities, monkeypatch):
    monkeypatch.setattr(search, "MAX_CANDIDATES", 3)
    response = client.get("/en/search/", {"q": "ทดสอบ"})
    html = response.content.decode()

    assert response.context["page"].paginator.count == 4  # the first 3, and the one with the word in its name
    assert result_urls(html)[0] == "/en/sister-cities/named/"
    assert "only the first ones found are ranked" in html


def test_below_the_cap_every_match_is_ranked_and_nothing_is_said(client, cities):
    html = client.get("/en/search/", {"q": "ทดสอบ"}).content.decode()

    assert len(result_urls(html)) == 9
    assert "only the first ones found are ranked" not in html
