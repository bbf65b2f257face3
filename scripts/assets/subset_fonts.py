"""Writes the self-hosted Sarabun files, static/fonts/sarabun-*.woff2, cut down to what the site shows, and
their @font-face rules in static/css/site.css.

    .venv/bin/python scripts/assets/subset_fonts.py

The sources are npm's @fontsource/sarabun 5.3.0 files, kept in scripts/assets/sarabun/ (OFL, licence
beside them and in static/fonts/OFL.txt; Sarabun declares no Reserved Font Name, so the cut-down files
keep its name). Each source keeps the characters of the site's templates, translations and seed that it
draws, and always, because staff type them into content at any time: every Thai character of the Thai
file and printable ASCII from the Latin one. A Latin accented letter or a Vietnamese one (Huế) is kept
only once the site uses it, so a file is fetched only by a page showing one of its characters (each
face's unicode-range is exactly what its file holds). Run again after content brings new characters;
tests/core/test_fonts.py fails while a template, translation or seed character is missing.
"""

import io
import json
import re
import sys
from pathlib import Path

import polib
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "scripts" / "assets" / "sarabun"
FONTS = ROOT / "static" / "fonts"
CSS = ROOT / "static" / "css" / "site.css"
WEIGHTS = (400, 700)
# In the order of the @font-face rules; what each source keeps whether or not the site uses it yet.
SUBSETS = {
    "thai": lambda cmap: set(cmap),
    "latin": lambda cmap: set(range(0x20, 0x7F)) | {0xA0},
    "vietnamese": lambda cmap: set(),
}
BEGIN = "/* Sarabun: written by scripts/assets/subset_fonts.py */\n"
END = "/* end of Sarabun */\n"


def site_characters():
    """Every character the templates, the translation catalogues, the seed and the style sheets show."""
    texts = [path.read_text() for path in sorted((ROOT / "templates").rglob("*.html"))]
    texts += [path.read_text() for path in sorted((ROOT / "static" / "css").glob("*.css"))]
    for path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            texts += [entry.msgid, entry.msgstr, entry.msgid_plural, *entry.msgstr_plural.values()]
    for path in sorted((ROOT / "fixtures").glob("*.json")):
        texts += list(_strings(json.loads(path.read_text())))
    # Controls (newlines, tabs) are never drawn.
    return {ord(char) for text in texts for char in text if ord(char) >= 0x20 and char not in "\x7f\u200b"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def file_name(name, weight):
    return f"sarabun-{name}-{weight}-normal.woff2"


def cut(source, unicodes):
    """The woff2 bytes of `source` with only `unicodes` (and the glyphs their shaping needs)."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Thai marks, ligatures, kerning: whatever the source shapes with
    font = TTFont(source, recalcTimestamp=False)  # the same bytes on every run
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def cmap(path_or_bytes):
    """The characters a font file draws (its cmap less the controls some sources map, NUL and CR)."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return {code for code in TTFont(source).getBestCmap() if code >= 0x20}


def unicode_range(codes):
    """CSS unicode-range of a set of code points, runs joined: U+0020-007E, U+00A0."""
    runs, codes = [], sorted(codes)
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


def build(used):
    """{file name: woff2 bytes}: each source cut to what it always keeps plus the used characters it has and
    no earlier source of the same weight draws; a source left with nothing is not shipped. (The Latin file
    keeps the space the Thai one has too: make_og_image.py draws English with it alone.)"""
    files = {}
    for weight in WEIGHTS:
        drawn = set()
        for name, always in SUBSETS.items():
            source = SOURCES / file_name(name, weight)
            available = cmap(source)
            wanted = (always(available) | (used - drawn)) & available
            if not wanted:
                continue
            files[file_name(name, weight)] = data = cut(source, wanted)
            drawn |= cmap(data)
    return files


def font_faces(files):
    rules = []
    for name in SUBSETS:
        for weight in WEIGHTS:
            if (file := file_name(name, weight)) in files:
                rules.append(
                    "@font-face {\n"
                    '  font-family: "Sarabun";\n'
                    "  font-style: normal;\n"
                    f"  font-weight: {weight};\n"
                    "  font-display: swap;\n"
                    f'  src: url("../fonts/{file}") format("woff2");\n'
                    f"  unicode-range: {unicode_range(cmap(files[file]))};\n"
                    "}\n"
                )
    return BEGIN + "\n".join(rules) + END


def main():
    files = build(site_characters())
    for old in FONTS.glob("sarabun-*.woff2"):
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        before = (FONTS / name).stat().st_size if (FONTS / name).exists() else 0
        (FONTS / name).write_bytes(data)
        print(f"{name}: {len(cmap(data))} characters, {len(data):,} bytes (was {before:,})")
    css = CSS.read_text()
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(css):
        sys.exit(f"{CSS}: no {BEGIN.strip()} ... {END.strip()} block to write the @font-face rules into.")
    CSS.write_text(pattern.sub(lambda _: font_faces(files), css))
    print(f"Wrote the @font-face rules in {CSS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
