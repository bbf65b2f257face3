"""Writes static/img/world-land.svg, the country outlines under every map, from relations/data/countries-110m.json.

Run it after changing the data or the outline's style in relations/map.py; a test fails while the file and
the data disagree.
"""

from django.core.management import BaseCommand

from relations.map import LAND_SVG, land_svg


class Command(BaseCommand):
    help = "Write static/img/world-land.svg (the maps' country outlines) from relations/data/countries-110m.json."

    def handle(self, *args, **options):
        LAND_SVG.write_text(land_svg())
        self.stdout.write(f"Wrote {LAND_SVG} ({LAND_SVG.stat().st_size:,} bytes)")
