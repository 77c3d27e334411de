#!/usr/bin/env python3
"""dashboard.py - end-to-end test of the dashboard in headless Chromium, all from Debian's
packages (chromium, chromium-driver, python3-selenium): loads the page from a running
`sitrep serve`, checks the timeline (dygraphs) and the actor network (d3), the event table,
applies a filter (CAMEO root 19) that must reach the address and survive a reload, clicks an
actor in the network, opens an article and checks its highlights, and saves screenshots
(SCREENSHOT.png the page, SCREENSHOT-article.png the article view).
Any request that leaves the server fails the test (the dashboard must work offline).

Usage: dashboard.py URL SCREENSHOT.png   (CHROMIUM and CHROMEDRIVER override the paths)
Exit status: 0 passed, 1 a check failed, 2 the browser could not be started.
"""
import json
import os
import signal
import sys
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import (StaleElementReferenceException, TimeoutException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common import utils
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
        # a table redrawn while a condition reads its rows is read again, not a failure
        wait = WebDriverWait(driver, 15, ignored_exceptions=[StaleElementReferenceException])
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
        driver.save_screenshot(screenshot)

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
        claim = driver.find_element(By.CSS_SELECTOR, ROWS + ' td:nth-child(7)').text
        check(claim.strip(), 'no source of claim shown')

        # Open the first event's article.
        sentence = driver.find_element(By.CSS_SELECTOR, ROWS + ' td:nth-child(4)') \
            .get_attribute('title')
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

        # A click on an actor of the network filters the page by it.
        node = driver.find_elements(By.CSS_SELECTOR, '#network svg g.node')
        code = node[0].find_element(By.TAG_NAME, 'text').text if node else ''
        if node:
            node[0].find_element(By.TAG_NAME, 'circle').click()
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
        print(f"e2e: rows {before} -> {after} after root=19; network {len(circles)} actors, "
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
