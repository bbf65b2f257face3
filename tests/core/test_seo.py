"""What every page's <head> tells search engines and social sites: canonical address, hreflang alternates
with x-default, Open Graph (iad_site.core.templatetags.seo)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_head_has_canonical_hreflang_and_x_default(client, language):
    html = client.get(f"/{language}/sister-cities/").content.decode()

    assert f'<link rel="canonical" href="http://testserver/{language}/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="th" href="http://testserver/th/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/sister-cities/">' in html


def test_canonical_and_hreflang_links_name_the_page_without_its_query(client):
    html = client.get("/th/search/?q=" + "ก" * 300).content.decode()

    assert '<link rel="canonical" href="http://testserver/th/search/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/search/">' in html


def test_open_graph_title_description_and_image(client, fukuoka):
    html = client.get("/en/sister-cities/fukuoka/").content.decode()

    assert '<meta property="og:title" content="Fukuoka">' in html
    assert re.search(r'<meta property="og:description" content="[^"]+">', html)
    assert re.search(r'<meta property="og:image" content="http://testserver/static/img/og-default[^"]*\.png">', html)
    assert '<meta property="og:url" content="http://testserver/en/sister-cities/fukuoka/">' in html
