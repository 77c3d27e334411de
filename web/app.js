/* app.js - the sitrep dashboard: reads the filters, asks the JSON API (/api/timeline,
 * /api/actors, /api/events, /api/search, /api/articles/ID) and draws the timeline (dygraphs),
 * the actor network (a d3 force layout in SVG), the event table and the article view with its
 * highlights. Both libraries come from Debian's packages (tools/web-build.sh).
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
  'attribution', 'text'];
const PAGE = 50;

const $ = (id) => document.getElementById(id);
const state = { offset: 0, plot: null, graph: null };

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
    if (['actor', 'target'].includes(name)) v = v.toUpperCase();
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

function drawTimeline(data) {
  const box = $('timeline');
  if (state.plot) { state.plot.destroy(); state.plot = null; }
  box.textContent = '';
  const given = [...new Set(data.buckets.map((b) => b.date))].sort();
  if (!given.length) { box.append(el('p', { class: 'empty' }, 'No dated events.')); return; }
  /* every day (or week) from the first to the last, so that quiet ones show as zero */
  const step = (data.interval === 'day' ? 1 : 7) * 86400000;
  /* one empty step before and after, so that a single week still has a line and a range */
  const first = Date.parse(`${given[0]}T00:00:00Z`) - step;
  const last = Date.parse(`${given[given.length - 1]}T00:00:00Z`) + step;
  const days = (last - first) / step < 20000
    ? Array.from({ length: Math.round((last - first) / step) + 1 }, (_, i) => new Date(first + i * step).toISOString().slice(0, 10))
    : given;
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
  const index = new Map();
  const nodes = [];
  for (const d of data.dyads) {
    for (const code of [d.source, d.target]) {
      if (index.has(code)) continue;
      index.set(code, nodes.length);
      const weight = counts.get(code) || 1;
      nodes.push({ id: code, weight, r: 6 + 14 * Math.sqrt(Math.min(weight, 50) / 50) });
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
  link.append('title').text((d) => `${d.source.id} -> ${d.target.id}: ${d.count} events`);
  const label = svg.selectAll('text.count').data(links).enter().append('text')
    .attr('class', 'count').text((d) => d.count);
  const node = svg.selectAll('g.node').data(nodes).enter().append('g').attr('class', 'node')
    .call(force.drag);
  node.append('circle').attr('r', (d) => d.r);
  node.append('text').attr('dx', (d) => d.r + 3).attr('dy', '.35em').text((d) => d.id);
  node.append('title').text((d) => `${d.id}: ${d.weight} events`);
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
    const link = el('a', { href: '#', onclick: (e) => { e.preventDefault(); $('filters').elements.actor.value = a.code; apply(); } }, a.code);
    list.append(el('li', {}, link, ` ${a.count}`, el('span', { class: 'gold', style: `color:${goldsteinColor(a.goldstein)}` }, a.goldstein === null ? '' : ` (${a.goldstein})`)));
  }
}

/* ---- events ---- */

function claim(e) {
  const a = e.attribution || {};
  if (!a.kind) return el('span', { class: 'muted' }, 'asserted by the article');
  return el('span', {}, el('span', { class: `kind kind-${a.kind}` }, a.kind), ' ', a.text || '');
}

function party(p) {
  return el('span', { title: p.text || '' }, p.code || '—');
}

function drawEvents(data) {
  const body = $('events').tBodies[0];
  body.textContent = '';
  for (const e of data.events) {
    const open = el('a', { href: `#article=${encodeURIComponent(e.article)}`, class: 'open-article',
      onclick: (ev) => { ev.preventDefault(); openArticle(e.article, e.sentence); } }, 'open');
    body.append(el('tr', { 'data-event': e.id },
      el('td', {}, e.day || ''),
      el('td', {}, party(e.source)),
      el('td', {}, party(e.target)),
      el('td', { title: e.sentence_text || '' }, `${e.cameo || ''} ${e.label || ''}`),
      el('td', { class: 'num', style: `color:${goldsteinColor(e.goldstein)}` }, e.goldstein ?? ''),
      el('td', {}, e.modality || ''),
      el('td', {}, claim(e)),
      el('td', { class: 'num', title: 'mentions / articles / sources' }, `${e.num_mentions}/${e.num_articles}/${e.num_sources}`),
      el('td', {}, open)));
  }
  if (!data.events.length) body.append(el('tr', {}, el('td', { colspan: 9, class: 'empty' }, 'No events match.')));
  const from = data.offset + 1;
  $('events-count').textContent = data.events.length
    ? `${from}–${data.offset + data.events.length}${data.more ? ' (more)' : ''}` : '';
  $('prev').disabled = data.offset === 0;
  $('next').disabled = !data.more;
}

async function loadEvents() {
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
      el('strong', {}, `${e.source?.code || '?'} → ${e.target?.code || '?'}`), ` ${e.cameo || ''} ${e.label || ''}`,
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
    const [timeline, actors] = await Promise.all([
      api('/api/timeline', timelineParams),
      api('/api/actors', params),
      loadEvents(),
      loadSearch(),
    ]);
    drawTimeline(timeline);
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
  const given = new URLSearchParams(location.search);
  for (const name of FILTERS) if (given.has(name)) $('filters').elements[name].value = given.get(name);
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('reset').addEventListener('click', () => { $('filters').reset(); apply(); });
  $('interval').addEventListener('change', () => apply(true));
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents().catch((e) => setStatus(e.message, true)); });
  $('next').addEventListener('click', () => { state.offset += PAGE; loadEvents().catch((e) => setStatus(e.message, true)); });
  $('close-article').addEventListener('click', closeArticle);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeArticle(); });
  window.addEventListener('resize', () => { if (state.plot) state.plot.resize(Math.max(300, $('timeline').clientWidth - 8), 220); });
  apply();
  const m = location.hash.match(/^#article=(.+)$/);
  if (m) openArticle(decodeURIComponent(m[1]));
}

init();
