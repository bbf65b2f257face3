"""HTML typed by staff is cleaned before it is shown (the clean_html filter of iad_site.core.templatetags.site)."""

from django.template import Context, Template


def test_clean_html_removes_script_tags_and_event_handlers():
    html = '<p>Hello <b>Bangkok</b></p><script>alert(1)</script><img src="x.png" alt="x" onerror="alert(2)">'

    cleaned = Template("{% load site %}{{ html|clean_html }}").render(Context({"html": html}))

    assert "<script" not in cleaned
    assert "alert(1)" not in cleaned
    assert "onerror" not in cleaned
    assert "<p>Hello <b>Bangkok</b></p>" in cleaned
    assert '<img src="x.png" alt="x">' in cleaned


def test_clean_html_removes_javascript_links():
    cleaned = Template("{% load site %}{{ html|clean_html }}").render(
        Context({"html": '<a href="javascript:alert(1)">x</a>'})
    )

    assert "javascript:" not in cleaned
