"""Personal data: the notice at the point of collection states the facts from the settings and links the full
notice; the optional consent is its own box, unticked; nothing a visitor typed reaches the logs or the open data."""

import logging

import pytest

from iad_site.core import sections

pytestmark = pytest.mark.django_db


def test_the_ask_page_says_how_long_data_is_kept_from_the_setting(client, topic, settings):
    settings.INBOX_RETENTION_DAYS = 90

    html = client.get("/en/questions/").content.decode()

    assert "then 90 days more, after which your name, email address and message are deleted" in html
    assert 'href="/en/questions/privacy/"' in html


def test_the_consent_to_publish_is_separate_and_unticked(client, topic):
    html = client.get("/en/questions/").content.decode()

    assert '<input type="checkbox" name="publish_consent"' in html
    assert 'name="publish_consent" id="id_publish_consent" checked' not in html


def test_a_question_is_stored_without_consent_unless_the_box_is_ticked(ask):
    _r, without = ask("en")
    _r, with_consent = ask("en", publish_consent="on", email="other@example.org")

    assert (without.publish_consent, with_consent.publish_consent) == (False, True)


def test_the_privacy_page_lists_the_rights_of_sections_30_to_36(client, db):
    html = client.get("/en/questions/privacy/").content.decode()

    for section in ("section 30", "section 31", "section 32", "section 33", "section 34", "sections 35 and 36"):
        assert section in html


def test_nothing_the_visitor_typed_is_logged(ask, caplog):
    with caplog.at_level(logging.DEBUG):
        ask("en", email="broken")  # shown again with an error
        ask("en", website="bot")  # refused
        ask("en")  # stored

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "สมชาย" not in logged and "somchai@example.org" not in logged and "ญี่ปุ่น" not in logged


def test_no_open_data_file_carries_a_question(ask, client):
    ask("en")

    for name in sections.open_data():
        for extension in ("csv", "json"):
            assert "somchai@example.org" not in client.get(f"/data/{name}.{extension}").content.decode()
