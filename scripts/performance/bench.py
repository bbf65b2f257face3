"""Load benchmark: every public page type against a bare-Django baseline, under identical gunicorn servers.

Run through `make bench` (or `make bench-synthetic`), which prepares PostgreSQL, wrk and the data first;
by hand: `DATABASE_URL=postgres://... .venv/bin/python scripts/performance/bench.py --label seed`.

Three gunicorn servers, each with the same options (2 sync workers), are started side by side:
  baseline  bench_baseline.py: one Django view returning a fixed 5 KB page, no middleware;
  cached    the site with production settings and its page cache on (the normal production set-up);
  uncached  the same with PAGE_CACHE=off, so every request renders the page from the database.
The pages come from the registry (iad_site.core.sections): every page type that answers 200, in the default
language (the home page in every language), and every feed; rows are named "PAGE_TYPE LANGUAGE".
Each page type is hit with wrk for a few seconds after a 1 s warm-up, and the baseline is measured again
after every page: the machine is shared and noisy, so the result that counts is each page's ratio to the
baseline runs just before and after it (targets: cached >= 0.8, uncached >= 0.3).

The figures are saved in .bench/<label>.json. With --compare-with (make bench-synthetic), two more servers
serve the seed data set, and each page is measured on both data sets one right after the other
(target: no page more than 1.5x slower on the large data set). make bench-scaling compares the synthetic
data set with one a tenth of its size instead (--compare-label "tenth"): both fill every page.
"""

import argparse
import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.servers import Server, fetch  # noqa: E402

OUT = ROOT / ".bench"
LUA = Path(__file__).with_name("bench_report.lua")
WORKERS = 2
TARGETS = {"cached": 0.8, "uncached": 0.3}
SCALE_LIMIT = 1.5
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# Measured in every language; every other page type in the default language only (the others cost the same).
EVERY_LANGUAGE = {"home"}


def site_environment(page_cache, database_url):
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="iad_site.settings.prod",
        SECRET_KEY=env.get("SECRET_KEY", "bench-only-" + "x" * 50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        PAGE_CACHE="on" if page_cache else "off",
        STATIC_ROOT=env.get("STATIC_ROOT", str(OUT / "static")),
    )
    return env


def gunicorn(name, env, app="iad_site.wsgi:application"):
    return Server.gunicorn(env, workers=WORKERS, app=app, log=OUT / f"{name}.log", options=("--worker-class", "sync"))


def settle(server, result):
    """After a run that timed out, workers are still busy with requests wrk gave up on: start afresh."""
    if result["errors"] or result["rps"] < 1:
        server.stop()
        server.start()


def page_types():
    """(label, path) for every public page type that answers 200 and every feed, from the registry, each with
    real data from the database being served; labelled by page type (or feed URL name) and language."""
    import django

    django.setup()
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from iad_site.core import sections

    default = settings.LANGUAGE_CODE
    pages = [
        (f"{name} {language}", path)
        for name, language, path, status, _noindex in sections.public_pages()
        if status == 200 and (language == default or name in EVERY_LANGUAGE)
    ]
    with translation.override(default):
        pages += [(f"{feed.url_name} {default}", reverse(feed.url_name)) for feed in sections.feeds()]
    return pages


def wrk(url, seconds, connections, threads):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(LUA),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line[len("BENCH ") :])
    seconds_run = figures["duration_us"] / 1e6
    return {
        "rps": figures["requests"] / seconds_run if seconds_run else 0.0,
        "p50_ms": figures["p50_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["errors"] + figures["bad_status"],
    }


def measure(url, args, seconds, warm_up=True):
    if warm_up:  # every worker renders, connects to the database and fills its cache first
        wrk(url, 1, args.connections, args.threads)
    return wrk(url, seconds, args.connections, args.threads)


def check_pages(servers, pages):
    problems = []
    for label, path in pages:
        for name, server in servers.items():
            if name == "baseline":
                continue
            try:
                status, _headers, _body = fetch(server.url(path), headers=PROXY_HEADERS, timeout=60)
                if status != 200:
                    problems.append(f"{label} {path}: {status} from the {name} server")
                if name.startswith("cached"):
                    # Each worker keeps its own copy in local memory: a few requests until one is a hit.
                    hits = [
                        fetch(server.url(path), headers=PROXY_HEADERS, timeout=60)[1].get("X-Cache")
                        for _attempt in range(6)
                    ]
                    if "HIT" not in hits:
                        problems.append(f"{label} {path}: not served from the {name} server's cache")
            except OSError as error:
                problems.append(f"{label} {path}: {error} from the {name} server")
    return problems


def print_table(title, rows, baseline, compared_with=None):
    print(f"\n{title}")
    header = (
        f"{'page':<26} {'mode':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'base/s':>7} {'ratio':>6} {'target':<12}"
    )
    if compared_with:
        header += f" {compared_with + ' r/s':>10} {'slower':>7}"
    print(header)
    print("-" * len(header))
    print(
        f"{'baseline (5 KB view)':<26} {'-':<9} {baseline['rps']:>8.0f} {baseline['p50_ms']:>8.2f} "
        f"{baseline['p99_ms']:>8.2f} {baseline['rps']:>7.0f} {1:>6.2f}"
    )
    for row in rows:
        met = "ok" if row["ratio"] >= TARGETS[row["mode"]] and not row["errors"] else "MISSED"
        line = (
            f"{row['page']:<26} {row['mode']:<9} {row['rps']:>8.0f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} "
            f"{row['baseline_rps']:>7.0f} {row['ratio']:>6.2f} {'>=' + str(TARGETS[row['mode']]):<5} {met:<6}"
        )
        if compared_with:
            slowdown = row["slowdown"]
            line += f" {row['seed_rps']:>10.0f} {slowdown:>6.2f}x {'ok' if slowdown <= SCALE_LIMIT else 'MISSED'}"
        if row["errors"]:
            line += f"  ({row['errors']} errors)"
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="seed", help="name of this data set: seed, synthetic, ...")
    parser.add_argument(
        "--compare-with",
        metavar="DATABASE_URL",
        help="the seed data set's database: each page is also measured on it, right next to this one",
    )
    parser.add_argument(
        "--compare-label", default="seed", help="what the --compare-with data set is called in the table"
    )
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "5")))
    parser.add_argument("--baseline-seconds", type=int, default=int(os.environ.get("BENCH_BASELINE_SECONDS", "3")))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "8")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", "2")))
    parser.add_argument(
        "--only",
        action="append",
        default=os.environ.get("BENCH_ONLY", "").split() or None,
        help="a page type to run, e.g. city_list (repeat for more; default: BENCH_ONLY's names, or all)",
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (make bench does).")
    OUT.mkdir(exist_ok=True)

    # Pages are looked up in the seed data set when comparing, so both sides get the very same addresses.
    os.environ.update(site_environment(True, args.compare_with or database_url))
    pages = page_types()
    if args.only:
        wanted = set(args.only)
        pages = [(label, path) for label, path in pages if label.rsplit(" ", 1)[0] in wanted]
        if not pages:
            raise SystemExit(f"No page type named {', '.join(sorted(wanted))}.")

    servers = {
        "baseline": gunicorn("baseline", os.environ.copy(), app="scripts.performance.bench_baseline:application"),
        "cached": gunicorn("cached", site_environment(True, database_url)),
        "uncached": gunicorn("uncached", site_environment(False, database_url)),
    }
    if args.compare_with:
        for mode, page_cache in (("cached", True), ("uncached", False)):
            servers[f"{mode}-seed"] = gunicorn(f"{mode}-seed", site_environment(page_cache, args.compare_with))
    with contextlib.ExitStack() as running:
        for server in servers.values():
            running.enter_context(server)
        problems = check_pages(servers, pages)
        for problem in problems:
            print(f"WARNING: {problem}", file=sys.stderr)

        cache_backend = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        print(
            f"Benchmark '{args.label}': {len(pages)} pages, wrk -t{args.threads} -c{args.connections} "
            f"-d{args.seconds}s each, gunicorn {WORKERS} sync workers per server, cache: {cache_backend}",
            flush=True,
        )
        # The baseline is measured again after every page, and each page is compared with the baseline runs
        # just before and after it: the machine's load drifts during a run, the ratio stays honest.
        baseline_url = servers["baseline"].url("/")
        baselines = [measure(baseline_url, args, args.baseline_seconds)]
        # The floor under every uncached page: /health/ goes through the site's whole middleware stack but
        # renders no template and reads no database.
        floor = measure(servers["uncached"].url("/health/"), args, args.baseline_seconds)
        baselines.append(measure(baseline_url, args, args.baseline_seconds, warm_up=False))
        floor["ratio"] = floor["rps"] / ((baselines[-2]["rps"] + baselines[-1]["rps"]) / 2)
        rows = []
        for mode in ("cached", "uncached"):
            for label, path in pages:
                row = {"page": label, "path": path, "mode": mode}
                if args.compare_with:
                    # Two alternating rounds on each data set, so both meet the same drift in the machine's load.
                    half = max(1, args.seconds // 2)
                    rounds = {"seed": [], "this": []}
                    for round_number in range(2):
                        for side, server in (("seed", servers[f"{mode}-seed"]), ("this", servers[mode])):
                            result = measure(server.url(path), args, half, warm_up=round_number == 0)
                            settle(server, result)
                            rounds[side].append(result)
                    row["seed_rps"] = sum(run["rps"] for run in rounds["seed"]) / 2
                    row.update(
                        {key: sum(run[key] for run in rounds["this"]) / 2 for key in ("rps", "p50_ms", "p99_ms")},
                        errors=sum(run["errors"] for run in rounds["this"]),
                    )
                else:
                    row.update(measure(servers[mode].url(path), args, args.seconds))
                    settle(servers[mode], row)
                baselines.append(measure(baseline_url, args, args.baseline_seconds, warm_up=False))
                row["baseline_rps"] = (baselines[-2]["rps"] + baselines[-1]["rps"]) / 2
                row["ratio"] = row["rps"] / row["baseline_rps"] if row["baseline_rps"] else 0.0
                if args.compare_with:
                    row["slowdown"] = row["seed_rps"] / row["rps"] if row["rps"] else float("inf")
                rows.append(row)
                print(f"  {mode:<9} {label:<26} {row['rps']:>7.0f} req/s  ratio {row['ratio']:.2f}", flush=True)

    baseline = {key: sum(run[key] for run in baselines) / len(baselines) for key in ("rps", "p50_ms", "p99_ms")}
    spread = f"{min(run['rps'] for run in baselines):.0f}-{max(run['rps'] for run in baselines):.0f}"
    print_table(
        f"Results '{args.label}' (baseline {len(baselines)} runs, {spread} req/s; each ratio is to the runs around it)",
        rows,
        baseline,
        args.compare_label if args.compare_with else None,
    )
    (OUT / f"{args.label}.json").write_text(
        json.dumps(
            {"label": args.label, "baseline": baseline, "floor": floor, "rows": rows, "args": vars(args)}, indent=2
        )
    )
    missed = [
        row
        for row in rows
        if row["ratio"] < TARGETS[row["mode"]] or row["errors"] or row.get("slowdown", 0) > SCALE_LIMIT
    ]
    print(
        f"\nFloor: /health/ through the site's middleware, no template, no database: {floor['rps']:.0f} req/s, "
        f"{floor['ratio']:.2f} of the baseline. No uncached page can go faster than this."
    )
    print(f"\n{'All targets met.' if not missed and not problems else f'{len(missed)} result(s) below target.'}")
    print(f"Figures saved in {OUT / (args.label + '.json')}; server logs in {OUT}/.")
    if os.environ.get("BENCH_STRICT") and (missed or problems):
        sys.exit(1)


if __name__ == "__main__":
    main()
