"""Fills the database with made-up partners abroad and visit requests, to check that the site stays fast as content
and requests grow.

For load tests only, never on the real site: every row is marked synthetic (slugs start with
`synthetic-`, names with "Synthetic" / "สังเคราะห์") and `remove()` deletes exactly those rows.
The same numbers always give the same rows (a fixed random seed), in a few seconds (bulk inserts).

    DATABASE_URL=postgres://... .venv/bin/python scripts/performance/synthetic_data.py --cities 1000 ...
    from scripts.performance.synthetic_data import generate    # after django.setup(), as tests do

Embassies are one per country, so each synthetic embassy gets a synthetic country of its own. ISO codes
have two letters, too few for thousands of countries: synthetic countries get two-character codes made of
CJK ideographs, which no real ISO code can clash with. Cities are spread over a realistic ~200 countries.

Visit requests (visits.VisitRequest: what the public figures page counts) come from organisations named
"Synthetic organisation" in the same ~200 countries, over the Thai fiscal years since 2564 (October 2020), of
every kind the office lists (one synthetic kind if it lists none), at every step of the workflow, with a survey
answer for most completed visits.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

import django

if __name__ == "__main__":  # run as a script: Django is set up before the models below are imported
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iad_site.settings.dev")
    django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from iad_site.core.dates import DatePrecision  # noqa: E402
from iad_site.pagecache.cache import bump_generation  # noqa: E402
from relations.models import (  # noqa: E402
    Activity,
    CityNetwork,
    Country,
    Embassy,
    RelationshipKind,
    SisterCity,
)
from visits.models import VisitKind, VisitRequest, VisitStatus  # noqa: E402

PREFIX = "synthetic-"
CODE_ALPHABET = [chr(0x4E00 + i) for i in range(100)]  # 100 x 100 = 10,000 possible codes
CITY_COUNTRIES = 200
BATCH = 2000

LOREM_TH = (
    "ความร่วมมือด้านการพัฒนาเมือง การศึกษา วัฒนธรรม และการท่องเที่ยว ระหว่างกรุงเทพมหานครกับเมืองพันธมิตร "
    "มีการแลกเปลี่ยนเจ้าหน้าที่ นักเรียน และผู้เชี่ยวชาญเป็นประจำทุกปี"
)
LOREM_EN = (
    "Cooperation in urban development, education, culture and tourism between Bangkok and its partner city, "
    "with yearly exchanges of officials, students and experts."
)


def generate(cities, networks, embassies, activities, seed=20261122, replace=False, search_index=True, visits=0):
    """Adds the synthetic rows; returns False, having done nothing, if they are there already and not `replace`.

    With `search_index` (the default) the site search index is rebuilt to include them, as on a live site.
    """
    if replace:
        _delete_rows()
    elif SisterCity.objects.filter(slug__startswith=PREFIX).exists():
        return False
    rng = random.Random(seed)
    with transaction.atomic():
        countries = _make_countries(embassies)
        city_countries = (list(Country.objects.exclude(pk__in=[c.pk for c in countries])) + countries)[:CITY_COUNTRIES]
        _make_embassies(rng, countries)
        city_ids = _make_cities(rng, cities, city_countries)
        network_ids = _make_networks(rng, networks)
        _make_activities(rng, activities, city_ids, network_ids)
        _make_visit_requests(rng, visits, city_countries)
    _finish(search_index)
    return True


def remove(search_index=True):
    """Deletes every synthetic row, and nothing else."""
    _delete_rows()
    _finish(search_index)


def _delete_rows():
    synthetic_countries = Country.objects.filter(name_en__startswith="Synthetic country")
    with transaction.atomic():
        for queryset in (
            VisitRequest.objects.filter(organisation__startswith=VISIT_ORGANISATION),
            VisitKind.objects.filter(name_en=VISIT_KIND_EN).exclude(requests__isnull=False),
            Activity.objects.filter(
                Q(city__slug__startswith=PREFIX)
                | Q(network__slug__startswith=PREFIX)
                | Q(title_en__startswith="Synthetic")
            ),
            Embassy.objects.filter(Q(country__in=synthetic_countries) | Q(name_en__startswith="Synthetic")),
            SisterCity.objects.filter(slug__startswith=PREFIX),
            CityNetwork.objects.filter(slug__startswith=PREFIX),
            synthetic_countries,
        ):
            # A plain DELETE: no per-row signals for tens of thousands of rows (_finish() invalidates).
            queryset._raw_delete(queryset.db)


def _finish(search_index):
    if search_index:
        call_command("rebuild_search_index", verbosity=0)
    bump_generation()  # bulk inserts and raw deletes send no signals: drop cached pages here
    with connection.cursor() as cursor:
        # Fresh table statistics, or the planner keeps guessing for the old sizes; and on PostgreSQL outside
        # a transaction (not in tests), VACUUM too, which marks the new rows visible to index-only scans as
        # autovacuum would soon after on a live database (SQLite's VACUUM takes no ANALYZE).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def _make_countries(count):
    taken = set(Country.objects.values_list("iso_code", flat=True))
    codes = [a + b for a in CODE_ALPHABET for b in CODE_ALPHABET if a + b not in taken][:count]
    rows = [
        Country(
            iso_code=code,
            name=f"ประเทศสังเคราะห์ {n:05d}",
            name_th=f"ประเทศสังเคราะห์ {n:05d}",
            name_en=f"Synthetic country {n:05d}",
        )
        for n, code in enumerate(codes, 1)
    ]
    Country.objects.bulk_create(rows, batch_size=BATCH)
    return list(Country.objects.filter(iso_code__in=codes).order_by("pk"))


def _make_embassies(rng, countries):
    rows = []
    for n, country in enumerate(countries, 1):
        rows.append(
            Embassy(
                country=country,
                name=f"สถานเอกอัครราชทูตสังเคราะห์ {n:05d}",
                name_th=f"สถานเอกอัครราชทูตสังเคราะห์ {n:05d}",
                name_en=f"Synthetic Embassy {n:05d}",
                address_th=f"{rng.randint(1, 999)} ถนนสาทรใต้ แขวงทุ่งมหาเมฆ เขตสาทร กรุงเทพมหานคร 10120",
                address_en=f"{rng.randint(1, 999)} South Sathorn Road, Thung Maha Mek, Sathon, Bangkok 10120",
                phone=f"+66 2 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                email=f"embassy{n:05d}@example.org",
                website=f"https://embassy{n:05d}.example.org/",
                latitude=round(rng.uniform(13.70, 13.78), 6),
                longitude=round(rng.uniform(100.50, 100.58), 6),
                is_published=rng.random() < 0.97,
            )
        )
    Embassy.objects.bulk_create(rows, batch_size=BATCH)


def _make_cities(rng, count, countries):
    kinds = [choice.value for choice in RelationshipKind]
    rows = []
    for n in range(1, count + 1):
        established = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 23000))
        name_th = f"เมืองสังเคราะห์ {n:05d}"
        rows.append(
            SisterCity(
                slug=f"{PREFIX}city-{n:05d}",
                name=name_th,
                name_th=name_th,
                name_en=f"Synthetic City {n:05d}",
                country=rng.choice(countries),
                relationship=rng.choice(kinds),
                established_on=established,
                established_precision=DatePrecision.DAY,
                profile_th=LOREM_TH,
                profile_en=LOREM_EN,
                latitude=round(rng.uniform(-60, 70), 6),
                longitude=round(rng.uniform(-180, 180), 6),
                website=f"https://city{n:05d}.example.org/",
                sort_order=100_000 + n,
                is_published=rng.random() < 0.95,
            )
        )
    SisterCity.objects.bulk_create(rows, batch_size=BATCH)
    return list(SisterCity.objects.filter(slug__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))


def _make_networks(rng, count):
    rows = [
        CityNetwork(
            slug=f"{PREFIX}network-{n:04d}",
            name=f"เครือข่ายเมืองสังเคราะห์ {n:04d}",
            name_th=f"เครือข่ายเมืองสังเคราะห์ {n:04d}",
            name_en=f"Synthetic City Network {n:04d}",
            acronym=f"SCN{n}",
            description_th=LOREM_TH,
            description_en=LOREM_EN,
            founded_year=rng.randint(1900, 2024),
            website=f"https://network{n:04d}.example.org/",
            secretariat_en="Somewhere, Synthetic country",
            sort_order=100_000 + n,
            is_published=rng.random() < 0.95,
        )
        for n in range(1, count + 1)
    ]
    CityNetwork.objects.bulk_create(rows, batch_size=BATCH)
    return list(CityNetwork.objects.filter(slug__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))


def _make_activities(rng, count, city_ids, network_ids):
    rows = []
    for n in range(1, count + 1):
        on_city = rng.random() < 0.8 or not network_ids
        rows.append(
            Activity(
                title=f"กิจกรรมสังเคราะห์ {n:05d}",
                title_th=f"กิจกรรมสังเคราะห์ {n:05d}",
                title_en=f"Synthetic activity {n:05d}",
                summary_th=LOREM_TH,
                summary_en=LOREM_EN,
                happened_on=datetime.date(1990, 1, 1) + datetime.timedelta(days=rng.randint(0, 13000)),
                city_id=rng.choice(city_ids) if on_city else None,
                network_id=None if on_city else rng.choice(network_ids),
                is_published=rng.random() < 0.95,
            )
        )
        if len(rows) == BATCH:
            Activity.objects.bulk_create(rows)
            rows = []
    Activity.objects.bulk_create(rows)


VISIT_ORGANISATION = "Synthetic organisation"
VISIT_KIND_EN = "Synthetic kind of visit"
VISIT_FIRST_DAY = datetime.datetime(2020, 10, 1, tzinfo=datetime.UTC)  # fiscal year 2564 begins
# (status, weight): most requests end completed or declined; a few are still open, withdrawn or spam.
VISIT_STATUSES = (
    (VisitStatus.RECEIVED, 6),
    (VisitStatus.UNDER_REVIEW, 6),
    (VisitStatus.SCHEDULED, 10),
    (VisitStatus.COMPLETED, 50),
    (VisitStatus.DECLINED, 18),
    (VisitStatus.WITHDRAWN, 6),
    (VisitStatus.SPAM, 4),
)


def _visit_kinds():
    kinds = list(VisitKind.objects.order_by("pk").values_list("pk", flat=True))
    if kinds:
        return kinds
    kind = VisitKind.objects.create(name_th="การเยือนสังเคราะห์", name_en=VISIT_KIND_EN, is_published=True)
    return [kind.pk]


def _make_visit_requests(rng, count, countries):
    if not count:
        return
    kinds = _visit_kinds()
    statuses, weights = zip(*VISIT_STATUSES, strict=True)
    span = (timezone.now() - VISIT_FIRST_DAY).total_seconds()
    received = sorted(VISIT_FIRST_DAY + datetime.timedelta(seconds=rng.uniform(0, span)) for _n in range(count))
    # Reference numbers count from 1 each year, after any real request of that year.
    last_numbers = {}
    rows = []
    for n, received_at in enumerate(received, 1):
        year = timezone.localtime(received_at).year
        if year not in last_numbers:
            last = VisitRequest.objects.filter(reference_year=year).order_by("-reference_number").first()
            last_numbers[year] = last.reference_number if last else 0
        last_numbers[year] += 1
        status = rng.choices(statuses, weights)[0]
        answered = status in (VisitStatus.SCHEDULED, VisitStatus.COMPLETED, VisitStatus.DECLINED)
        answered_at = received_at + datetime.timedelta(days=rng.uniform(1, 30)) if answered else None
        first_day = (received_at + datetime.timedelta(days=rng.randint(35, 120))).date()
        on_calendar = status in (VisitStatus.SCHEDULED, VisitStatus.COMPLETED)
        scheduled_at = (
            # Office hours, Bangkok time (the site's time zone).
            timezone.make_aware(datetime.datetime.combine(first_day, datetime.time(rng.choice((9, 10, 13, 14)), 0)))
            if on_calendar
            else None
        )
        surveyed = status == VisitStatus.COMPLETED and rng.random() < 0.6
        rows.append(
            VisitRequest(
                reference_year=year,
                reference_number=last_numbers[year],
                language="th" if rng.random() < 0.7 else "en",
                name=f"Synthetic contact {n:05d}",
                email=f"synthetic-visit{n:05d}@example.org",
                kind_id=rng.choice(kinds),
                organisation=f"{VISIT_ORGANISATION} {n:05d}",
                country=rng.choice(countries),
                phone=f"+66 2 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                head_of_delegation=f"Synthetic head {n:05d}",
                head_position="Deputy Mayor",
                number_of_people=rng.randint(1, 40),
                first_choice_start=first_day,
                first_choice_end=first_day + datetime.timedelta(days=rng.randint(0, 2)),
                second_choice_start=first_day + datetime.timedelta(days=14),
                second_choice_end=first_day + datetime.timedelta(days=14),
                purpose=LOREM_EN,
                status=status,
                received_at=received_at,
                status_changed_at=answered_at or received_at,
                answered_at=answered_at,
                scheduled_at=scheduled_at,
                satisfaction=rng.choices((1, 2, 3, 4, 5), (2, 4, 14, 40, 40))[0] if surveyed else None,
                survey_answered_at=scheduled_at + datetime.timedelta(days=2) if surveyed else None,
            )
        )
    VisitRequest.objects.bulk_create(rows, batch_size=BATCH)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=10_000)
    parser.add_argument("--networks", type=int, default=1_000)
    parser.add_argument("--embassies", type=int, default=5_000)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--visits", type=int, default=10_000, help="visit requests")
    parser.add_argument("--seed", type=int, default=20261122, help="random seed: the same seed, the same data")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--remove", action="store_true", help="delete all synthetic rows and stop")
    action.add_argument("--replace", action="store_true", help="delete existing synthetic rows first")
    parser.add_argument(
        "--skip-search-index", action="store_true", help="do not rebuild the site search index afterwards"
    )
    args = parser.parse_args()
    started = time.monotonic()
    search_index = not args.skip_search_index
    if args.remove:
        remove(search_index)
        verb = "Removed the synthetic data"
    elif generate(
        args.cities, args.networks, args.embassies, args.activities, args.seed, args.replace, search_index, args.visits
    ):
        verb = "Generated"
    else:
        print("Synthetic data is already there (use --replace to make it again).")
        return
    print(
        f"{verb}: {SisterCity.objects.count()} cities, {CityNetwork.objects.count()} networks, "
        f"{Embassy.objects.count()} embassies, {Activity.objects.count()} activities, "
        f"{VisitRequest.objects.count()} visit requests in all "
        f"({time.monotonic() - started:.1f} s)."
    )


if __name__ == "__main__":
    main()
