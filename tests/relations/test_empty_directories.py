"""The directories before anything is published: each says so instead of showing an empty list."""

import pytest

from .conftest import main_text

pytestmark = pytest.mark.django_db


def test_empty_directory_says_so(client, db):
    text = main_text(client.get("/en/sister-cities/"))

    assert "No sister cities have been published yet." in text


def test_empty_network_list_says_so(client, db):
    text = main_text(client.get("/en/networks/"))

    assert "No city networks have been published yet." in text


def test_empty_embassy_list_says_so(client, db):
    text = main_text(client.get("/en/embassies/"))

    assert "The list of embassies has not been published yet." in text
