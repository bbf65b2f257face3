"""The rich-text editor in the browser (iad_site/core/richtext.py): an editor signed in to the Thai admin types
a heading, bold words and a list in the Thai tab of a static page, saves, and the public Thai page shows them
formatted; the seeded pages' HTML loads into the editor without losing anything; and nothing breaks the
site's Content-Security-Policy or writes an error to the console on the way.
"""

import html.parser
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import translation

from pages.models import StaticPage

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-browser-password"
VIEWPORT = {"width": 1280, "height": 900}

# Set before any of the page's own code runs, in every document (as tests/security/test_csp.py does): what the
# policy blocked, read once the page has done its work.
COLLECT_VIOLATIONS = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
    "`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));"
)


@pytest.fixture(scope="module")
def editors(site, django_db_blocker):
    """Two members of the Editors group with real passwords, signed in through the login form below."""
    with django_db_blocker.unblock():
        call_command("editors_group", verbosity=0)
        group = Group.objects.get(name="Editors")
        users = []
        for username, first, last in [("somchai", "สมชาย", "ใจดี"), ("somsri", "สมศรี", "ใจงาม")]:
            user, _created = User.objects.get_or_create(username=username)
            user.first_name, user.last_name, user.is_staff = first, last, True
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(group)
            users.append(user)
    return users


class Session:
    """A browser context of its own (cookies, session), in Thai, with what the console and the policy said."""

    def __init__(self, browser, site, user):
        self.site = site
        self.context = browser.new_context(locale="th-TH", viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.page.add_init_script(COLLECT_VIOLATIONS)
        self.errors = []
        self.violations = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(f"script error: {error}"))
        self.go("/admin/login/")
        self.page.fill("#id_username", user.username)
        self.page.fill("#id_password", PASSWORD)
        with self.page.expect_navigation():
            self.page.click("[type=submit]")
        assert self.page.url == site.url + "/admin/", self.page.url

    def go(self, path):
        self.collect()
        response = self.page.goto(self.site.url + path, wait_until="networkidle")
        assert response.status == 200, (path, response.status)
        return response

    def collect(self):
        """Adds what the policy blocked in the document now shown (it is lost when the page changes)."""
        if self.page.url.startswith(self.site.url):
            self.violations += self.page.evaluate("window.cspViolations || []")

    def save(self):
        with self.page.expect_navigation(wait_until="networkidle"):
            self.page.click("input[name=_continue]")

    def close(self):
        self.collect()
        self.context.close()


@pytest.fixture
def sessions(browser, site, editors):
    """Opens a signed-in session per editor asked for; each is closed after the test."""
    opened = []

    def open_session(user):
        opened.append(Session(browser, site, user))
        return opened[-1]

    yield open_session
    for session in opened:
        session.close()


@pytest.fixture
def static_page(site, django_db_blocker):
    """A page of its own, so the seeded ones the other browser tests walk stay as they are."""
    with django_db_blocker.unblock():
        page = StaticPage.objects.create(
            slug="editor-test",
            title_th="ทดสอบตัวแก้ไข",
            title_en="Editor test",
            body_th="<p>ข้อความเดิม</p>",
            body_en="<p>Old text</p>",
            is_published=True,
        )
    yield page
    with django_db_blocker.unblock():
        page.delete()


def editor_of(page, field):
    """The ProseMirror editing area that stands for the textarea `field` (id_body_th...)."""
    return page.locator(f".prose-editor:has(#{field}) .tiptap[contenteditable=true]")


def editor_html(page, field):
    return page.evaluate(
        "id => document.getElementById(id).closest('.prose-editor').querySelector('.tiptap').editor.getHTML()",
        field,
    )


def test_an_editor_types_formatted_thai_text_and_the_public_thai_page_shows_it(sessions, editors, static_page):
    session = sessions(editors[0])
    page = session.page
    session.go(f"/admin/pages/staticpage/{static_page.pk}/change/")

    page.click(".ui-tabs-nav a[href$='_th']" if page.locator(".ui-tabs-nav a[href$='_th']").count() else "text=ไทย")
    area = editor_of(page, "id_body_th")
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    # Staff's own way in: the toolbar for the heading, the keyboard for bold, the list button for the list.
    page.keyboard.type("## การเยือนกรุงโตเกียว")
    page.keyboard.press("Enter")
    page.keyboard.type("คณะผู้แทน")
    page.keyboard.press("Control+b")
    page.keyboard.type("กรุงเทพมหานคร")
    page.keyboard.press("Control+b")
    page.keyboard.type("เดินทางไปเพื่อ")
    page.keyboard.press("Enter")
    page.keyboard.type("- ลงนามบันทึกความเข้าใจ")
    page.keyboard.press("Enter")
    page.keyboard.type("ศึกษาดูงานระบบขนส่ง")
    session.save()

    assert page.locator(".errornote, .errorlist").count() == 0, page.locator(".errornote, .errorlist").all_inner_texts()
    static_page.refresh_from_db()
    assert static_page.body_en == "<p>Old text</p>"  # the English tab was left alone
    with translation.override("th"):
        public = static_page.get_absolute_url()
    assert public.startswith("/th/")
    session.go(public)
    body = page.locator(".rich-text")
    assert body.locator("h2").inner_text() == "การเยือนกรุงโตเกียว"
    assert body.locator("p strong").inner_text() == "กรุงเทพมหานคร"
    assert body.locator("ul li").all_inner_texts() == ["ลงนามบันทึกความเข้าใจ", "ศึกษาดูงานระบบขนส่ง"]
    session.collect()
    assert session.violations == []
    assert session.errors == []


def test_the_toolbar_names_its_buttons_in_thai_on_the_thai_admin(sessions, editors, static_page):
    session = sessions(editors[0])
    session.go(f"/admin/pages/staticpage/{static_page.pk}/change/")

    names = session.page.evaluate(
        "[...document.querySelectorAll('.prose-menubar [title], .prose-menubar [aria-label]')]"
        ".flatMap(e => [e.getAttribute('title'), e.getAttribute('aria-label')]).filter(Boolean)"
    )
    entries = session.page.locator(".prose-menubar :not(.material-icons):not(:has(*))").all_inner_texts()

    assert len(names) >= 15  # bold, italic, headings, lists, quote, links, table, undo, redo...
    assert [name for name in names + entries if re.search("[A-Za-z]", name or "")] == []


class Structure(html.parser.HTMLParser):
    """An HTML fragment as its elements (tag and attributes) and its words, whitespace between tags ignored, and
    the two ways the editor writes the same thing made one: ProseMirror holds a list item's text in a paragraph
    (<li><p>...</p></li>) and marks a numbered list's default numbering (<ol data-type="decimal">)."""

    def __init__(self, fragment):
        super().__init__()
        self.items, self.open = [], []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        if tag == "p" and self.open[-2:-1] == ["li"]:
            return
        if tag == "ol":
            attrs = [attr for attr in attrs if attr != ("data-type", "decimal")]
        self.items.append(("<", tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.open.pop()
        if tag == "p" and self.open[-1:] == ["li"]:
            return
        self.items.append((">", tag))

    def handle_data(self, data):
        words = " ".join(data.split())
        if words:
            self.items.append(("text", words))


def test_the_seeded_pages_load_into_the_editor_without_loss(sessions, editors):
    session = sessions(editors[0])
    seeded = list(StaticPage.objects.exclude(slug="editor-test").order_by("pk"))
    assert len(seeded) >= 4
    compared = 0
    for static_page in seeded:
        session.go(f"/admin/pages/staticpage/{static_page.pk}/change/")
        for code in ("th", "en"):
            stored = getattr(static_page, f"body_{code}")
            if not stored:
                continue
            assert Structure(editor_html(session.page, f"id_body_{code}")).items == Structure(stored).items, (
                static_page.slug,
                code,
            )
            compared += 1
    assert compared >= 4
    session.collect()
    assert session.violations == []
    assert session.errors == []


# What Word puts on the clipboard (its styles, classes, spans, an Office namespace, a picture on the local disk)
# and what a web page does (ids, inline handlers, a button): ProseMirror's schema keeps only its own nodes.
FROM_WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>'
    '<body><!--StartFragment--><h1 style="mso-margin-top-alt:auto">รายงานการเยือน</h1>'
    "<p class=MsoNormal style='margin:0'><b><span style='font-family:\"TH SarabunPSK\"'>ตัวหนา</span></b>"
    "<span style='color:red'> สีแดง</span><o:p></o:p></p>"
    "<table class=MsoTableGrid style='border-collapse:collapse'><tr><td style='width:100pt'>"
    "<p class=MsoNormal>ช่องตาราง</p></td></tr></table>"
    '<img src="file:///C:/Users/staff/picture.png"><script>alert(1)</script><!--EndFragment--></body></html>'
)
FROM_A_WEB_PAGE = (
    '<div class="article"><h2 id="top" style="color:#c00">หัวข้อจากเว็บ</h2><p>ดู <a href="https://example.org/" '
    'onclick="track()" target="_blank" class="external">ลิงก์</a></p><button onclick="x()">คลิก</button>'
    "<h5>หัวข้อย่อย</h5></div>"
)
# Google Docs marks bold and italic by style only, inside a <b> that is not bold.
FROM_GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr">'
    '<span style="font-weight:700;color:#000">หนาจากกูเกิล</span><span style="font-weight:400"> และ </span>'
    '<span style="font-style:italic;font-weight:400">เอียงจากกูเกิล</span><span> ธรรมดา</span></p></b>'
)
PASTE = """([field, markup]) => {
  const area = document.getElementById(field).closest('.prose-editor').querySelector('.tiptap');
  area.focus();
  const clipboard = new DataTransfer();
  clipboard.setData('text/html', markup);
  clipboard.setData('text/plain', area.innerText);
  area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: clipboard, bubbles: true, cancelable: true}));
  return area.editor.getHTML();
}"""


def test_text_pasted_from_word_or_a_web_page_arrives_with_only_the_editors_formatting(sessions, editors, static_page):
    from iad_site.core import richtext

    session = sessions(editors[0])
    session.go(f"/admin/pages/staticpage/{static_page.pk}/change/")
    editor_of(session.page, "id_body_th").click()
    session.page.keyboard.press("Control+a")
    session.page.keyboard.press("Delete")

    pasted = session.page.evaluate(PASTE, ["id_body_th", FROM_WORD + FROM_A_WEB_PAGE + FROM_GOOGLE_DOCS])

    assert "<strong>ตัวหนา</strong>" in pasted
    assert "<h2>หัวข้อจากเว็บ</h2>" in pasted
    assert '<a href="https://example.org/"' in pasted
    assert "<p><strong>หนาจากกูเกิล</strong> และ <em>เอียงจากกูเกิล</em> ธรรมดา</p>" in pasted
    for words in ("รายงานการเยือน", "สีแดง", "ช่องตาราง", "หัวข้อย่อย"):
        assert words in pasted
    # Nothing the public render would strip: the editor made only what the allow-list keeps.
    assert richtext.clean(pasted) == pasted, pasted
    for absent in ("<h1", "<h5", "style=", "class=", "onclick", "<span", "<img", "<button", "Mso", "<!--"):
        assert absent not in pasted, (absent, pasted)
    session.collect()
    assert session.violations == []
    assert session.errors == []
