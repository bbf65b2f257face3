"""The one page walk: every public page type of the registry, in every language, answers as its page type
says, in its language, with one <h1>; and no model change lacks its migration."""

import re

import pytest
from django.core.management import call_command

NOINDEX = '<meta name="robots" content="noindex">'


def test_every_public_page_answers_with_its_status_one_h1_and_its_language(client, public_page):
    response = client.get(public_page.path)

    html = response.content.decode()
    assert response.status_code == public_page.page_type.status
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert f'<html lang="{public_page.language}">' in html


def test_every_public_page_asks_search_engines_to_index_it_or_not_as_its_page_type_says(client, public_page):
    html = client.get(public_page.path).content.decode()

    if public_page.page_type.noindex:
        assert NOINDEX in html
    elif public_page.page_type.status == 200:
        assert NOINDEX not in html


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
