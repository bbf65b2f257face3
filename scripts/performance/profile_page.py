"""What one page costs inside Django, without gunicorn or wrk: the fastest and the median of N renders.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/iad_bench \
        .venv/bin/python scripts/performance/profile_page.py /th/ 200
    PROFILE=1 ... scripts/performance/profile_page.py /th/sister-cities/ 50   # and a cProfile of N more, by own time

Production settings with the page cache off (so every request renders), static files from .bench/static
(`make bench` collects them there). Steadier than a wrk run on a busy machine (docs/performance.md).
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.update(
    DJANGO_SETTINGS_MODULE="iad_site.settings.prod",
    SECRET_KEY=os.environ.get("SECRET_KEY", "profile-only-" + "x" * 50),
    ALLOWED_HOSTS="testserver",
    PAGE_CACHE="off",
    STATIC_ROOT=os.environ.get("STATIC_ROOT", str(ROOT / ".bench" / "static")),
)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def main(path, count):
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    for _warm_up in range(20):
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    times = []
    for _run in range(count):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    times.sort()
    print(
        f"{path}: fastest {times[0] * 1000:.2f} ms, median {times[count // 2] * 1000:.2f} ms, {len(response.content):,} bytes"
    )
    if os.environ.get("PROFILE"):
        profile = cProfile.Profile()
        profile.runcall(lambda: [client.get(path) for _run in range(count)])
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
