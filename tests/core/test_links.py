"""Row links of the list pages (iad_site.core.links.slug_url): one reversed pattern per language."""


def test_row_links_follow_the_language_of_the_page(client, seed):
    thai = client.get("/th/sister-cities/").content.decode()
    english = client.get("/en/sister-cities/").content.decode()

    assert 'href="/th/sister-cities/fukuoka-prefecture/"' in thai
    assert 'href="/en/sister-cities/fukuoka-prefecture/"' in english
    assert 'href="/th/sister-cities/fukuoka-prefecture/"' not in english
