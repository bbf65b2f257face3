"""Makes countries-110m.json (shipped beside this script) from npm world-atlas's countries-110m.json.

    cd /tmp && npm install --ignore-scripts world-atlas@2.0.2
    python relations/data/convert_world_atlas.py /tmp/node_modules/world-atlas/countries-110m.json

Decodes the TopoJSON (quantised, delta-encoded shared arcs) into one list of rings per country and
stores each ring as integer tenths of a degree, the first point absolute and the rest as differences:
a tenth of a degree is finer than a screen pixel on the site's map, and the file shrinks to a third.
Antarctica is left out: the map shows where partners are, and none is there. Rings crossing the
antimeridian are kept continuous (see unwrap).
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEFT_OUT = {"010"}  # Antarctica


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points):
    """Rings that cross the antimeridian (Russia's far east, Fiji) jump from +180 to -180; on a flat
    map that draws a stripe across the world. Keep each ring continuous instead (longitudes may pass
    180): the part beyond the edge falls outside the map."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        unwrapped.append((lon, lat))
    return unwrapped


def compact(points):
    tenths = []
    for lon, lat in unwrap(points):
        point = (round(lon * 10), round(lat * 10))
        if not tenths or tenths[-1] != point:
            tenths.append(point)
    flat = list(tenths[0])
    for (x0, y0), (x1, y1) in zip(tenths, tenths[1:], strict=False):
        flat.extend((x1 - x0, y1 - y0))
    return flat


def main(source):
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [compact(ring_points(arcs, ring)) for polygon in polygons for ring in polygon]
        # Islands smaller than a tenth of a degree collapse to a point or a line: nothing to draw.
        rings = [ring for ring in rings if len(ring) >= 6]
        countries.append({"id": geometry.get("id", ""), "name": geometry["properties"]["name"], "rings": rings})
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries, version 4.1.0, via npm world-atlas 2.0.2 "
        "(countries-110m.json), converted by convert_world_atlas.py",
        "licence": "Natural Earth: public domain. world-atlas packaging: ISC, Michael Bostock.",
        "units": "tenths of a degree (longitude, latitude); first point absolute, then differences",
        "countries": countries,
    }
    (HERE / "countries-110m.json").write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
