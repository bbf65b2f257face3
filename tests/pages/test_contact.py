"""The office's contact details (pages.ContactDetails): staff fill them in once, and they reach the contact
page, every page's footer and the JSON-LD search engines read; a value no one filled in shows nowhere."""

import extruct
import pytest
from django.core.management import call_command

from pages.models import ContactDetails, StaticPage

pytestmark = pytest.mark.django_db


def organization(response):
    documents = extruct.extract(response.content.decode(), syntaxes=["json-ld"], uniform=True)["json-ld"]
    (office,) = [document for document in documents if document["@type"] == "GovernmentOrganization"]
    return office


def footer(response):
    return response.content.decode().split('<footer class="site-footer">', 1)[1]


@pytest.fixture
def contact_details(db):
    return ContactDetails.objects.create(
        address_th="ศาลาว่าการกรุงเทพมหานคร\nถนนดินสอ แขวงเสาชิงช้า เขตพระนคร",
        address_en="Bangkok City Hall\nDinso Road, Sao Chingcha, Phra Nakhon",
        postal_code="10200",
        phone="0 2224 1234",
        email="iad@example.org",
        office_hours_th="วันจันทร์ถึงวันศุกร์",
        facebook_url="https://www.facebook.com/bangkokiad",
    )


def test_contact_details_reach_every_pages_footer(client, contact_details):
    html = footer(client.get("/en/office/"))

    assert "Bangkok City Hall<br>Dinso Road, Sao Chingcha, Phra Nakhon 10200" in html
    assert '<a href="tel:+6622241234">0 2224 1234</a>' in html
    assert '<a href="mailto:iad@example.org">iad@example.org</a>' in html
    assert '<li lang="th">วันจันทร์ถึงวันศุกร์</li>' in html  # no English written: the Thai, marked as Thai
    assert 'href="https://www.facebook.com/bangkokiad"' in html


def test_contact_details_reach_the_json_ld(client, contact_details):
    office = organization(client.get("/th/office/"))

    assert office["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ศาลาว่าการกรุงเทพมหานคร, ถนนดินสอ แขวงเสาชิงช้า เขตพระนคร",
        "postalCode": "10200",
        "addressLocality": "กรุงเทพมหานคร",
        "addressCountry": "TH",
    }
    assert office["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": office["contactPoint"][0]["contactType"],
            "telephone": "+6622241234",
            "email": "iad@example.org",
        }
    ]
    assert office["sameAs"] == ["https://www.facebook.com/bangkokiad"]


def test_a_page_says_nothing_of_contact_details_no_one_has_filled_in(client):
    response = client.get("/en/office/")

    assert set(organization(response)) == {"@context", "@type", "@id", "name", "alternateName", "url", "logo"}
    assert "<address" not in footer(response)


def test_the_seed_gives_the_facebook_page_and_invents_no_address(client, seed):
    response = client.get("/en/page/contact/")
    html = response.content.decode()

    assert "The office has not published its address, telephone or email here yet." in html
    assert 'href="https://www.facebook.com/bangkokiad"' in footer(response)
    assert set(organization(response)) == {"@context", "@type", "@id", "name", "alternateName", "url", "logo", "sameAs"}


def test_the_contact_page_lists_the_details(client, contact_details, static_page):
    html = client.get("/en/page/contact/").content.decode()
    details = html.split('<section class="contact-details"', 1)[1].split("</section>", 1)[0]

    assert '<dt>Telephone</dt><dd><a href="tel:+6622241234">0 2224 1234</a></dd>' in details
    assert "<dt>Fax</dt>" not in details


def test_saving_the_details_shows_them_on_a_page_already_cached(client, seed, page_cache):
    assert client.get("/th/office/")["X-Cache"] == "MISS"
    assert client.get("/th/office/")["X-Cache"] == "HIT"

    contact = ContactDetails.current()
    contact.phone = "0 2224 1234"
    contact.save()

    response = client.get("/th/office/")
    assert response["X-Cache"] == "MISS"
    assert "0 2224 1234" in footer(response)


def test_the_seed_loaded_twice_keeps_one_set_of_details(seed):
    call_command("seed", verbosity=0)

    assert ContactDetails.objects.count() == 1
    assert StaticPage.objects.filter(slug="contact").count() == 1
