"""HTML typed by staff is cleaned before it is shown (the clean_html filter of iad_site.core.templatetags.site)."""

from django.template import Context, Template


def test_clean_html_removes_script_tags_and_event_handlers():
    html = '<p>Hello <strong>Bangkok</strong></p><script>alert(1)</script><p onclick="alert(2)">Thailand</p>'

    cleaned = Template("{% load site %}{{ html|clean_html }}").render(Context({"html": html}))

    assert cleaned == "<p>Hello <strong>Bangkok</strong></p><p>Thailand</p>"


def test_clean_html_keeps_bold_and_italic_written_before_the_editor():
    html = '<p><b class="x">Bangkok</b> and <I>Tokyo</I>,<br>a <bdi>name</bdi></p>'

    cleaned = Template("{% load site %}{{ html|clean_html }}").render(Context({"html": html}))

    assert cleaned == "<p><strong>Bangkok</strong> and <em>Tokyo</em>,<br>a name</p>"


def test_clean_html_removes_javascript_links():
    cleaned = Template("{% load site %}{{ html|clean_html }}").render(
        Context({"html": '<a href="javascript:alert(1)">x</a>'})
    )

    assert "javascript:" not in cleaned
