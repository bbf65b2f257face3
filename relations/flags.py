"""Country flags, in static SVG sprites of one <symbol id="flag-jp"> per country.

The flags are flag-icons' 4:3 SVGs (npm `flag-icons`, pinned in package.json; MIT licence, copied to
static/img/flags-LICENSE). Only the flags the site shows are shipped, in two sprites, each with flag-icons'
neutral flag (`xx`) for a country whose flag is not in it yet:

- `cities` (static/img/flags.svg): the countries of the sister cities, shown on the directory, the city
  pages, the map and the home page. A few flags, a few kilobytes.
- `embassies` (static/img/flags-embassies.svg): the countries of the embassies, shown on the embassy
  directory only. Some seventy flags, Spain's and Mexico's coats of arms among them (80 KB each): kept
  apart so that the pages most visitors open first stay light.

A page points every flag at one sprite (<use href="/static/img/flags.svg#flag-jp">): a browser fetches it
once, keeps it for good (its name changes with its content) and no flag costs a request of its own. The
sprites hold the seed's countries, every flag already in them, and any added since (`manage.py draw_flags
FR`, or `--from-database` against a copy of the office's database).

Each symbol is the source file's content, unchanged but for the white space between tags. flag-icons
already prefixes every internal id with the country code (jp-a), so the flags' ids never collide;
sprite() checks it.
"""

import csv
import functools
import json
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "flag-icons" / "flags" / "4x3"
SOURCE_LICENCE = ROOT / "node_modules" / "flag-icons" / "LICENSE"
SPRITES = {
    "cities": ROOT / "static" / "img" / "flags.svg",
    "embassies": ROOT / "static" / "img" / "flags-embassies.svg",
}
SPRITE_LICENCE = ROOT / "static" / "img" / "flags-LICENSE"
FALLBACK = "xx"

SOURCE_SVG = re.compile(r"\A\s*<svg\b([^>]*)>(.*)</svg>\s*\Z", re.DOTALL)
VIEW_BOX = re.compile(r'\bviewBox="([^"]+)"')
IDS = re.compile(r'\bid="([^"]+)"')
REFERENCES = re.compile(r'(?:href="#|url\(#)([^")]+)')
SYMBOL_ID = re.compile(r'<symbol id="flag-([a-z0-9-]+)"')


class FlagError(ValueError):
    pass


def symbol(code, source=SOURCE):
    """The <symbol> of one country's flag (`code`: ISO 3166-1 alpha-2, any case) from flag-icons' file."""
    code = code.lower()
    path = source / f"{code}.svg"
    if not path.exists():
        raise FlagError(f"flag-icons has no flag for {code.upper()} ({path} is missing)")
    match = SOURCE_SVG.match(path.read_text())
    view_box = VIEW_BOX.search(match[1]) if match else None
    if not view_box:
        raise FlagError(f"{path} is not an <svg> with a viewBox")
    content = re.sub(r">\s+<", "><", match[2].strip())
    return f'<symbol id="flag-{code}" viewBox="{view_box[1]}">{content}</symbol>'


def sprite(codes, source=SOURCE):
    """A whole sprite: the flags of `codes` and the fallback, in alphabetical order."""
    codes = sorted({code.lower() for code in codes} | {FALLBACK})
    symbols = [symbol(code, source) for code in codes]
    ids = [found for text in symbols for found in IDS.findall(text)]
    duplicates = sorted({found for found in ids if ids.count(found) > 1})
    if duplicates:
        raise FlagError(f"ids used by more than one flag: {', '.join(duplicates)}")
    dangling = sorted({found for text in symbols for found in REFERENCES.findall(text)} - set(ids))
    if dangling:
        raise FlagError(f"references to ids no flag defines: {', '.join(dangling)}")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        + "\n".join(symbols)
        + "\n</svg>\n"
    )


def sprite_codes(text):
    return set(SYMBOL_ID.findall(text))


@functools.cache
def shipped_codes(name):
    """The lower-case codes whose flags the sprite `name` holds, read once per process."""
    return frozenset(sprite_codes(SPRITES[name].read_text()))


def static_path(name):
    """The sprite's path under static/, for {% static %}."""
    return SPRITES[name].relative_to(ROOT / "static").as_posix()


def symbol_id(iso_code, name):
    """'flag-jp' for JP; the neutral flag's id for a country whose flag the sprite `name` lacks."""
    code = (iso_code or "").lower()
    return f"flag-{code if code in shipped_codes(name) else FALLBACK}"


def seed_country_codes():
    """{sprite name: lower-case ISO codes} of the countries the seed brings (settings.FIXTURE_DIRS): those of
    the sister cities in its JSON fixtures, and those of the embassies in its CSV files (country_code)."""
    countries, city_countries, embassy_codes = {}, set(), set()
    for directory in map(Path, settings.FIXTURE_DIRS):
        for fixture in sorted(directory.glob("*.json")):
            for record in json.loads(fixture.read_text()):
                if record["model"] == "relations.country":
                    countries[record["pk"]] = record["fields"]["iso_code"]
                elif record["model"] == "relations.sistercity":
                    city_countries.add(record["fields"]["country"])
        for table in sorted(directory.glob("*.csv")):
            with table.open(newline="", encoding="utf-8") as file:
                embassy_codes |= {row["country_code"] for row in csv.DictReader(file) if row.get("country_code")}
    return {
        "cities": {countries[pk].lower() for pk in city_countries},
        "embassies": {code.lower() for code in embassy_codes},
    }
