"""schema.org structured data (iad_site.core.structured_data), read as search engines read it (extruct): every
page type in every language says who publishes it, a GovernmentOrganization named in the page's language,
and a page with breadcrumbs describes the very trail it shows."""

import re

import extruct
from django.utils.html import strip_tags

from iad_site.core import structured_data

OFFICE_NAMES = {
    "th": "สำนักงานการต่างประเทศ สำนักปลัดกรุงเทพมหานคร",
    "en": "International Affairs Office, Office of the Permanent Secretary, Bangkok Metropolitan Administration",
}


def json_ld(response):
    return extruct.extract(response.content.decode(), syntaxes=["json-ld"], uniform=True)["json-ld"]


def of_type(documents, kind):
    return [document for document in documents if document.get("@type") == kind]


def test_every_page_names_the_office_in_its_own_language_first(client, public_page):
    documents = json_ld(public_page.get(client))

    (office,) = of_type(documents, "GovernmentOrganization")
    other = [name for code, name in OFFICE_NAMES.items() if code != public_page.language]
    assert (office["name"], office["alternateName"]) == (OFFICE_NAMES[public_page.language], other)
    assert office["sameAs"] == ["https://www.facebook.com/bangkokiad"]


def visible_trail(html):
    """(name, path) of each link of the page's breadcrumbs, then the page's <h1>."""
    trail = html.split('<nav class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail)
    heading = strip_tags(html.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0]).strip()
    return [(name, path) for path, name in links] + [(heading, None)]


def test_breadcrumbs_describe_the_trail_the_page_shows(client, public_page):
    response = public_page.get(client)
    html = response.content.decode()
    lists = of_type(json_ld(response), "BreadcrumbList")
    if '<nav class="breadcrumbs' not in html:
        assert lists == []
        return

    (breadcrumbs,) = lists
    described = [(entry["name"], entry["item"]) for entry in breadcrumbs["itemListElement"]]
    shown = visible_trail(html)
    assert [name for name, _item in described] == [name for name, _path in shown]
    origin = "http://testserver"
    assert [item for _name, item in described] == [origin + path for _name, path in shown[:-1]] + [
        origin + public_page.path.split("?")[0]
    ]
    assert [entry["position"] for entry in breadcrumbs["itemListElement"]] == list(range(1, len(shown) + 1))


def test_the_pages_with_breadcrumbs_are_the_ones_below_a_section_page(client, seed_for_reading, db):
    with_trail = {
        path
        for path in ["/th/office/history/", "/th/office/structure/", "/th/plans/projects-fy2556/", "/en/office/"]
        if '<nav class="breadcrumbs' in client.get(path).content.decode()
    }

    assert with_trail == {"/th/office/history/", "/th/office/structure/", "/th/plans/projects-fy2556/"}


def test_a_value_cannot_end_the_script_element_early():
    text = structured_data.script({"name": "</script><script>alert(1)</script>", "empty": "", "none": None})

    assert text.count("</script>") == 1
    assert str(text).endswith(
        '{"name":"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"}</script>'
    )
