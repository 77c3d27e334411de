#!/usr/bin/env python3
"""countries-geojson.py - the dashboard map's country outlines, made at build time.

Reads Natural Earth's public-domain 1:110m countries (naturalearth_lowres.shp and .dbf, as
Debian's python3-geopandas ships them) with struct alone, simplifies each ring and writes a
GeoJSON FeatureCollection whose features have the id of the country's ISO-3 code (KSV for
Kosovo, as in data/codes) and its name. Usage: countries-geojson.py SHP DBF OUT.geojson
"""
import json
import struct
import sys

# Natural Earth leaves some ISO-3 codes as -99; these are the ones data/codes knows.
BY_NAME = {"France": "FRA", "Norway": "NOR", "Kosovo": "KSV"}
TOLERANCE = 0.08  # degrees: Douglas-Peucker tolerance; the map is drawn at country scale


def read_dbf(path):
    with open(path, "rb") as f:
        data = f.read()
    count, header_len, record_len = struct.unpack_from("<IHH", data, 4)
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        off, row = 1, {}  # byte 0: the deletion flag
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; keeps the first and last point."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            if norm == 0:
                dist = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                dist = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if dist > best:
                best, index = dist, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((a, index))
            stack.append((index, b))
    return [p for p, k in zip(points, keep) if k]


def read_shp(path):
    with open(path, "rb") as f:
        data = f.read()
    if struct.unpack_from(">I", data, 0)[0] != 9994:
        raise ValueError(f"{path}: not a shapefile (bad file code)")
    pos, shapes = 100, []
    while pos + 8 <= len(data):
        _, words = struct.unpack_from(">II", data, pos)
        content = pos + 8
        shape_type = struct.unpack_from("<i", data, content)[0]
        if shape_type == 0:
            shapes.append([])
        elif shape_type == 5:
            nparts, npoints = struct.unpack_from("<ii", data, content + 36)
            parts = list(struct.unpack_from(f"<{nparts}i", data, content + 44))
            base = content + 44 + 4 * nparts
            coords = struct.unpack_from(f"<{2 * npoints}d", data, base)
            points = [(coords[2 * i], coords[2 * i + 1]) for i in range(npoints)]
            parts.append(npoints)
            shapes.append([points[parts[i]:parts[i + 1]] for i in range(nparts)])
        else:
            raise ValueError(f"{path}: byte {content}: shape type {shape_type}, not a polygon")
        pos = content + 2 * words
    return shapes


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: countries-geojson.py SHP DBF OUT.geojson")
    shp, dbf, out = sys.argv[1:]
    shapes, rows = read_shp(shp), read_dbf(dbf)
    if len(shapes) != len(rows):
        sys.exit(f"{shp}: {len(shapes)} shapes but {dbf} has {len(rows)} records")
    features = []
    for rings, row in zip(shapes, rows):
        iso = row.get("iso_a3", "")
        if not iso.isalpha() or len(iso) != 3:
            iso = BY_NAME.get(row.get("name", ""), "")
        # shapefile outer rings run clockwise, holes counter-clockwise: group holes with the
        # outer ring before them, as GeoJSON polygons
        polygons = []
        for ring in rings:
            small = [[round(x, 2), round(y, 2)] for x, y in simplify(ring, TOLERANCE)]
            if len(small) < 4:
                continue
            if signed_area(ring) <= 0 or not polygons:
                polygons.append([small[::-1]])  # GeoJSON: outer rings counter-clockwise
            else:
                polygons[-1].append(small[::-1])
        if not polygons:
            continue
        feature = {"type": "Feature", "properties": {"name": row.get("name", "")},
                   "geometry": {"type": "MultiPolygon", "coordinates": polygons}}
        if iso:
            feature["id"] = iso
        features.append(feature)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f,
                  separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
