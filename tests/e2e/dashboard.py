#!/usr/bin/env python3
"""dashboard.py - end-to-end test of the dashboard in headless Chromium, all from Debian's
packages (chromium, chromium-driver, python3-selenium): loads the page from a running
`sitrep serve`, checks the timeline (dygraphs) and the actor network (d3), the event table,
applies a filter (CAMEO root 19) that must reach the address and survive a reload, checks
that actors are shown by name (code on hover) and the event's words are marked in its
sentence, downloads the filtered events as CSV, GDELT and PLOVER and checks the rows, opens one
event's reports, clicks an actor in the network, opens an article and checks its highlights,
checks the map (Leaflet: country outlines coloured by the API's counts, a click on a country
and on a city filters the page) and the chart of people killed and wounded, and saves
screenshots (SCREENSHOT.png the page, SCREENSHOT-map.png the map, SCREENSHOT-table.png the
events, SCREENSHOT-event.png the event's reports, SCREENSHOT-article.png the article view).
Any request that leaves the server fails the test (the dashboard must work offline).

Usage: dashboard.py URL SCREENSHOT.png   (CHROMIUM and CHROMEDRIVER override the paths)
Exit status: 0 passed, 1 a check failed, 2 the browser could not be started.
"""
import csv
import io
import json
import os
import re
import signal
import sys
import urllib.request
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import (StaleElementReferenceException, TimeoutException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common import utils
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROWS = '#events tbody tr[data-event]'


class LoopbackService(Service):
    """chromedriver reached at 127.0.0.1: Selenium's default, "localhost", needs a name
    lookup that a bare root (no /etc/hosts, as a fresh debootstrap) cannot do."""

    @property
    def service_url(self):
        return f'http://127.0.0.1:{self.port}'

    def is_connectable(self):
        return utils.is_connectable(self.port, host='127.0.0.1')


def start(url):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get('CHROMIUM', '/usr/bin/chromium')
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                '--window-size=1400,1100', '--no-first-run', '--disable-extensions',
                '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--metrics-recording-only', '--no-default-browser-check',
                # every name but the server's address resolves to nothing: nothing leaves
                f'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE {urlsplit(url).hostname}'):
        options.add_argument(arg)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL', 'performance': 'ALL'})
    service = LoopbackService(executable_path=os.environ.get('CHROMEDRIVER', '/usr/bin/chromedriver'))
    return webdriver.Chrome(service=service, options=options)


def main():
    url, screenshot = sys.argv[1], sys.argv[2]
    origin = '{0.scheme}://{0.netloc}'.format(urlsplit(url))
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    try:
        driver = start(url)
    except WebDriverException as e:
        print(f'e2e: cannot start Chromium through chromedriver: {e.msg}')
        return 2
    try:
        # rows redrawn while a check reads them are read again
        wait = WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,))
        rows = lambda: driver.find_elements(By.CSS_SELECTOR, ROWS)
        driver.get(url)
        wait.until(lambda d: rows())
        before = len(rows())
        check(before > 0, 'the event table is empty')
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#timeline canvas'))
        check(driver.find_elements(By.CSS_SELECTOR, '#timeline canvas'),
              'no timeline chart (dygraphs)')
        legend = driver.find_elements(By.CSS_SELECTOR, '#timeline .legend-line')
        check(legend and 'conflict' in legend[0].get_attribute('textContent'),
              'the timeline has no legend naming the quad classes')
        circles = driver.find_elements(By.CSS_SELECTOR, '#network svg g.node circle')
        arrows = driver.find_elements(By.CSS_SELECTOR, '#network svg line.link')
        check(circles, 'no actors in the network (d3)')
        check(arrows, 'no dyads in the network (d3)')
        check(driver.find_elements(By.CSS_SELECTOR, '#actors li'), 'no top actors')
        # People killed and wounded: a chart when the API has some, else a message saying so.
        with urllib.request.urlopen(origin + '/api/timeline?by=casualties', timeout=20) as a:
            casualties = json.loads(a.read())['buckets']
        people = sum(b['people'] for b in casualties)
        if casualties:
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#casualties canvas'),
                       'the casualty chart')
            shown = driver.find_element(By.ID, 'casualties').get_attribute('data-people')
            check(shown and float(shown) == people,
                  f'the casualty chart shows {shown} people, the API {people}')
        else:
            check('No killed' in driver.find_element(By.ID, 'casualties').text,
                  'no casualties and no message saying so')
        driver.save_screenshot(screenshot)

        # The map: every country outline drawn, those with events coloured, cities as circles.
        with urllib.request.urlopen(origin + '/api/map', timeout=20) as a:
            mapped = json.loads(a.read())
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR,
                                                 '#map path.leaflet-interactive')) > 150,
                   'the map outlines')
        outlines = len(driver.find_elements(By.CSS_SELECTOR, '#map path.leaflet-interactive'))
        painted = driver.execute_script(
            "const out = []; state.countryLayer.eachLayer((l) => { if (l.options.fillColor !== "
            "'#f4f6f8') out.push(l.feature.id); }); return out;")
        codes = {c['code'] for c in mapped['countries']}
        drawable = driver.execute_script(
            "const ids = new Set(); state.countryLayer.eachLayer((l) => ids.add(l.feature.id));"
            " return [...ids];")
        check(set(painted) == codes & set(drawable),
              f'countries coloured {sorted(painted)} but the API counts {sorted(codes)}')
        places = driver.find_elements(By.CSS_SELECTOR, '#map path.map-place')
        check(len(places) == len(mapped['places']),
              f'{len(places)} city circles for {len(mapped["places"])} cities')
        driver.execute_script("document.getElementById('map-panel').scrollIntoView();"
                              "window.scrollBy(0, -document.querySelector('header').offsetHeight)")
        driver.save_screenshot(screenshot.replace('.png', '-map.png'))
        clicked_country = ''
        if painted:
            # a real click inside the largest country with events: a point of its outline found
            # by asking the page which element is under it
            target = max(mapped['countries'], key=lambda c: c['count'] if c['code'] in painted else -1)
            point = driver.execute_script('''
                let el = null, box = null;
                state.countryLayer.eachLayer((l) => { if (l.feature.id === arguments[0]) el = l.getElement(); });
                if (!el) return null;
                box = el.getBoundingClientRect();
                for (let n = 4; n <= 64; n *= 2)
                  for (let i = 1; i < n; i++)
                    for (let j = 1; j < n; j++) {
                      // whole pixels (the click is made at whole pixels) with a margin of two
                      // pixels on every side, so that no circle's edge is hit instead
                      const x = Math.round(box.left + box.width * i / n),
                            y = Math.round(box.top + box.height * j / n);
                      if ([[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]].every(([dx, dy]) =>
                              document.elementFromPoint(x + dx, y + dy) === el)) return [x, y];
                    }
                return null;''', target['code'])
            check(point, f"no point of {target['code']}'s outline can be clicked")
            if point:
                clicker = ActionBuilder(driver)  # viewport coordinates, as elementFromPoint's
                clicker.pointer_action.move_to_location(int(point[0]), int(point[1]))
                clicker.pointer_action.click()
                clicker.perform()
                try:
                    wait.until(lambda d: f"country={target['code']}" in d.current_url)
                    wait.until(lambda d: rows() and all(
                        r.get_attribute('data-event') for r in rows()))
                    clicked_country = target['code']
                except TimeoutException:
                    failures.append(f"a click on {target['code']} on the map did not filter by it")
                with urllib.request.urlopen(f"{origin}/api/events?country={target['code']}&limit=500",
                                            timeout=20) as a:
                    expected = len(json.loads(a.read())['events'])
                wait.until(lambda d: len(rows()) == min(expected, 50),
                           f"the events of {target['code']} after the click on the map")
        if mapped['places']:
            # a circle on top of any other (nearby cities overlap at a small zoom)
            point = driver.execute_script('''
                for (const el of document.querySelectorAll('#map path.map-place')) {
                  const box = el.getBoundingClientRect();
                  const x = box.left + box.width / 2, y = box.top + box.height / 2;
                  if (document.elementFromPoint(x, y) === el) return [x, y];
                }
                return null;''')
            check(point, 'no city circle can be clicked')
            if point:
                clicker = ActionBuilder(driver)
                clicker.pointer_action.move_to_location(int(point[0]), int(point[1]))
                clicker.pointer_action.click()
                clicker.perform()
                try:
                    wait.until(lambda d: 'place=' in d.current_url)
                except TimeoutException:
                    failures.append('a click on a city on the map did not filter by it')
        driver.find_element(By.ID, 'reset').click()
        wait.until(lambda d: 'country=' not in d.current_url and len(rows()) == before,
                   'the page after Reset')

        # A filter: CAMEO root 19 (fight). Every row shown must then be a 19x event.
        Select(driver.find_element(By.CSS_SELECTOR, 'select[name=root]')).select_by_value('19')
        driver.find_element(By.ID, 'apply').click()

        def only_19(d, count=None):
            shown = rows()
            return (shown and (count is None or len(shown) == count) and
                    all(r.find_elements(By.TAG_NAME, 'td')[3].text.strip().startswith('19')
                        for r in shown))
        wait.until(only_19)
        after = len(rows())
        check(0 < after <= before, f'filter root=19: {after} rows (before {before})')
        check('root=19' in driver.current_url, 'the filter is not in the address')
        # The address keeps the filter: reloading shows the same rows.
        driver.refresh()
        wait.until(lambda d: only_19(d, after))
        root = Select(driver.find_element(By.CSS_SELECTOR, 'select[name=root]'))
        check(root.first_selected_option.get_attribute('value') == '19',
              'the filter is not restored on reload')
        claim = driver.find_element(By.CSS_SELECTOR, ROWS + ' td:nth-child(9)').text
        check(claim.strip(), 'no source of claim shown')

        # Names: each actor by its name, its code on hover; some name is not its code.
        actors_shown = driver.find_elements(By.CSS_SELECTOR, ROWS + ' span.actor')
        named = [a for a in actors_shown
                 if a.text.strip() and a.text.strip() != a.get_attribute('title').split(' ')[0]]
        check(actors_shown and named, 'actors are shown by their codes, not by names')
        top = driver.find_elements(By.CSS_SELECTOR, '#actors li a')
        check(top and all(a.text.strip() for a in top) and
              any(a.text.strip() != a.get_attribute('title') for a in top),
              'the top actors are not named')
        marks = driver.find_elements(By.CSS_SELECTOR, ROWS + ' td.sentence-cell mark.hl-event')
        check(marks, "no event's words marked in its sentence")
        driver.execute_script("document.getElementById('events-panel').scrollIntoView()")
        driver.save_screenshot(screenshot.replace('.png', '-table.png'))
        driver.execute_script('window.scrollTo(0, 0)')

        # Downloads of the filter: every row a root 19 event, as many as the store holds.
        def fetch(link_id):
            href = driver.find_element(By.ID, link_id).get_attribute('href')
            check('root=19' in href, f'{link_id}: the download is not of the filter ({href})')
            with urllib.request.urlopen(href, timeout=20) as answer:
                return answer.headers, answer.read().decode('utf-8')
        headers, text = fetch('download-csv')
        check('attachment' in headers.get('Content-Disposition', ''),
              'the CSV download has no Content-Disposition')
        table = list(csv.DictReader(io.StringIO(text)))
        check(len(table) >= after and all(r['root'] == '19' for r in table),
              f'CSV download: {len(table)} rows, not all root 19 (the page shows {after})')
        _, text = fetch('download-gdelt')
        gdelt = [line.split('\t') for line in text.splitlines()[1:]]
        check(gdelt and all(len(r) == 61 and r[28] == '19' for r in gdelt),
              'GDELT download: rows without 61 columns or not root 19')
        _, text = fetch('download-plover')
        plover = [json.loads(line) for line in text.splitlines()]
        check(plover and all(r['cameo'].startswith('19') for r in plover),
              'PLOVER download: records not of root 19')

        # One event, every report: the articles that report it with their wording.
        first = driver.find_element(By.CSS_SELECTOR, ROWS + ' a.open-event')
        articles = int(first.text.split('/')[0])
        first.click()
        wait.until(lambda d: d.find_elements(
            By.CSS_SELECTOR, '#event-view:not([hidden]) #event-reports li'))
        reports = driver.find_elements(By.CSS_SELECTOR, '#event-reports li')
        check(len(reports) >= articles, f'the event view lists {len(reports)} reports for '
              f'{articles} articles')
        check(all(r.find_element(By.TAG_NAME, 'blockquote').text.strip() for r in reports),
              'a report without its sentence')
        check(driver.find_elements(By.CSS_SELECTOR, '#event-reports mark.hl-event'),
              "the reports do not mark the event's words")
        driver.save_screenshot(screenshot.replace('.png', '-event.png'))
        driver.find_element(By.ID, 'close-event').click()

        # Open the first event's article.
        sentence = driver.find_element(By.CSS_SELECTOR, ROWS + ' td:nth-child(5)') \
            .get_attribute('textContent')
        driver.find_element(By.CSS_SELECTOR, ROWS + ' a.open-article').click()
        wait.until(lambda d: d.find_elements(
            By.CSS_SELECTOR, '#article:not([hidden]) #article-body .sentence'))
        headline = driver.find_element(By.ID, 'article-headline').text.strip()
        check(headline, 'the article has no headline')
        actors = len(driver.find_elements(By.CSS_SELECTOR, '#article-body .hl-actor'))
        events = len(driver.find_elements(By.CSS_SELECTOR, '#article-body .hl-event'))
        listed = len(driver.find_elements(By.CSS_SELECTOR, '#article-events li'))
        check(actors > 0, 'no actor highlighted in the article')
        check(events > 0, 'no event span highlighted in the article')
        check(listed > 0, 'the article lists no events')
        current = driver.find_element(By.CSS_SELECTOR, '#article-body .sentence.current') \
            .get_attribute('textContent')
        check(not sentence or current.strip() == sentence.strip(),
              f"the marked sentence is not the event's: '{current}' vs '{sentence}'")
        driver.save_screenshot(screenshot.replace('.png', '-article.png'))
        driver.find_element(By.ID, 'close-article').click()

        # A click on an actor of the network filters the page by it. The layout may put one
        # node over another: the node clicked is the first whose circle is on top at its
        # centre, so that the click is a real one.
        node = driver.find_elements(By.CSS_SELECTOR, '#network svg g.node')
        on_top = [n for n in node if driver.execute_script(
            'const c = arguments[0].querySelector("circle");'
            'c.scrollIntoView({block: "center"});'
            'const r = c.getBoundingClientRect();'
            'const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);'
            'return e === c || (e && c.parentNode.contains(e));', n)]
        node = on_top or node
        # the label is the actor's name; its code is in the hover title: "NAME (CODE): N events"
        title = node[0].find_element(By.TAG_NAME, 'title').get_attribute('textContent') \
            if node else ''
        code = re.search(r'\(([A-Z0-9]+)\): ', title).group(1) if node else ''
        check(not node or node[0].find_element(By.TAG_NAME, 'text').text != code,
              'the network labels actors by code, not by name')
        if node:
            # centred again: the loop above scrolled the last node into view, which may leave
            # this one under the sticky filter bar
            circle = node[0].find_element(By.TAG_NAME, 'circle')
            driver.execute_script('arguments[0].scrollIntoView({block: "center"});', circle)
            circle.click()
            try:
                wait.until(lambda d: f'actor={code}' in d.current_url)
            except TimeoutException:
                failures.append(f'a click on {code} in the network did not filter by it')

        errors = [e['message'] for e in driver.get_log('browser') if e['level'] == 'SEVERE']
        check(not errors, f'page errors: {" | ".join(errors)}')
        outside = set()
        for entry in driver.get_log('performance'):
            message = json.loads(entry['message'])['message']
            if message.get('method') == 'Network.requestWillBeSent':
                requested = message['params']['request']['url']
                if not requested.startswith((origin, 'data:')):
                    outside.add(requested)
        check(not outside, f'requests outside the server: {" ".join(sorted(outside))}')
        print(f"e2e: rows {before} -> {after} after root=19; downloads {len(table)} CSV, "
              f"{len(gdelt)} GDELT, {len(plover)} PLOVER rows; event view {len(reports)} "
              f"reports; map {outlines} outlines, {len(painted)} countries coloured, "
              f"{len(places)} cities, click filtered by {clicked_country or '-'}; casualties "
              f"{people:g} people; network {len(circles)} actors, "
              f"{len(arrows)} dyads, click filtered by {code}; article '{headline}': {actors} "
              f"actors, {events} event spans, {listed} events listed; screenshots {screenshot}")
    except TimeoutException as e:
        failures.append(f'timed out waiting for the page ({e.msg or "no detail"})')
    finally:
        driver.quit()
    for f in failures:
        print(f'e2e: FAIL {f}')
    return 1 if failures else 0


if __name__ == '__main__':
    # timeout(1) stops the test with SIGTERM: quit the browser on the way out (finally above)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    sys.exit(main())
