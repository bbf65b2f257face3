"""Thai typing slips: a word typed the way Thai typists often type it is the same word to the site search,
whichever side (the page or the query) has the slip, and an index written before that is mended on upgrade."""

import random
import re

import pytest
from django.core.management import call_command

from iad_site.search import engine as search
from relations.models import SisterCity


def result_urls(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'<li>\s*<h2><a href="([^"]+)"', response.content.decode())


# (as typed, the one spelling), one line for each kind of slip thai_typing puts right.
SLIPS = [
    ("เเม่น้ำ", "แม่น้ำ"),  # SARA E twice for SARA AE
    ("ช่ือ", "ชื่อ"),  # MAI EK typed before SARA UEE
    ("ย่ังยืน", "ยั่งยืน"),  # MAI EK typed before MAI HAN-AKAT
    ("ท่่องเที่ยว", "ท่องเที่ยว"),  # MAI EK twice
    ("น้้ำ", "น้ำ"),  # MAI THO twice
    ("นํ้า", "น้ำ"),  # SARA AM typed as NIKHAHIT, MAI THO, SARA AA
    ("คะ่", "ค่ะ"),  # MAI EK typed after SARA A
    ("กๅร", "การ"),  # LAKKHANGYAO for SARA AA
    ("ดีี", "ดี"),  # SARA II twice
    ("่ท่องเที่ยว", "ท่องเที่ยว"),  # a tone mark with no letter under it, as a search box often receives
    ("พ ุ่ม", "พุ่ม"),  # a space typed before the vowel below
]


@pytest.mark.parametrize(("typed", "spelling"), SLIPS)
def test_a_thai_typing_slip_is_normalised_to_the_one_spelling(typed, spelling):
    assert search.normalise(typed) == spelling


def test_a_word_typed_right_is_left_as_it_is():
    text = "ฤๅษี เมืองพี่เมืองน้อง ความร่วมมือด้านการท่องเที่ยวและวัฒนธรรม กรุงเทพฯ ๆ"

    assert search.thai_typing(text) == text


def test_thai_typing_puts_right_whatever_pythainlp_normalize_puts_right():
    """thai_typing skips pythainlp's normalize when a quick check finds no slip: the check must miss none.
    Random strings of Thai letters, vowels, marks and spaces, the same ones on every run."""
    from pythainlp import thai_above_vowels, thai_below_vowels, thai_follow_vowels, thai_lead_vowels, thai_tonemarks
    from pythainlp.util import normalize

    marks = thai_lead_vowels + thai_follow_vowels + thai_above_vowels + thai_below_vowels + thai_tonemarks
    marks += "\u0e3a\u0e4c\u0e4d\u0e4e\u0e46\u0e2f\u200b\u200c"
    letters = "กขคนมยรฤฦอ a"
    rng = random.Random(14)
    texts = [
        " ".join("".join(rng.choice(marks if rng.random() < 0.3 else letters) for _ in range(12)).split())
        for _ in range(5000)
    ]

    assert [search.thai_typing(text) for text in texts] == [normalize(text) for text in texts]


def test_a_run_of_marks_longer_than_any_word_is_cut():
    # pythainlp's normalize takes time growing with the square of such a run: minutes for one pasted into a page.
    assert search.thai_typing("ก" + "าะ" * 1000) == "ก" + "าะ" * (search.MAX_MARK_RUN // 2)


# (as the page or the query has it, with a slip; the one spelling; a text around it; a text that holds
# part of the word only, which the query typed with its slip, segmented apart, would find as well)
BOTH_WAYS = [
    ("เเม่น้ำ", "แม่น้ำ", "สวนสาธารณะริม{}", "น้ำตกขนาดใหญ่"),
    ("ย่ังยืน", "ยั่งยืน", "ความสัมพันธ์ที่{}", "ยืนยันความร่วมมือ"),
    ("ท่่องเที่ยว", "ท่องเที่ยว", "ส่งเสริมการ{}", "เที่ยวบินตรง"),
]


@pytest.mark.parametrize(("slip", "spelling", "text", "part"), BOTH_WAYS)
def test_a_query_typed_with_a_slip_finds_the_page_with_the_word(client, japan, slip, spelling, text, part):
    SisterCity.objects.create(slug="part", name_th="เมืองวาย", country=japan, profile_th=part)
    SisterCity.objects.create(slug="x", name_th="เมืองเอ็กซ์", country=japan, profile_th=text.format(spelling))

    assert result_urls(client, "/th/search/", slip) == ["/th/sister-cities/x/"]


@pytest.mark.parametrize(("slip", "spelling", "text", "part"), BOTH_WAYS)
def test_a_page_typed_with_a_slip_is_found(client, japan, slip, spelling, text, part):
    SisterCity.objects.create(slug="x", name_th="เมืองเอ็กซ์", country=japan, profile_th=text.format(slip))

    assert result_urls(client, "/th/search/", spelling) == ["/th/sister-cities/x/"]


@pytest.mark.parametrize(("slip", "spelling", "text", "part"), BOTH_WAYS)
def test_a_word_typed_with_a_slip_is_marked_in_the_title(client, japan, slip, spelling, text, part):
    SisterCity.objects.create(slug="x", name_th=text.format(slip), country=japan)
    html = client.get("/th/search/", {"q": spelling}).content.decode()

    assert re.search(rf'<h2><a href="/th/sister-cities/x/">[^<]*<mark>{spelling}</mark>', html)


@pytest.mark.parametrize(("slip", "spelling", "text", "part"), BOTH_WAYS)
def test_a_word_typed_with_a_slip_far_into_the_text_is_marked_in_the_snippet(client, japan, slip, spelling, text, part):
    # Past the snippet's first 220 characters: the snippet must find the word to show the text around it.
    profile = "ความร่วมมือด้านวัฒนธรรมและกีฬา " * 10 + text.format(slip)
    SisterCity.objects.create(slug="x", name_th="เมืองเอ็กซ์", country=japan, profile_th=profile)
    html = client.get("/th/search/", {"q": spelling}).content.decode()

    assert f"<mark>{spelling}</mark>" in html


def index_as_before_the_upgrade(monkeypatch, japan, **cities):
    """Cities (slug: profile) indexed as the site did before search.0003: Thai typing slips left in."""
    with monkeypatch.context() as before:
        before.setattr(search, "thai_typing", lambda text: text)
        for slug, profile in cities.items():
            SisterCity.objects.create(slug=slug, name_th=f"เมือง {slug}", country=japan, profile_th=profile)


def upgrade():
    call_command("migrate", "search", "0002", verbosity=0)
    call_command("migrate", "search", verbosity=0)


# Real migrations, which SQLite refuses to run inside a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_upgrading_reindexes_a_page_indexed_with_its_slip(client, japan, monkeypatch):
    index_as_before_the_upgrade(monkeypatch, japan, river="สวนสาธารณะริมเเม่น้ำ")
    assert result_urls(client, "/th/search/", "แม่น้ำ") == []

    upgrade()

    assert result_urls(client, "/th/search/", "แม่น้ำ") == ["/th/sister-cities/river/"]


@pytest.mark.django_db(transaction=True)
def test_upgrading_leaves_the_rows_of_pages_without_a_slip_alone(japan, monkeypatch):
    index_as_before_the_upgrade(monkeypatch, japan, river="สวนสาธารณะริมเเม่น้ำ", park="สวนสาธารณะริมแม่น้ำ")
    rows = set(search.SearchDocument.objects.filter(url__contains="/park/").values_list("pk", flat=True))

    upgrade()

    assert set(search.SearchDocument.objects.filter(url__contains="/park/").values_list("pk", flat=True)) == rows
