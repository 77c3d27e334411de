// dashboard.mjs - end-to-end test of the dashboard in headless Chromium (Debian's, driven by
// playwright-core from npm): loads the page from a running `sitrep serve`, checks the charts
// and the event table, applies a filter (CAMEO root 19), opens an article and checks its
// highlights, saves a screenshot. Any request that leaves the server fails the test (the
// dashboard must work offline). Usage: node dashboard.mjs URL SCREENSHOT.png
import { chromium } from 'playwright-core';

const [, , url, screenshot] = process.argv;
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const errors = [];
  const outside = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin)) return route.continue();
    outside.push(u);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForSelector('#events tbody tr[data-event]', { timeout: 15000 });
  const before = await page.locator('#events tbody tr[data-event]').count();
  check(before > 0, 'the event table is empty');
  check(await page.locator('#timeline canvas').count() > 0, 'no timeline chart (uPlot)');
  check(await page.locator('#network canvas').count() > 0, 'no actor network (cytoscape)');
  check(await page.locator('#actors li').count() > 0, 'no top actors');

  // A filter: CAMEO root 19 (fight). Every row shown must then be a 19x event.
  await page.selectOption('select[name=root]', '19');
  await page.click('#apply');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#events tbody tr[data-event]')];
    return rows.length > 0 && rows.every((r) => r.cells[3].textContent.trim().startsWith('19'));
  }, null, { timeout: 15000 });
  const after = await page.locator('#events tbody tr[data-event]').count();
  check(after > 0 && after <= before, `filter root=19: ${after} rows (before ${before})`);
  check(page.url().includes('root=19'), 'the filter is not in the address');
  // The address keeps the filter: reloading shows the same rows.
  await page.reload();
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('#events tbody tr[data-event]')];
    return rows.length === n && rows.every((r) => r.cells[3].textContent.trim().startsWith('19'));
  }, after, { timeout: 15000 });
  check(await page.inputValue('select[name=root]') === '19', 'the filter is not restored on reload');
  const claim = await page.locator('#events tbody tr[data-event] td:nth-child(7)').first().textContent();
  check(claim.trim().length > 0, 'no source of claim shown');

  // Open the first event's article.
  const sentenceText = await page.locator('#events tbody tr[data-event] td:nth-child(4)').first().getAttribute('title');
  await page.locator('#events tbody tr[data-event] a.open-article').first().click();
  await page.waitForSelector('#article:not([hidden]) #article-body .sentence', { timeout: 15000 });
  const headline = (await page.locator('#article-headline').textContent()).trim();
  check(headline.length > 0, 'the article has no headline');
  const actors = await page.locator('#article-body .hl-actor').count();
  const events = await page.locator('#article-body .hl-event').count();
  const listed = await page.locator('#article-events li').count();
  check(actors > 0, 'no actor highlighted in the article');
  check(events > 0, 'no event span highlighted in the article');
  check(listed > 0, 'the article lists no events');
  const current = await page.locator('#article-body .sentence.current').textContent();
  check(!sentenceText || current.trim() === sentenceText.trim(),
    `the marked sentence is not the event's: '${current}' vs '${sentenceText}'`);
  check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  check(outside.length === 0, `requests outside the server: ${outside.join(' ')}`);
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(`e2e: rows ${before} -> ${after} after root=19; article '${headline}': ${actors} actors, ${events} event spans, ${listed} events listed; screenshot ${screenshot}`);
} finally {
  await browser.close();
}
if (failures.length) {
  for (const f of failures) console.log(`e2e: FAIL ${f}`);
  process.exit(1);
}
