"""The self-hosted Sarabun, cut down by scripts/assets/subset_fonts.py: it draws every character the site's
templates, translations and seed show, in each weight, and each @font-face says exactly what its file
holds (a face that claims a character its file lacks would be fetched for nothing; one that leaves out a
character its file has would send it to the fallback font)."""

import io
import re

import pytest
from fontTools.ttLib import TTFont

from scripts.assets import subset_fonts

FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")


def shipped_characters(weight):
    return set().union(
        *(subset_fonts.cmap(path) for path in subset_fonts.FONTS.glob(f"sarabun-*-{weight}-normal.woff2"))
    )


def font_faces():
    """[(file name, weight, unicode-range)] of the @font-face rules in site.css."""
    faces = []
    for match in FACE.finditer(subset_fonts.CSS.read_text()):
        body = match["body"]
        faces.append(
            (
                re.search(r'url\("\.\./fonts/([^"]+)"\)', body)[1],
                int(re.search(r"font-weight:\s*(\d+)", body)[1]),
                re.search(r"unicode-range:\s*([^;]+);", body)[1].strip(),
            )
        )
    return faces


def test_the_site_shows_thai_and_latin_characters():
    used = subset_fonts.site_characters()

    # The character sets the next test compares against: Thai (ก, า), Latin (B) and the seed's Huế.
    assert {ord("ก"), ord("า"), ord("B"), ord("ế")} <= used


@pytest.mark.parametrize("weight", subset_fonts.WEIGHTS)
def test_the_shipped_font_draws_every_character_of_the_templates_translations_and_seed(weight):
    missing = subset_fonts.site_characters() - shipped_characters(weight)

    assert not missing, f"Sarabun {weight} lacks {''.join(map(chr, sorted(missing)))!r}: run subset_fonts.py"


def test_each_font_face_covers_exactly_the_characters_of_its_file():
    faces = font_faces()

    assert sorted(file for file, _, _ in faces) == sorted(path.name for path in subset_fonts.FONTS.glob("*.woff2"))
    for file, weight, unicode_range in faces:
        assert f"-{weight}-" in file
        assert unicode_range == subset_fonts.unicode_range(subset_fonts.cmap(subset_fonts.FONTS / file)), file


def decoded(woff2):
    """The font inside a woff2 file, as plain sfnt bytes: the same whichever Brotli compressed it."""
    font = TTFont(io.BytesIO(woff2), recalcTimestamp=False)
    font.flavor = None
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def test_the_shipped_files_are_what_the_script_makes_from_its_sources():
    built = subset_fonts.build(subset_fonts.site_characters())

    shipped = {path.name: decoded(path.read_bytes()) for path in subset_fonts.FONTS.glob("*.woff2")}
    assert {name: decoded(data) for name, data in built.items()} == shipped


def test_the_font_licence_ships_beside_the_files():
    assert "SIL Open Font License" in (subset_fonts.FONTS / "OFL.txt").read_text()
