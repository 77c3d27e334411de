// country-centroids.mjs - the centre of each country of data/places/countries.txt, computed from
// the Natural Earth outlines of the npm package world-atlas (countries-10m.json, public domain)
// and Debian's iso-codes (ISO numeric -> alpha-3). The centre is the area-weighted centroid of
// the country's largest landmass (so France is not pulled into the Atlantic, nor the United
// States to Alaska), moved inside it when it falls outside (a crescent such as Croatia).
//
// usage: node tools/country-centroids.mjs          prints "ISO3 lat lon name" and the changes
//        node tools/country-centroids.mjs --write  rewrites the country lines' coordinates
// Maintainers run it when the outlines or the list of countries change; the result is ours.
import { readFileSync, writeFileSync } from "node:fs";

const here = new URL("..", import.meta.url).pathname;
const atlas = JSON.parse(readFileSync(`${here}node_modules/world-atlas/countries-10m.json`, "utf8"));
const iso = JSON.parse(readFileSync("/usr/share/iso-codes/json/iso_3166-1.json", "utf8"));
const alpha3 = new Map(iso["3166-1"].map((c) => [c.numeric, c.alpha_3]));
// outlines without an ISO number, by the name world-atlas gives them
const byName = new Map([["Kosovo", "KSV"], ["N. Cyprus", null], ["Somaliland", null]]);

// TopoJSON arcs: quantized, delta-encoded positions
const { scale, translate } = atlas.transform;
const arcs = atlas.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
        x += dx;
        y += dy;
        return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
});
// a ring that crosses the antimeridian (Fiji, Russia's far east) is unwrapped east of 180
function ring(indices) {
    const points = [];
    for (const i of indices) {
        const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
        points.push(...(points.length ? arc.slice(1) : arc));
    }
    const lons = points.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) > 180)
        return points.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
    return points;
}

// area and centroid on the sinusoidal (equal-area) projection: x = lon cos(lat), y = lat
function measure(points) {
    let area = 0, cx = 0, cy = 0;
    const p = points.map(([lon, lat]) => [lon * Math.cos((lat * Math.PI) / 180), lat]);
    for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        const cross = p[j][0] * p[i][1] - p[i][0] * p[j][1];
        area += cross;
        cx += (p[j][0] + p[i][0]) * cross;
        cy += (p[j][1] + p[i][1]) * cross;
    }
    area /= 2;
    if (area === 0) return { area: 0, lat: points[0][1], lon: points[0][0] };
    const y = cy / (6 * area), x = cx / (6 * area);
    return { area: Math.abs(area), lat: y, lon: x / Math.cos((y * Math.PI) / 180) };
}
function inside(points, lon, lat) {
    let in_ = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i], [xj, yj] = points[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) in_ = !in_;
    }
    return in_;
}
// a point inside: the middle of the widest stretch of land along the centroid's latitude
function insideAlong(points, lat) {
    const xs = [];
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i], [xj, yj] = points[j];
        if (yi > lat !== yj > lat) xs.push(((xj - xi) * (lat - yi)) / (yj - yi) + xi);
    }
    xs.sort((a, b) => a - b);
    let best = null;
    for (let k = 0; k + 1 < xs.length; k += 2)
        if (!best || xs[k + 1] - xs[k] > best[1] - best[0]) best = [xs[k], xs[k + 1]];
    return best ? (best[0] + best[1]) / 2 : null;
}

const centres = new Map();
for (const g of atlas.objects.countries.geometries) {
    const code = byName.has(g.properties.name) ? byName.get(g.properties.name) : alpha3.get(g.id);
    if (!code || !g.arcs) continue;
    const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
    let best = null;
    for (const polygon of polygons) {
        const outer = ring(polygon[0]);
        const m = measure(outer);
        if (!best || m.area > best.m.area) best = { outer, m };
    }
    let { lat, lon } = best.m;
    if (!inside(best.outer, lon, lat)) {
        const x = insideAlong(best.outer, lat);
        if (x !== null) lon = x;
    }
    if (lon > 180) lon -= 360;
    // dependencies may share their country's number (Ashmore and Cartier Is.): the larger wins
    const known = centres.get(code);
    if (!known || known.area < best.m.area)
        centres.set(code, { lat, lon, name: g.properties.name, area: best.m.area });
}

const path = `${here}data/places/countries.txt`;
const lines = readFileSync(path, "utf8").split("\n");
const missing = [];
let changed = 0;
const out = lines.map((line) => {
    const f = line.split("\t");
    if (f[0] !== "country") return line;
    const c = centres.get(f[1]);
    if (!c) {
        missing.push(f[1]);
        return line;
    }
    const lat = c.lat.toFixed(2), lon = c.lon.toFixed(2);
    if (f[3] !== lat || f[4] !== lon) changed++;
    console.log(`${f[1]}\t${lat}\t${lon}\t${f[5].split("|")[0]}\t(was ${f[3]} ${f[4]})`);
    f[3] = lat;
    f[4] = lon;
    return f.join("\t");
});
console.error(`country-centroids: ${changed} changed; no outline for: ${missing.join(" ") || "none"}`);
if (process.argv.includes("--write")) writeFileSync(path, out.join("\n"));
