"""Shared fixtures: the seed content, the walk over every public page type, the page cache switched on,
content built as staff would, the `--database-dependent-only` option of CI's PostgreSQL pass, and the fuzz
tests' seed in the header of every run.

The page walk: a test that takes `public_page` runs once for every page type of the registry
(iad_site.core.sections) in every language of settings.LANGUAGES, on the seed content (loaded once for
its module: `seed_for_reading`), with the page cache on as in production (`page_cache`).
`public_page.get(client)` fails unless the page answers with its page type's status.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction

from iad_site.core import sections
from iad_site.core.sections import PageType
from iad_site.pagecache.cache import bump_generation
from pages.models import Milestone, Plan, StaticPage
from relations.models import Activity, CityNetwork, Country, Embassy, SisterCity
from tests.browser.data import write_unseeded_examples

# A test that needs any of these (directly or through its fixtures) reads or writes the test database.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def pytest_addoption(parser):
    parser.addoption(
        "--database-dependent-only",
        action="store_true",
        help="run only the tests whose outcome can depend on the database: leave out the tests that use no "
        "database and those marked own_processes",
    )


def pytest_report_header(config):
    # At the top of the log, so a fuzz failure in CI can be replayed with the very examples it drew.
    seed = config.getoption("--hypothesis-seed", None)
    if seed is None:
        return "fuzz tests (hypothesis): no seed given, so this run draws new examples"
    return f"fuzz tests (hypothesis): seed {seed}; replay with pytest tests/test_fuzz.py --hypothesis-seed={seed}"


def uses_the_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


def pytest_collection_modifyitems(config, items):
    if not config.getoption("database_dependent_only"):
        return
    # Tests that start their own processes ran in the SQLite pass; the ones that can only run on PostgreSQL
    # (scale-out) carry no own_processes mark, so they run here.
    kept = [item for item in items if uses_the_database(item) and not item.get_closest_marker("own_processes")]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture
def seed(db):
    """The office's seed content, as `manage.py seed` loads it (search index included)."""
    call_command("seed", verbosity=0)


@pytest.fixture(scope="module")
def seed_for_reading(django_db_setup, django_db_blocker, tmp_path_factory):
    """The same seed, loaded once for a whole module, for modules whose every test accepts it as it is, with
    a made-up example of each page type the seed has none of on purpose (tests/browser/data.py), so the page
    walk visits every page type.

    It is loaded in a transaction that each test's own transaction nests in (as a savepoint, rolled back
    after the test, so a test may still change it), and rolled back after the module's last test. Every
    test of the module that runs after the first one to ask for it sees the seed: a test that needs an
    empty database, or another module's content, belongs in a module that does not use this fixture.
    """
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        call_command("seed", verbosity=0)
        examples = write_unseeded_examples(tmp_path_factory.mktemp("seed") / "examples.json")
        call_command("loaddata", examples, verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture(params=sections.languages())
def language(request):
    return request.param


@dataclass(frozen=True)
class PublicPage:
    page_type: PageType
    language: str
    path: str

    def get(self, client, **extra):
        """The page as `client` gets it, which must answer with its page type's status: a check of the
        page's content must never pass over a detail page that went missing (404) or broke (500)."""
        response = client.get(self.path, **extra)
        assert response.status_code == self.page_type.status, f"{self.path}: {response.status_code}"
        return response


def pytest_generate_tests(metafunc):
    if "public_page" in metafunc.fixturenames:
        pages = [(page_type.name, language) for page_type in sections.page_types() for language in sections.languages()]
        metafunc.parametrize(
            "public_page", pages, ids=[f"{name}-{language}" for name, language in pages], indirect=True
        )


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, as production serves pages (iad_site.settings.test has it off for the
    rest of the suite), starting empty and emptied again afterwards, so no test is answered by another's
    stored page. The test client goes through PageCacheMiddleware only; production answers a stored page
    from CachedPagesApp in front of Django (tests/pagecache/ shows that both serve the same entry)."""
    settings.PAGE_CACHE_ENABLED = True
    backend = caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]
    backend.clear()
    bump_generation()
    yield
    backend.clear()


@pytest.fixture
def public_page(request, seed_for_reading, db, page_cache):
    """One page type in one language, at the address of a real example in the seed content, served with the
    page cache on."""
    name, language = request.param
    page_type = sections.page_type(name)
    return PublicPage(page_type, language, page_type.example_path(language))


# Content for the search, map, open data, feed and sitemap tests, built through the ORM as staff would.


@pytest.fixture
def japan(db):
    return Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")


@pytest.fixture
def fukuoka(japan):
    return SisterCity.objects.create(
        slug="fukuoka",
        name_th="เมืองฟุกุโอกะ",
        name_en="Fukuoka",
        country=japan,
        profile_th="ความร่วมมือด้านการท่องเที่ยวและวัฒนธรรม",
        profile_en="Cooperation in tourism and culture.",
        latitude="33.606",
        longitude="130.418",
        established_on=datetime.date(2006, 10, 1),
        established_precision="day",
        website="https://www.city.fukuoka.lg.jp/",
        sort_order=1,
    )


@pytest.fixture
def c40(db):
    return CityNetwork.objects.create(
        slug="c40",
        name_th="เครือข่ายเมืองใหญ่ด้านการเปลี่ยนแปลงสภาพภูมิอากาศ",
        name_en="C40 Cities Climate Leadership Group",
        acronym="C40",
        description_th="เครือข่ายเมืองใหญ่ของโลก",
        founded_year=2005,
    )


@pytest.fixture
def embassy(japan):
    return Embassy.objects.create(
        country=japan, name_th="สถานเอกอัครราชทูตญี่ปุ่น", name_en="Embassy of Japan", address_th="ถนนวิทยุ"
    )


@pytest.fixture
def activity(fukuoka):
    return Activity.objects.create(
        title_th="คณะผู้แทนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร",
        title_en="Fukuoka delegation visits Bangkok",
        summary_th="หารือความร่วมมือด้านการจัดการขยะ",
        happened_on=datetime.date(2024, 5, 2),
        city=fukuoka,
    )


@pytest.fixture
def plan(db):
    return Plan.objects.create(
        title_th="แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2556",
        title_en="Annual projects plan, fiscal year 2013",
        slug="projects-fy2556",
        kind="projects",
        fiscal_year=2556,
    )


@pytest.fixture
def milestone(db):
    return Milestone.objects.create(title_th="ยกฐานะเป็นกองการต่างประเทศ", summary_th="ตามมติคณะกรรมการ")


@pytest.fixture
def static_page(db):
    return StaticPage.objects.create(
        slug="contact", title_th="ติดต่อเรา", title_en="Contact us", body_th="<p>โทร <b>0 2224 1234</b></p>"
    )
