"""Site search: Thai segmentation, both languages, ranking, odd queries, and an index that follows edits."""

import re

import pytest

from iad_site.search import engine as search
from iad_site.search.models import SearchDocument
from relations.models import SisterCity

pytestmark = pytest.mark.django_db


def result_urls(client, path, query, **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return re.findall(r'<li>\s*<h2><a href="([^"]+)"', response.content.decode())


def test_part_of_a_thai_compound_word_finds_the_page(client, fukuoka):
    assert result_urls(client, "/th/search/", "ท่องเที่ยว") == ["/th/sister-cities/fukuoka/"]


def test_a_city_english_name_is_found_from_the_thai_site(client, fukuoka):
    assert result_urls(client, "/th/search/", "Fukuoka") == ["/th/sister-cities/fukuoka/"]


def test_a_country_english_name_finds_its_cities_from_the_thai_site(client, fukuoka):
    assert result_urls(client, "/th/search/", "Japan") == ["/th/sister-cities/fukuoka/"]


def test_english_search_is_case_insensitive_and_matches_part_of_a_word(client, fukuoka):
    assert result_urls(client, "/en/search/", "FUKU") == ["/en/sister-cities/fukuoka/"]


def test_thai_digits_find_arabic_digits(client, plan):
    assert result_urls(client, "/th/search/", "๒๕๕๖") == ["/th/plans/projects-fy2556/"]


@pytest.fixture
def faq_entry(db):
    from questions.models import FAQEntry, Topic

    topic = Topic.objects.create(name_th="อื่น ๆ", name_en="Other")
    return FAQEntry.objects.create(topic=topic, question_th="สำนักงานอยู่ที่ใด", answer_th="ศาลาว่าการกรุงเทพมหานคร")


@pytest.fixture
def news_article(db):
    from tests.news.conftest import make_article

    return make_article()


@pytest.fixture
def library_document(db):
    from documents.models import Category
    from tests.documents.conftest import make_document

    return make_document(Category.objects.create(slug="guides", name_th="คู่มือ"))


def test_every_kind_of_page_is_searchable(
    client, fukuoka, c40, embassy, activity, plan, milestone, static_page, faq_entry, news_article, library_document
):
    kinds = set(SearchDocument.objects.filter(language="th").values_list("kind", flat=True))

    assert kinds == {spec.kind for spec in search.specs()}


def ranked(client, japan, language, query, first, second):
    """The results for `query` on the `language` site after two cities are created, `first` then `second`,
    each a (name, profile) in that language. Both are cities, so the fixed order of equal scores puts
    `first` before `second`: the tests below make `second` the better match, which only ranking can lift."""
    for slug, (name, profile), thai_name in (("first", first, "เมืองหนึ่ง"), ("second", second, "เมืองสอง")):
        fields = {"name_th": thai_name, f"name_{language}": name, f"profile_{language}": profile}
        SisterCity.objects.create(slug=slug, country=japan, **fields)
    return result_urls(client, f"/{language}/search/", query)


def second_then_first(language):
    return [f"/{language}/sister-cities/second/", f"/{language}/sister-cities/first/"]


# The first has one of the words, in its title; the second has both, in its text: it comes alone.
@pytest.mark.parametrize(
    ("language", "query", "first", "second"),
    [
        ("th", "ท่องเที่ยว วัฒนธรรม", ("เมืองแห่งวัฒนธรรม", ""), ("เมืองสอง", "ส่งเสริมการท่องเที่ยวและวัฒนธรรม")),
        ("en", "tourism culture", ("Culture City", ""), ("Second City", "Tourism and culture.")),
    ],
)
def test_pages_with_every_word_come_alone(client, japan, language, query, first, second):
    assert ranked(client, japan, language, query, first, second) == [f"/{language}/sister-cities/second/"]


# No page has all three words: the one with two of them comes first, though the other has its one in the title.
@pytest.mark.parametrize(
    ("language", "query", "first", "second"),
    [
        ("th", "ท่องเที่ยว วัฒนธรรม กีฬา", ("เมืองแห่งกีฬา", ""), ("เมืองสอง", "ส่งเสริมการท่องเที่ยวและวัฒนธรรม")),
        ("en", "tourism culture sport", ("Sport City", ""), ("Second City", "Tourism and culture.")),
    ],
)
def test_more_of_the_words_rank_above_fewer(client, japan, language, query, first, second):
    assert ranked(client, japan, language, query, first, second) == second_then_first(language)


@pytest.mark.parametrize(
    ("language", "query", "first", "second"),
    [
        ("th", "วัฒนธรรม", ("เมืองหนึ่ง", "ความร่วมมือด้านวัฒนธรรม"), ("เมืองแห่งวัฒนธรรม", "")),
        ("en", "culture", ("First City", "Cooperation in culture."), ("Culture City", "")),
    ],
)
def test_a_word_in_the_title_ranks_above_one_in_the_text(client, japan, language, query, first, second):
    assert ranked(client, japan, language, query, first, second) == second_then_first(language)


# Both in the text: the first has the word inside a longer one (การท่องเที่ยว, Portland), the second on its own.
@pytest.mark.parametrize(
    ("language", "query", "first", "second"),
    [
        ("th", "ท่องเที่ยว", ("เมืองหนึ่ง", "ความร่วมมือด้านการท่องเที่ยว"), ("เมืองสอง", "ส่งเสริมให้ประชาชนท่องเที่ยว")),
        ("en", "port", ("First City", "A visit to Portland."), ("Second City", "Trade through the port.")),
    ],
)
def test_a_whole_word_ranks_above_part_of_one(client, japan, language, query, first, second):
    assert ranked(client, japan, language, query, first, second) == second_then_first(language)


def test_pages_with_some_words_are_listed_when_none_has_all(client, fukuoka, c40):
    response = client.get("/en/search/", {"q": "Fukuoka climate"})

    assert "No page contains all of your words" in response.content.decode()
    assert len(re.findall(r"<li>\s*<h2>", response.content.decode())) == 2


def test_the_match_is_marked_in_an_escaped_snippet(client, japan):
    from relations.models import SisterCity

    SisterCity.objects.create(slug="x", name_th="เมือง", country=japan, profile_th="<script>alert(1)</script> ท่องเที่ยว")
    html = client.get("/th/search/", {"q": "ท่องเที่ยว"}).content.decode()

    assert "<mark>ท่องเที่ยว</mark>" in html
    assert "&lt;script&gt;" in html
    assert "<script>alert" not in html


def test_english_pages_show_thai_text_marked_thai_where_english_is_missing(client, milestone):
    html = client.get("/en/search/", {"q": "กองการต่างประเทศ"}).content.decode()

    assert 'lang="th"><mark>' in html or 'lang="th">ยกฐานะ' in html


@pytest.mark.parametrize(
    "query",
    ["ท่" * 2500, "%", "_", "\\", "'; DROP TABLE x; --", "\x00", "<>&\"'", "   ", "?!?", "🙂", "a" * 5000, "ๆ ฯ"],
)
def test_any_query_gets_a_page(client, fukuoka, query):
    response = client.get("/th/search/", {"q": query})

    assert response.status_code == 200


def test_a_long_query_is_cut(client, fukuoka):
    response = client.get("/th/search/", {"q": "ท่องเที่ยว " * 500})

    assert response.context["query"] == ("ท่องเที่ยว " * 500)[: search.MAX_QUERY_CHARS].strip()


def test_like_wildcards_are_taken_literally(client, fukuoka):
    assert result_urls(client, "/en/search/", "%") == []
    assert result_urls(client, "/en/search/", "_") == []


def test_an_unknown_page_number_shows_the_nearest_page(client, fukuoka):
    assert result_urls(client, "/th/search/", "ฟุกุโอกะ", page="abc") == ["/th/sister-cities/fukuoka/"]
    assert result_urls(client, "/th/search/", "ฟุกุโอกะ", page="999") == ["/th/sister-cities/fukuoka/"]


def test_results_are_paginated(client, japan):
    from relations.models import SisterCity

    for number in range(12):
        SisterCity.objects.create(slug=f"city-{number}", name_th=f"เมืองทดสอบ {number}", country=japan)

    assert len(result_urls(client, "/th/search/", "ทดสอบ")) == 10
    assert len(result_urls(client, "/th/search/", "ทดสอบ", page=2)) == 2


def test_the_index_follows_an_edit_at_once(client, fukuoka):
    fukuoka.name_en = "Hakata"
    fukuoka.save()

    assert result_urls(client, "/en/search/", "Hakata") == ["/en/sister-cities/fukuoka/"]
    assert result_urls(client, "/en/search/", "Fukuoka") == []


def test_the_index_follows_a_deletion_at_once(client, fukuoka, activity):
    fukuoka.delete()

    assert result_urls(client, "/th/search/", "ฟุกุโอกะ") == []
    assert not SearchDocument.objects.exists()


def test_unpublishing_hides_the_page_and_its_activities(client, fukuoka, activity):
    fukuoka.is_published = False
    fukuoka.save()

    assert result_urls(client, "/th/search/", "ฟุกุโอกะ") == []


def test_renaming_a_country_updates_its_cities(client, fukuoka, japan):
    japan.name_en = "Nippon"
    japan.save()

    assert result_urls(client, "/en/search/", "Nippon") == ["/en/sister-cities/fukuoka/"]


def test_rebuild_writes_one_row_per_public_page_per_language(fukuoka, c40, embassy):
    SearchDocument.objects.all().delete()

    assert search.rebuild() == 6


def test_a_search_takes_a_fixed_number_of_queries(client, fukuoka, c40, django_assert_num_queries):
    search.query_terms("warm up the tokenizer")
    # all-words check, count, page of results, the contact details (footer, JSON-LD)
    with django_assert_num_queries(4):
        client.get("/en/search/", {"q": "Fukuoka climate"})


def test_equal_scores_keep_a_fixed_order_on_every_database(client, japan):
    from relations.models import CityNetwork, SisterCity

    CityNetwork.objects.create(slug="net", name_th="เครือข่ายทดสอบ")
    for slug in ("zeta", "alpha", "mu"):
        SisterCity.objects.create(slug=slug, name_th=f"เมืองทดสอบ {slug}", country=japan)

    # Kinds in a set order (cities before networks), then the order the items were created: never a
    # collation, which differs between SQLite and PostgreSQL.
    assert result_urls(client, "/th/search/", "ทดสอบ") == [
        "/th/sister-cities/zeta/",
        "/th/sister-cities/alpha/",
        "/th/sister-cities/mu/",
        "/th/networks/net/",
    ]


def test_seed_command_builds_the_index(seed):
    assert SearchDocument.objects.filter(kind="city").count() == 2 * 32


def test_a_project_added_to_a_plan_makes_the_plan_findable(client, plan):
    plan.projects.create(title_th="โครงการอบรมภาษาญี่ปุ่น", title_en="Japanese language course")

    assert result_urls(client, "/en/search/", "Japanese") == ["/en/plans/projects-fy2556/"]


def test_deleting_a_plan_with_projects_removes_it_from_the_index(client, plan):
    plan.projects.create(title_th="โครงการอบรมภาษาญี่ปุ่น")
    plan.delete()

    assert not SearchDocument.objects.exists()


def test_loaddata_leaves_the_index_to_the_rebuild(db, tmp_path):
    import json

    from django.core.management import call_command

    fixture = tmp_path / "one.json"
    fixture.write_text(
        json.dumps(
            [
                {"model": "relations.country", "pk": 900, "fields": {"iso_code": "JP", "name_th": "ญี่ปุ่น"}},
                {
                    "model": "relations.sistercity",
                    "pk": 900,
                    "fields": {"slug": "x", "name_th": "เมืองเอ็กซ์", "country": 900, "updated_at": "2024-01-01T00:00Z"},
                },
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert not SearchDocument.objects.exists()

    call_command("rebuild_search_index", verbosity=0)
    assert SearchDocument.objects.filter(object_id=900).count() == 2


def test_an_embassy_result_lands_on_the_directory_page_that_shows_it(client, embassy):
    (url,) = result_urls(client, "/en/search/", "Embassy of Japan")
    path, anchor = url.split("#")

    assert f'id="{anchor}"' in client.get(path).content.decode()
