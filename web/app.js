/* app.js - the sitrep dashboard: reads the filters, asks the JSON API (/api/timeline,
 * /api/map, /api/actors, /api/events, /api/events/ID, /api/search, /api/articles/ID) and draws
 * the timeline and the people killed and wounded (dygraphs), the map (Leaflet, over country
 * outlines served as countries.geojson), the actor network (a d3 force layout in SVG), the
 * event table with its downloads, one event's reports and the article view with its
 * highlights. The libraries come from Debian's packages (tools/web-build.sh).
 * Text from the store is only ever set with textContent, never parsed as HTML.
 */
'use strict';

const ROOTS = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Diplomatic cooperation'], ['06', 'Material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'],
  ['11', 'Disapprove'], ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'],
  ['15', 'Exhibit force posture'], ['16', 'Reduce relations'], ['17', 'Coerce'],
  ['18', 'Assault'], ['19', 'Fight'], ['20', 'Unconventional mass violence'],
];
const QUADS = [
  ['1', 'verbal cooperation', '#7fbf7f'], ['2', 'material cooperation', '#2e8b57'],
  ['3', 'verbal conflict', '#f0a030'], ['4', 'material conflict', '#c8322d'],
];
const FILTERS = ['actor', 'target', 'cameo', 'root', 'since', 'until', 'modality',
  'attribution', 'text', 'side', 'plover', 'country', 'place', 'publisher', 'goldstein_min',
  'goldstein_max', 'min_sources', 'min_articles'];
const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE',
  'ASSAULT'];
const PAGE = 50;

const $ = (id) => document.getElementById(id);
const state = { offset: 0, plot: null, casualtyPlot: null, graph: null, map: null, shapes: null, mapData: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function setStatus(text, error) {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

/* The filters as query parameters; codes are upper-cased as the store keeps them. */
function filterParams() {
  const form = $('filters');
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    let v = form.elements[name].value.trim();
    if (!v) continue;
    if (['actor', 'target', 'country'].includes(name)) v = v.toUpperCase();
    params.set(name, v);
  }
  return params;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

/* ---- timeline ---- */

/* The days (or weeks' Mondays) of a timeline answer's x axis, or null when it has none: every
 * one from the first to the last, so that quiet ones show as zero, with one empty step before
 * and after, so that a single week still has a line and a range. */
function dayAxis(data) {
  const given = [...new Set(data.buckets.map((b) => b.date))].sort();
  if (!given.length) return null;
  const step = (data.interval === 'day' ? 1 : 7) * 86400000;
  const first = Date.parse(`${given[0]}T00:00:00Z`) - step;
  const last = Date.parse(`${given[given.length - 1]}T00:00:00Z`) + step;
  return (last - first) / step < 20000
    ? Array.from({ length: Math.round((last - first) / step) + 1 }, (_, i) => new Date(first + i * step).toISOString().slice(0, 10))
    : given;
}

function drawTimeline(data) {
  const box = $('timeline');
  if (state.plot) { state.plot.destroy(); state.plot = null; }
  box.textContent = '';
  const days = dayAxis(data);
  if (!days) { box.append(el('p', { class: 'empty' }, 'No dated events.')); return; }
  const index = new Map(days.map((d, i) => [d, i]));
  const series = QUADS.map(() => days.map(() => 0));
  for (const b of data.buckets) {
    const q = QUADS.findIndex(([key]) => key === b.quad_class);
    if (q >= 0 && index.has(b.date)) series[q][index.get(b.date)] += b.count;
  }
  if (typeof Dygraph === 'undefined') {
    box.append(el('p', { class: 'empty' }, 'dygraphs is missing (run make).'));
    return;
  }
  const rows = days.map((d, i) => [new Date(`${d}T00:00:00Z`), ...series.map((s) => s[i])]);
  const chart = el('div', {});
  const legend = el('div', { class: 'legend-line' });
  box.append(chart, legend);
  state.plot = new Dygraph(chart, rows, {
    labels: ['date', ...QUADS.map(([, label]) => label)],
    colors: QUADS.map(([, , color]) => color),
    width: Math.max(300, box.clientWidth - 8),
    height: 220,
    fillGraph: true,
    fillAlpha: 0.12,
    strokeWidth: 2,
    drawPoints: days.length < 60,
    pointSize: 2,
    includeZero: true,
    labelsUTC: true,
    legend: 'always',
    labelsDiv: legend,
    ylabel: 'events',
  });
}

/* People killed and wounded per day or week (one series each), from /api/timeline?by=casualties. */
function drawCasualties(data) {
  const box = $('casualties');
  if (state.casualtyPlot) { state.casualtyPlot.destroy(); state.casualtyPlot = null; }
  box.textContent = '';
  const days = dayAxis(data);
  if (!days) { box.append(el('p', { class: 'empty' }, 'No killed or wounded reported for these events.')); return; }
  if (typeof Dygraph === 'undefined') {
    box.append(el('p', { class: 'empty' }, 'dygraphs is missing (run make).'));
    return;
  }
  const index = new Map(days.map((d, i) => [d, i]));
  const kinds = ['killed', 'wounded'];
  const series = kinds.map(() => days.map(() => 0));
  let total = 0;
  for (const b of data.buckets) {
    const k = kinds.indexOf(b.kind);
    if (k >= 0 && index.has(b.date)) { series[k][index.get(b.date)] += b.people; total += b.people; }
  }
  const rows = days.map((d, i) => [new Date(`${d}T00:00:00Z`), ...series.map((s) => s[i])]);
  const chart = el('div', {});
  const legend = el('div', { class: 'legend-line' });
  box.append(chart, legend);
  box.dataset.people = String(total);
  state.casualtyPlot = new Dygraph(chart, rows, {
    labels: ['date', ...kinds],
    colors: ['#8b1a1a', '#e08a2c'],
    width: Math.max(240, box.clientWidth - 8),
    height: 220,
    stepPlot: true,
    fillGraph: true,
    fillAlpha: 0.2,
    strokeWidth: 2,
    includeZero: true,
    labelsUTC: true,
    legend: 'always',
    labelsDiv: legend,
    ylabel: 'people',
  });
}

/* ---- map ---- */

/* Blues by event count (a log scale up to the largest country), or the Goldstein colours. */
function countColor(count, max) {
  if (!count) return '#f4f6f8';
  const t = Math.log(1 + count) / Math.log(1 + Math.max(max, 1));
  return `rgb(${Math.round(222 - 190 * t)}, ${Math.round(235 - 160 * t)}, ${Math.round(247 - 80 * t)})`;
}

function mapFilter(name, value, also) {
  const form = $('filters');
  form.elements[name].value = value;
  for (const [k, v] of Object.entries(also || {})) form.elements[k].value = v;
  apply();
}

function drawMap(data) {
  const box = $('map');
  state.mapData = data;
  if (typeof L === 'undefined') {
    box.textContent = 'Leaflet is missing (run make).';
    return;
  }
  if (!state.shapes) return; /* drawn when the outlines arrive */
  if (!state.map) {
    /* no tile layer: nothing is fetched from elsewhere, the outlines are the map */
    state.map = L.map(box, { worldCopyJump: false, minZoom: 1, maxZoom: 8, zoomSnap: 0.25,
      maxBounds: [[-85, -200], [85, 200]] }).fitBounds([[-56, -168], [78, 180]]);
    state.map.attributionControl.setPrefix('Leaflet');
    state.map.attributionControl.addAttribution('Natural Earth (public domain)');
    state.legend = L.control({ position: 'bottomleft' });
    state.legend.onAdd = () => el('div', { class: 'map-legend' });
    state.legend.addTo(state.map);
  }
  if (state.countryLayer) state.countryLayer.remove();
  if (state.placeLayer) state.placeLayer.remove();
  const byCode = new Map(data.countries.map((c) => [c.code, c]));
  const max = Math.max(0, ...data.countries.map((c) => c.count));
  const measure = $('map-measure').value;
  const selected = $('filters').elements.country.value.trim().toUpperCase();
  state.countryLayer = L.geoJSON(state.shapes, {
    style: (f) => {
      const c = byCode.get(f.id);
      const fill = !c ? '#f4f6f8' : measure === 'goldstein' ? goldsteinColor(c.goldstein) : countColor(c.count, max);
      return { color: f.id === selected ? '#1d2733' : '#9aa6b2', weight: f.id === selected ? 2.5 : 0.6,
        fillColor: fill, fillOpacity: c ? 0.85 : 0.6 };
    },
    onEachFeature: (f, layer) => {
      const c = byCode.get(f.id);
      layer.bindTooltip(`${f.properties.name} (${f.id || '?'}): ${c ? `${c.count} events, mean Goldstein ${c.goldstein ?? '—'}` : 'no events'}`, { sticky: true });
      layer.on('click', () => { if (f.id) mapFilter('country', f.id, { place: '' }); });
    },
  }).addTo(state.map);
  const pmax = Math.max(1, ...data.places.map((p) => p.count));
  state.placeLayer = L.layerGroup(data.places.map((p) => {
    const marker = L.circleMarker([p.lat, p.lon], { radius: 4 + 10 * Math.sqrt(p.count / pmax),
      color: '#fff', weight: 1, fillColor: goldsteinColor(p.goldstein), fillOpacity: 0.95, className: 'map-place' });
    marker.bindTooltip(`${p.place} (${p.country || '?'}): ${p.count} events, mean Goldstein ${p.goldstein ?? '—'}`);
    marker.on('click', () => mapFilter('place', p.place, { country: p.country || '' }));
    return marker;
  })).addTo(state.map);
  /* a country chosen (by a click or the filter): show it whole; none: the world */
  if (selected !== state.mapCountry) {
    state.mapCountry = selected;
    let bounds = null;
    state.countryLayer.eachLayer((l) => { if (l.feature.id === selected) bounds = l.getBounds(); });
    if (bounds) state.map.fitBounds(bounds, { maxZoom: 6, padding: [20, 20] });
    else state.map.fitBounds([[-56, -168], [78, 180]]);
  }
  const legend = state.legend.getContainer();
  legend.textContent = '';
  if (measure === 'goldstein') {
    for (const g of [-10, -5, 0, 5, 10]) legend.append(el('div', {}, el('i', { style: `background:${goldsteinColor(g)}` }), `Goldstein ${g}`));
  } else {
    for (const n of [1, Math.round(Math.sqrt(max)), max].filter((v, i, a) => v > 0 && a.indexOf(v) === i)) legend.append(el('div', {}, el('i', { style: `background:${countColor(n, max)}` }), `${n} event${n === 1 ? '' : 's'}`));
  }
  box.dataset.countries = String(data.countries.length);
  box.dataset.places = String(data.places.length);
}

async function loadShapes() {
  try {
    const response = await fetch('countries.geojson');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.shapes = await response.json();
  } catch (e) {
    $('map').textContent = `The country outlines could not be read (countries.geojson: ${e.message}; run make).`;
    return;
  }
  if (state.mapData) drawMap(state.mapData);
}

/* ---- network ---- */

function goldsteinColor(g) {
  if (g === null || g === undefined) return '#999';
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t < 0) return `rgb(${200}, ${Math.round(170 + 80 * t)}, ${Math.round(170 + 120 * t)})`;
  return `rgb(${Math.round(170 - 130 * t)}, ${Math.round(170 - 20 * t)}, ${Math.round(170 - 80 * t)})`;
}

/* Actors as circles (area by events), dyads as arrows (width by events, colour by mean
 * Goldstein score), placed by d3's force layout: run to rest before drawing, then dragging a
 * node lets it move again. A click on an actor filters the page by it. */
function drawNetwork(data) {
  const box = $('network');
  if (state.graph) { state.graph.stop(); state.graph = null; }
  box.textContent = '';
  if (!data.dyads.length) { box.append(el('p', { class: 'empty' }, 'No dyads.')); return; }
  if (typeof d3 === 'undefined') {
    box.append(el('p', { class: 'empty' }, 'd3 is missing (run make).'));
    return;
  }
  const width = Math.max(300, box.clientWidth);
  const height = Math.max(200, box.clientHeight || 380);
  const counts = new Map(data.actors.map((a) => [a.code, a.count]));
  const names = new Map(data.actors.map((a) => [a.code, a.name]));
  for (const d of data.dyads) { names.set(d.source, d.source_name); names.set(d.target, d.target_name); }
  const index = new Map();
  const nodes = [];
  for (const d of data.dyads) {
    for (const code of [d.source, d.target]) {
      if (index.has(code)) continue;
      index.set(code, nodes.length);
      const weight = counts.get(code) || 1;
      nodes.push({ id: code, name: names.get(code) || code, weight, r: 6 + 14 * Math.sqrt(Math.min(weight, 50) / 50) });
    }
  }
  const max = Math.max(...data.dyads.map((d) => d.count));
  const links = data.dyads.map((d) => ({ source: index.get(d.source), target: index.get(d.target),
    count: d.count, width: 1 + 7 * d.count / max, color: goldsteinColor(d.goldstein) }));
  const force = d3.layout.force().nodes(nodes).links(links).size([width, height])
    .charge(-Math.min(300, 8 * width * height / nodes.length / 100)).linkDistance(60)
    .gravity(0.15);
  force.start();
  for (let i = 0; i < 300; i++) force.tick();
  force.stop();

  const svg = d3.select(box).append('svg').attr('width', width).attr('height', height);
  svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 -4 8 8')
    .attr('refX', 8).attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
    .attr('markerUnits', 'userSpaceOnUse')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', '#667');
  const link = svg.selectAll('line.link').data(links).enter().append('line').attr('class', 'link')
    .style('stroke', (d) => d.color).style('stroke-width', (d) => d.width)
    .attr('marker-end', 'url(#arrow)');
  link.append('title').text((d) => `${d.source.name} -> ${d.target.name}: ${d.count} events`);
  const label = svg.selectAll('text.count').data(links).enter().append('text')
    .attr('class', 'count').text((d) => d.count);
  const node = svg.selectAll('g.node').data(nodes).enter().append('g').attr('class', 'node')
    .call(force.drag);
  node.append('circle').attr('r', (d) => d.r);
  node.append('text').attr('dx', (d) => d.r + 3).attr('dy', '.35em').text((d) => d.name);
  node.append('title').text((d) => `${d.name} (${d.id}): ${d.weight} events`);
  node.on('click', (d) => {
    if (d3.event.defaultPrevented) return; /* the end of a drag, not a click */
    $('filters').elements.actor.value = d.id;
    apply();
  });
  const inside = (v, r, size) => Math.max(r, Math.min(size - r, v));
  function place() {
    for (const n of nodes) { n.x = inside(n.x, n.r, width); n.y = inside(n.y, n.r, height); }
    /* arrows end at the edge of the target's circle */
    link.each(function position(d) {
      const dx = d.target.x - d.source.x;
      const dy = d.target.y - d.source.y;
      const length = Math.sqrt(dx * dx + dy * dy) || 1;
      d3.select(this).attr('x1', d.source.x).attr('y1', d.source.y)
        .attr('x2', d.target.x - dx * (d.target.r + 2) / length)
        .attr('y2', d.target.y - dy * (d.target.r + 2) / length);
    });
    label.attr('x', (d) => (d.source.x + d.target.x) / 2).attr('y', (d) => (d.source.y + d.target.y) / 2);
    node.attr('transform', (d) => `translate(${d.x},${d.y})`);
  }
  force.on('tick', place);
  place();
  state.graph = force;
}

function drawActors(data) {
  const list = $('actors');
  list.textContent = '';
  for (const a of data.actors.slice(0, 20)) {
    const link = el('a', { href: '#', title: a.code, onclick: (e) => { e.preventDefault(); $('filters').elements.actor.value = a.code; apply(); } }, a.name || a.code);
    list.append(el('li', {}, link, ` ${a.count}`, el('span', { class: 'gold', style: `color:${goldsteinColor(a.goldstein)}` }, a.goldstein === null ? '' : ` (${a.goldstein})`)));
  }
}

/* ---- events ---- */

function claim(e) {
  const a = e.attribution || {};
  if (!a.kind) return el('span', { class: 'muted' }, 'asserted by the article');
  return el('span', {}, el('span', { class: `kind kind-${a.kind}` }, a.kind), ' ', a.text || '');
}

/* An actor by its name, its code (and the text's words) on hover. */
function party(p) {
  if (!p || !p.code) return el('span', { class: 'muted' }, '—');
  return el('span', { class: 'actor', title: `${p.code}${p.text ? ` — “${p.text}”` : ''}` }, p.name || p.code);
}

/* The sentence with the event's words (byte offsets into it) marked. */
function sentenceWithSpan(text, span) {
  if (!text) return '';
  if (!span) return text;
  const bytes = encoder.encode(text);
  if (!(span.start >= 0 && span.end <= bytes.length && span.start < span.end)) return text;
  return el('span', {}, decoder.decode(bytes.slice(0, span.start)),
    el('mark', { class: 'hl-event' }, decoder.decode(bytes.slice(span.start, span.end))),
    decoder.decode(bytes.slice(span.end)));
}

function dateCell(e) {
  const d = e.date || {};
  const from = d.from === 'text' ? `from the text: “${d.text}”` : d.from === 'published' ? 'the publication date' : '';
  return el('span', { title: from }, d.value || e.day || '', el('br'), el('small', { class: 'muted' }, d.from || ''));
}

function placeCell(p) {
  if (!p || !(p.name || p.country)) return '';
  return el('span', { title: p.text || '' }, p.name || '', p.country && p.country !== p.name ? ` (${p.country})` : '');
}

/* Quantities linked to the event: killed, wounded, arrested, troops ... */
function countsCell(e) {
  const qs = e.quantities || [];
  if (!qs.length) return '';
  return el('span', {}, ...qs.map((q, i) => el('span', { class: 'qty', title: q.text || '' },
    i ? ', ' : '', `${q.qualifier === 'at_least' ? '≥' : q.qualifier === 'approx' ? '~' : ''}${q.value} ${q.unit || ''}`)));
}

function drawEvents(data) {
  const body = $('events').tBodies[0];
  body.textContent = '';
  for (const e of data.events) {
    const open = el('a', { href: `#article=${encodeURIComponent(e.article)}`, class: 'open-article',
      onclick: (ev) => { ev.preventDefault(); openArticle(e.article, e.sentence); } }, 'open');
    const reports = el('a', { href: `#event=${e.id}`, class: 'open-event', title: 'every article that reports it',
      onclick: (ev) => { ev.preventDefault(); openEvent(e.id); } }, `${e.num_articles} / ${e.num_sources}`);
    body.append(el('tr', { 'data-event': e.id },
      el('td', { class: 'date' }, dateCell(e)),
      el('td', {}, party(e.source)),
      el('td', {}, party(e.target)),
      el('td', { title: e.plover || '' }, `${e.cameo || ''} ${e.label || ''}`),
      el('td', { class: 'sentence-cell' }, sentenceWithSpan(e.sentence_text, e.span)),
      el('td', {}, placeCell(e.place)),
      el('td', {}, countsCell(e)),
      el('td', { class: 'num', style: `color:${goldsteinColor(e.goldstein)}` }, e.goldstein ?? ''),
      el('td', {}, claim(e), e.modality && e.modality !== 'asserted' ? el('div', { class: 'muted' }, e.modality) : null),
      el('td', { class: 'num' }, reports),
      el('td', {}, open)));
  }
  if (!data.events.length) body.append(el('tr', {}, el('td', { colspan: 11, class: 'empty' }, 'No events match.')));
  const from = data.offset + 1;
  $('events-count').textContent = data.events.length
    ? `${from}–${data.offset + data.events.length}${data.more ? ' (more)' : ''}` : '';
  $('prev').disabled = data.offset === 0;
  $('next').disabled = !data.more;
}

/* Download links of the current filter (every matching event, not only this page). */
function drawDownloads() {
  for (const format of ['csv', 'gdelt', 'plover']) {
    const params = filterParams();
    params.set('format', format);
    $(`download-${format}`).href = `/api/events?${params}`;
  }
}

/* ---- one event, every report ---- */

async function openEvent(id) {
  let data;
  try {
    data = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (e) {
    setStatus(`Event ${id}: ${e.message}`, true);
    return;
  }
  const e = data.event;
  $('event-title').textContent = `${e.source?.name || e.source?.code || '?'} → ${e.target?.name || e.target?.code || '?'}: ${e.cameo || ''} ${e.label || ''}`;
  $('event-meta').textContent = [e.day, e.place?.name, `${e.num_articles} article(s), ${e.num_sources} independent source(s), ${e.num_mentions} mention(s)`, e.plover, e.goldstein !== null ? `Goldstein ${e.goldstein}` : null].filter(Boolean).join(' · ');
  const list = $('event-reports');
  list.textContent = '';
  for (const r of data.reports) {
    const a = r.attribution || {};
    const who = a.kind ? `${a.text || a.kind} (${a.kind}${a.code ? `, ${a.code}` : ''})${a.cue ? ` — “${a.cue}”` : ''}` : 'the article itself';
    const qs = (r.quantities || []).map((q) => q.text).join(', ');
    const open = el('a', { href: `#article=${encodeURIComponent(r.article)}`, onclick: (ev) => { ev.preventDefault(); openArticle(r.article, r.sentence); } }, r.headline || r.article);
    list.append(el('li', { class: 'report' },
      el('div', { class: 'report-head' }, open, ' · ', r.publisher || 'unknown publisher', ' · ', r.published || 'undated'),
      el('blockquote', {}, sentenceWithSpan(r.sentence_text, r.span)),
      el('div', { class: 'muted' }, `claimed by ${who} · ${r.modality || ''} · date ${r.date?.value || '?'} (${r.date?.from || '?'})${qs ? ` · ${qs}` : ''}`)));
  }
  $('event-view').hidden = false;
  if (location.hash !== `#event=${id}`) history.replaceState(null, '', `#event=${id}`);
}

function closeEvent() {
  $('event-view').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
}

async function loadEvents() {
  drawDownloads();
  const params = filterParams();
  params.set('limit', PAGE);
  if (state.offset) params.set('offset', state.offset);
  drawEvents(await api('/api/events', params));
}

async function loadSearch() {
  const words = $('filters').elements.text.value.trim();
  const panel = $('search-panel');
  panel.hidden = !words;
  if (!words) return;
  const data = await api('/api/search', new URLSearchParams({ q: words, limit: 20 }));
  const list = $('hits');
  list.textContent = '';
  for (const h of data.hits) {
    list.append(el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); openArticle(h.article, h.sentence); } }, h.headline || h.article),
      ` (${h.published || 'undated'}): `, h.text));
  }
  if (!data.hits.length) list.append(el('li', { class: 'empty' }, 'No sentence has all these words.'));
}

/* ---- article view ---- */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/* Splits a sentence into pieces marked by the spans (body byte offsets) that cover them. */
function highlight(sentence, spans) {
  const bytes = encoder.encode(sentence.text);
  const cuts = new Set([0, bytes.length]);
  const local = [];
  for (const s of spans) {
    const a = s.start - sentence.start, b = s.end - sentence.start;
    if (!(a >= 0 && b <= bytes.length && a < b)) continue;
    local.push({ a, b, cls: s.cls, title: s.title });
    cuts.add(a); cuts.add(b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = decoder.decode(bytes.slice(a, b));
    const on = local.filter((s) => s.a <= a && s.b >= b);
    if (!on.length) { out.push(text); continue; }
    out.push(el('span', { class: on.map((s) => s.cls).join(' '), title: on.map((s) => s.title).filter(Boolean).join('; ') }, text));
  }
  return out;
}

function spansOf(article) {
  const spans = [];
  const add = (items, cls, title) => {
    for (const x of items || []) {
      if (typeof x.start === 'number' && typeof x.end === 'number') spans.push({ start: x.start, end: x.end, cls, title: title(x) });
    }
  };
  add(article.actors, 'hl-actor', (a) => `actor ${a.code || ''}`);
  add((article.events || []).map((e) => ({ ...(e.evidence || {}), e })), 'hl-event',
    (x) => `event ${x.e.cameo || ''} ${x.e.label || ''}: ${x.e.source?.code || '?'} → ${x.e.target?.code || '?'}`);
  add(article.quotes, 'hl-quote', (q) => `quote: ${q.speaker?.text || 'unknown speaker'}`);
  add(article.quantities, 'hl-quantity', (q) => `quantity ${q.value} ${q.unit || ''} (${q.qualifier || ''})`);
  add(article.dates, 'hl-date', (d) => `date ${d.value || ''}`);
  add(article.places, 'hl-place', (p) => `place ${p.name || ''} ${p.country || ''}`);
  return spans;
}

async function openArticle(id, sentence) {
  const path = id.includes('/') ? '/api/article' : `/api/articles/${encodeURIComponent(id)}`;
  const params = id.includes('/') ? new URLSearchParams({ id }) : null;
  let data;
  try {
    data = await api(path, params);
  } catch (e) {
    setStatus(`Article ${id}: ${e.message}`, true);
    return;
  }
  const a = data.article;
  const meta = a.meta || {};
  $('article-headline').textContent = meta.headline || a.id;
  $('article-meta').textContent = [meta.publisher, meta.byline, a.published, a.url].filter(Boolean).join(' · ');
  const events = $('article-events');
  events.textContent = '';
  for (const e of a.events || []) {
    const who = (e.attribution && e.attribution.kind) ? ` — according to ${e.attribution.text || e.attribution.kind} (${e.attribution.kind})` : '';
    const qs = (e.quantities || []).map((q) => q.text).join(', ');
    events.append(el('li', { class: 'article-event' },
      el('strong', { title: `${e.source?.code || '?'} → ${e.target?.code || '?'}` }, `${e.source?.name || e.source?.code || '?'} → ${e.target?.name || e.target?.code || '?'}`), ` ${e.cameo || ''} ${e.label || ''}`,
      ` [${e.modality || ''}]`, who, qs ? ` · ${qs}` : '', e.place ? ` · ${e.place.name || e.place.text}` : '',
      e.date ? ` · ${e.date.value || e.date.text}` : ''));
  }
  const body = $('article-body');
  body.textContent = '';
  const spans = spansOf(a);
  let para = -1, p = null;
  for (const s of a.sentences || []) {
    if (!p || (s.paragraph !== undefined && s.paragraph !== para)) {
      para = s.paragraph;
      p = el('p');
      body.append(p);
    }
    const span = el('span', { class: s.n === sentence ? 'sentence current' : 'sentence', 'data-n': s.n }, ...highlight(s, spans));
    p.append(span, ' ');
  }
  $('article').hidden = false;
  const current = body.querySelector('.current');
  if (current) current.scrollIntoView({ block: 'center' });
  if (location.hash !== `#article=${encodeURIComponent(id)}`) history.replaceState(null, '', `#article=${encodeURIComponent(id)}`);
}

function closeArticle() {
  $('article').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
}

/* ---- putting it together ---- */

async function apply(keepOffset) {
  if (!keepOffset) state.offset = 0;
  const params = filterParams();
  const url = `${location.pathname}?${params}`;
  history.replaceState(null, '', url + location.hash);
  setStatus('Loading…');
  try {
    const timelineParams = filterParams();
    timelineParams.set('interval', $('interval').value);
    const casualtyParams = new URLSearchParams(timelineParams);
    casualtyParams.set('by', 'casualties');
    const [timeline, actors, casualties, map] = await Promise.all([
      api('/api/timeline', timelineParams),
      api('/api/actors', params),
      api('/api/timeline', casualtyParams),
      api('/api/map', params),
      loadEvents(),
      loadSearch(),
    ]);
    drawTimeline(timeline);
    drawCasualties(casualties);
    drawMap(map);
    drawNetwork(actors);
    drawActors(actors);
    setStatus('');
  } catch (e) {
    setStatus(e.message, true);
  }
}

function init() {
  const root = $('filters').elements.root;
  for (const [code, name] of ROOTS) root.append(el('option', { value: code }, `${code} ${name}`));
  for (const type of PLOVER) $('filters').elements.plover.append(el('option', { value: type }, type));
  const given = new URLSearchParams(location.search);
  for (const name of FILTERS) if (given.has(name)) $('filters').elements[name].value = given.get(name);
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  /* the form's own reset(): form.reset is the button named "reset" */
  $('reset').addEventListener('click', () => { HTMLFormElement.prototype.reset.call($('filters')); apply(); });
  $('interval').addEventListener('change', () => apply(true));
  $('map-measure').addEventListener('change', () => { if (state.mapData) drawMap(state.mapData); });
  loadShapes();
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents().catch((e) => setStatus(e.message, true)); });
  $('next').addEventListener('click', () => { state.offset += PAGE; loadEvents().catch((e) => setStatus(e.message, true)); });
  $('close-article').addEventListener('click', closeArticle);
  $('close-event').addEventListener('click', closeEvent);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') { closeArticle(); closeEvent(); } });
  window.addEventListener('resize', () => {
    if (state.plot) state.plot.resize(Math.max(300, $('timeline').clientWidth - 8), 220);
    if (state.casualtyPlot) state.casualtyPlot.resize(Math.max(240, $('casualties').clientWidth - 8), 220);
    if (state.map) state.map.invalidateSize();
  });
  apply();
  const m = location.hash.match(/^#article=(.+)$/);
  if (m) openArticle(decodeURIComponent(m[1]));
  const ev = location.hash.match(/^#event=([0-9]+)$/);
  if (ev) openEvent(ev[1]);
}

init();
