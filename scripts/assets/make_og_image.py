"""Draws static/img/og-default.png, the picture shown when a page of the site is shared (Open Graph).

    .venv/bin/python scripts/assets/make_og_image.py

1200x630 (the size social sites ask for): the office's name in Thai and English in Sarabun (the site's
own font, static/fonts, OFL) over the Natural Earth outlines the partner-city map uses, with Bangkok
marked. Run again after changing the office's name or the brand colour.
"""

import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1200, 630
BRAND, LAND, INK, ACCENT = "#14532d", "#1f6b3c", "#ffffff", "#f59e0b"
# The part of the world drawn: longitude -30..170, latitude 72..-45, so Bangkok sits right of centre.
WEST, EAST, NORTH, SOUTH = -30, 170, 72, -45
BANGKOK = (100.5018, 13.7563)


def to_pixels(lon, lat):
    return (lon - WEST) / (EAST - WEST) * WIDTH, (NORTH - lat) / (NORTH - SOUTH) * HEIGHT


def draw_land(draw):
    data = json.loads((ROOT / "relations/data/countries-110m.json").read_text())
    for country in data["countries"]:
        for ring in country["rings"]:
            x, y = ring[0], ring[1]
            points = [to_pixels(x / 10, y / 10)]
            for dx, dy in zip(ring[2::2], ring[3::2], strict=True):
                x, y = x + dx, y + dy
                points.append(to_pixels(x / 10, y / 10))
            if len(points) > 2:
                draw.polygon(points, fill=LAND)


def main():
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    draw_land(draw)
    bx, by = to_pixels(*BANGKOK)
    size = 16
    draw.polygon([(bx, by - size), (bx + size, by), (bx, by + size), (bx - size, by)], fill=ACCENT, outline=INK)
    fonts = ROOT / "static/fonts"
    thai = ImageFont.truetype(str(fonts / "sarabun-thai-700-normal.woff2"), 76)
    latin_bold = ImageFont.truetype(str(fonts / "sarabun-latin-700-normal.woff2"), 46)
    latin = ImageFont.truetype(str(fonts / "sarabun-latin-400-normal.woff2"), 34)
    draw.rectangle([(0, 0), (14, HEIGHT)], fill=ACCENT)
    draw.text((72, 150), "สำนักงานการต่างประเทศ", font=thai, fill=INK)
    draw.text((72, 260), "กรุงเทพมหานคร", font=thai, fill=INK)
    draw.text((72, 400), "International Affairs Office", font=latin_bold, fill=INK)
    draw.text((72, 460), "Bangkok Metropolitan Administration", font=latin, fill=INK)
    image.save(ROOT / "static/img/og-default.png", optimize=True)


if __name__ == "__main__":
    main()
