"""The rich-text editor and its allow-list (iad_site/core/richtext.py): the sanitiser keeps exactly the markup the
editor makes, the public render cleans with it, the admin's form draws the editor for static pages and news
bodies in both languages with every asset from /static/ and nothing inline, and what an editor posts is cleaned
before it is stored. The browser test (tests/browser/test_editor.py) types in it."""

import datetime
import html
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template

from iad_site.core import richtext
from news.models import Article
from pages.models import StaticPage
from tests.security.assertions import csp_directives

from .conftest import admin_form_data

TEXTAREA = re.compile(r"<textarea([^>]*)>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]", re.IGNORECASE)


def rendered(typed):
    return Template("{% load site %}{{ html|clean_html }}").render(Context({"html": typed}))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("<h1>Title</h1>", "Title"),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<p onclick="alert(1)">a</p>', "<p>a</p>"),
        ('<p style="color: red">a</p>', "<p>a</p>"),
        ('<p><span style="font-family: Calibri">Word</span></p>', "<p>Word</p>"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        (
            '<p><a href="/th/contact/" target="_blank" rel="opener" onclick="x()">x</a></p>',
            '<p><a href="/th/contact/">x</a></p>',
        ),
        ('<img src="x.png" alt="x">', ""),
        ("<h5>a</h5><pre>b</pre><u>c</u>", "abc"),
    ],
)
def test_the_sanitiser_strips_what_the_editor_cannot_make(typed, shown):
    assert richtext.clean(typed) == shown
    assert rendered(typed) == shown


KEPT = [
    "<h2>a</h2><h3>b</h3><h4>c</h4>",
    "<p><strong>bold</strong> <em>italic</em><br>next line</p>",
    '<ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol>',
    '<p><a href="https://www.bangkok.go.th/" title="BMA">BMA</a> <a href="mailto:a@b.org">mail</a></p>',
    "<blockquote><p>Quoted</p></blockquote>",
    '<table><tbody><tr><th colspan="2">Head</th></tr><tr><td>a</td><td rowspan="1">b</td></tr></tbody></table>',
]


@pytest.mark.parametrize("markup", KEPT)
def test_the_sanitiser_keeps_what_the_editor_makes(markup):
    assert richtext.clean(markup) == markup
    assert rendered(markup) == markup


def test_an_empty_editor_is_an_empty_field():
    assert richtext.clean("<p></p>") == ""
    assert richtext.clean(None) == ""


def test_the_seeded_pages_pass_the_sanitiser_unchanged(seed):
    bodies = [getattr(page, f"body_{code}") for page in StaticPage.objects.all() for code in ("th", "en")]
    assert len([body for body in bodies if body]) >= 8
    assert [richtext.clean(body) for body in bodies] == [body.strip() for body in bodies]


def editor_configs(response):
    """{textarea id: the editor's configuration} for each textarea that is an editor."""
    configs = {}
    for attributes in TEXTAREA.findall(response.content.decode()):
        attrs = {name: html.unescape(value) for name, value in ATTRIBUTE.findall(attributes)}
        if "data-django-prose-editor-configurable" in attrs:
            configs[attrs["id"]] = json.loads(attrs["data-django-prose-editor-configurable"])
    return configs


@pytest.mark.parametrize("model", [StaticPage, Article])
def test_the_change_form_draws_the_editor_in_both_languages_with_the_sanitisers_list(editor_client, seed, model):
    # The seed has no news: one article, written as staff would.
    Article.objects.create(title_th="ข่าว", slug="news", published_on=datetime.date(2025, 10, 1), body_th="<p>ข่าว</p>")
    obj = model.objects.order_by("pk").first()
    response = editor_client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/change/")

    configs = editor_configs(response)
    assert sorted(configs) == ["id_body_en", "id_body_th"]
    for config in configs.values():
        # The editor's own extensions give exactly the list the public render cleans with.
        assert richtext.allowlist(config["extensions"]) == richtext.ALLOWLIST


def test_the_editors_assets_come_from_static_files_with_nothing_inline_the_policy_would_block(editor_client, seed):
    page = StaticPage.objects.order_by("pk").first()
    response = editor_client.get(f"/admin/pages/staticpage/{page.pk}/change/")
    page_html = response.content.decode()

    assets = ASSET.findall(page_html)
    editor_assets = [url for url in assets if "prose_editor" in url or "/richtext/" in url]
    assert "/static/richtext/editor.js" in editor_assets
    assert "/static/django_prose_editor/editor.css" in editor_assets
    assert '<script src="/static/richtext/editor.js" type="module">' in page_html
    assert [url for url in assets if not url.startswith("/")] == []  # nothing from another host
    for url in editor_assets:
        assert finders.find(url.removeprefix("/static/")), url
    # The library's loader would need an inline import map and an injected <style>: ours needs neither, so the
    # strict policy stays as it is, without a nonce.
    assert INLINE_SCRIPT.findall(page_html) == []
    assert INLINE_STYLE.findall(page_html) == []
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


def test_what_an_editor_posts_is_cleaned_before_it_is_stored(editor_client, seed):
    page = StaticPage.objects.get(slug="about")
    url = f"/admin/pages/staticpage/{page.pk}/change/"
    data = admin_form_data(
        editor_client.get(url),
        body_th='<h1>หัวเรื่อง</h1><h2 style="color:red">ประวัติ</h2><p onclick="x()">ข้อความ<script>x()</script></p>',
    )
    data.pop("_version_marker", None)

    assert editor_client.post(url, data).status_code == 302

    page.refresh_from_db()
    assert page.body_th == "หัวเรื่อง<h2>ประวัติ</h2><p>ข้อความ</p>"


def test_an_untouched_editor_leaves_a_required_thai_text_empty_and_refused(editor_client, seed):
    page = StaticPage.objects.get(slug="about")
    url = f"/admin/pages/staticpage/{page.pk}/change/"

    response = editor_client.post(url, admin_form_data(editor_client.get(url), body_th="<p></p>"))

    assert response.status_code == 200
    assert "body_th" in response.context["adminform"].form.errors
