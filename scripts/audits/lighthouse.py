"""Lighthouse (mobile) on every public page type in every language, against the production setup.

    .venv/bin/python scripts/audits/lighthouse.py            # make lighthouse
    RUNS=1 .venv/bin/python scripts/audits/lighthouse.py     # one run per page instead of three
    .venv/bin/python scripts/audits/lighthouse.py home city_detail   # only these page types

What it serves, all on 127.0.0.1 and stopped again at the end: gunicorn with the production settings
(WhiteNoise's hashed, compressed static files, the page cache, CSP and the other security headers) on a
SQLite database of its own with the seed content (plus the browser suite's made-up embassies, as the
seed has none), over plain HTTP (127.0.0.1 counts as a secure origin;
the HTTPS redirect is turned off for this run only). The pages are the registry's public page types
(`manage.py public_pages`, iad_site.core.sections), the same list the browser suite walks.

Each page is measured RUNS times (default 3) by Lighthouse's mobile preset (simulated slow 4G and a
mid-range phone). The table shows the median Performance score and the lowest of the other three. Exits
1 if any page misses its target: Accessibility, Best Practices and SEO 100, Performance at least 95
(a page type marked noindex may fail only the is-crawlable SEO audit). Lighthouse
audits only pages that answer 200, so the 404 page is listed as not measured (the browser suite and the
HTML check cover it).
The full JSON reports are kept in build/lighthouse/.
"""

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.servers import Server, manage  # noqa: E402
from tests.browser.data import write_test_embassies, write_unseeded_examples  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
REPORTS = ROOT / "build" / "lighthouse"
RUNS = int(os.environ.get("RUNS", "3"))
ATTEMPTS = 3

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Chromium on a closed network: never try to reach outside hosts (../shared/TOOLING.md).
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
    ' --disable-component-update --disable-sync "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
)


def page_list(env, only):
    """[(page type, language, path, status, noindex)] from the server's database (manage.py public_pages)."""
    pages = [
        (page["page_type"], page["language"], page["path"], page["status"], page["noindex"])
        for page in json.loads(manage(env, "public_pages"))
    ]
    unknown = set(only) - {page[0] for page in pages}
    if unknown:
        raise SystemExit(f"No page type named {', '.join(sorted(unknown))}.")
    return [page for page in pages if not only or page[0] in only]


def run_lighthouse(url, report):
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
    ]
    # Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): try again.
    for attempt in range(1, ATTEMPTS + 1):
        result = subprocess.run(command, env=env, timeout=300, check=False)
        if result.returncode == 0:
            break
        print(f"  Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})", flush=True)
    else:
        raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}.")
    data = json.loads(report.read_text())
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failing = {
        name: [
            audit_ref["id"]
            for audit_ref in data["categories"][name]["auditRefs"]
            if audit_ref["weight"] and (data["audits"][audit_ref["id"]]["score"] or 0) < 1
        ]
        for name in CATEGORIES
        if name != "performance"
    }
    return scores, failing


def main(only):
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci --ignore-scripts` first (make lighthouse does).")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"No Chromium at {CHROMIUM}: apt-get install chromium fonts-thai-tlwg")
    REPORTS.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="iad-lighthouse-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iad_site.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    manage(env, "compilemessages", "--ignore=.venv", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "import_embassies", str(write_test_embassies(work / "embassies.csv")))
    manage(env, "loaddata", str(write_unseeded_examples(work / "examples.json")), "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = page_list(env, only)

    rows, problems, skipped = [], [], []
    started = time.monotonic()
    with Server.gunicorn(env, workers=2, log=work / "server.log") as server:
        for page_type, language, path, status, noindex in pages:
            if status != 200:
                skipped.append(f"{page_type} {language} ({path}, {status})")
                continue
            runs = []
            for run in range(RUNS):
                report = REPORTS / f"{page_type}-{language}-{run + 1}.json"
                runs.append(run_lighthouse(server.url(path), report))
            scores = {"performance": statistics.median(scores["performance"] for scores, _ in runs)}
            for name in CATEGORIES[1:]:
                scores[name] = min(scores[name] for scores, _ in runs)
            failing = sorted({audit for _, fails in runs for audits in fails.values() for audit in audits})
            # A page that asks not to be indexed fails Lighthouse's is-crawlable audit by design; every
            # other SEO audit must still pass there.
            excused = {"is-crawlable"} if noindex else set()
            rows.append((page_type, language, path, scores, failing, noindex))
            print(
                f"{page_type:<22} {language}  "
                + "  ".join(f"{scores[name]:>3g}" for name in CATEGORIES)
                + (f"   failing: {', '.join(failing)}" if failing else ""),
                flush=True,
            )
            problems += [
                f"{page_type} {language} {name} {scores[name]:g} < {TARGETS[name]}"
                for name in CATEGORIES
                if scores[name] < TARGETS[name] and not (name == "seo" and noindex and set(failing) <= excused)
            ]
            problems += [f"{page_type} {language} fails {audit}" for audit in failing if audit not in excused]

    print()
    print(f"Lighthouse {lighthouse_version()}, mobile, {RUNS} run(s) a page: median Performance, lowest of the rest.")
    print("| page type | lang | path | Performance | Accessibility | Best Practices | SEO |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for page_type, language, path, scores, _, noindex in rows:
        cells = [f"{scores[name]:g}" for name in CATEGORIES]
        if noindex:
            cells[-1] += " (noindex)"
        print(f"| {page_type} | {language} | `{path}` | " + " | ".join(cells) + " |")
    print(f"\n{len(rows)} pages in {time.monotonic() - started:.0f} s. Reports: {REPORTS.relative_to(ROOT)}/")
    if any(row[-1] for row in rows):
        print("(noindex): the page asks search engines not to index it, so is-crawlable fails by design;")
        print("the other SEO audits pass.")
    if skipped:
        print("Not measured (Lighthouse audits only pages that answer 200): " + "; ".join(skipped))
    (REPORTS / "summary.json").write_text(
        json.dumps(
            [
                {"page_type": t, "language": lang, "path": p, "scores": s, "failing": f, "noindex": n}
                for t, lang, p, s, f, n in rows
            ],
            indent=1,
        )
    )
    if problems:
        print("Below target:\n  " + "\n  ".join(problems))
        return 1
    return 0


def lighthouse_version():
    return json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


if __name__ == "__main__":
    sys.exit(main(set(sys.argv[1:])))
