// The shift, as a reader sees it: what changed is marked and named on the graphic, two dates can be
// compared, every line can be pointed at, dates are never more precise than the data, the sentence
// stays short, play does not shake the page, and the first screen shows the network. Runs on the
// frozen copy of the story (mechanics); the release build under /powershift/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, FROZEN_STORY } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const snapshot = (date) => JSON.parse(execFileSync('target/release/powershift', ['snapshot', FROZEN_STORY, '--date', date]).toString());
const url = (query = '') => `${srv.appUrl}?data=test-data/story-frozen.json${query ? '&' + query : ''}`;

async function withPage(viewport, fn, { reducedMotion = 'reduce' } = {}) {
  const { context, page, problems } = await openPage(browser, viewport);
  try {
    await page.emulateMedia({ reducedMotion });
    await fn(page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
  } finally {
    await context.close();
  }
}

async function open(page, query) {
  await page.goto(url(query));
  await page.getByRole('group', { name: /Partnership network/ }).waitFor();
}

const sentence = (page) => page.getByTestId('sentence').textContent();

test('the 27 April 2026 change is emphasised on the graphic and named', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2026-04-27');
    const marked = page.locator('svg.network .edges .edge.changed, svg.network .edges .edge.began');
    assert.ok(await marked.count() >= 1, 'a changed line is marked');
    assert.ok(await page.locator('svg.network .edges .edge.muted').count() >= 1, 'the rest is muted');
    const names = await marked.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(names.some((n) => /changed on 27 April 2026: now /.test(n) || /began on 27 April 2026/.test(n)), names.join('\n'));
    const note = await page.locator('svg.network .annotation text').textContent();
    assert.match(note, /Microsoft and OpenAI/);
    assert.match(await sentence(page), /^27 April 2026: Microsoft and OpenAI/);
  });
});

test('a compare deep link lists what began and ended between the two dates', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2026-04-28&compare=2019-07-22');
    const [a, b] = [snapshot('2019-07-22'), snapshot('2026-04-28')];
    const began = b.edges.filter((e) => !a.edges.some((x) => x.id === e.id));
    const ended = a.edges.filter((e) => !b.edges.some((x) => x.id === e.id));
    const text = await sentence(page);
    assert.match(text, new RegExp(`^Since 22 July 2019: ${began.length} began, ${ended.length} ended, \\d+ changed\\.`), text);
    assert.equal(await page.getByRole('combobox', { name: 'Compare with' }).inputValue(), '2019-07-22');
    // Ended ties are drawn as ghosts between organisations still present.
    const ghosts = await page.locator('svg.network .ghost').evaluateAll((els) => els.map((e) => e.getAttribute('data-ghost')));
    for (const g of ghosts) assert.ok(ended.some((e) => e.id === g), g);
    // Stop comparing: back to the latest change.
    await page.getByRole('combobox', { name: 'Compare with' }).selectOption('');
    assert.match(await sentence(page), /^28 April 2026: /);
    // The address follows the view just after the paint (scrubbing and comparing replace it).
    await page.waitForFunction(() => !location.search.includes('compare='));
  });
});

for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`a click at the middle of every drawn line selects that line or its pair (${w} px)`, async () => {
    await withPage({ width: w, height: h }, async (page) => {
      await open(page, 'date=2025-01-21');
      const lines = page.locator('svg.network .edges > g');
      const n = await lines.count();
      assert.ok(n >= 10);
      for (let i = 0; i < n; i++) {
        const line = lines.nth(i);
        const [rels, pair] = await Promise.all([line.getAttribute('data-rels'), line.getAttribute('data-pair')]);
        const mid = await line.locator('.edge-line').evaluate((p) => {
          // On a phone the drawing goes on below the first screen: the line is brought into view.
          p.scrollIntoView({ block: 'center' });
          const c = p.getScreenCTM();
          const m = p.getPointAtLength(p.getTotalLength() / 2);
          return { x: m.x * c.a + m.y * c.c + c.e, y: m.x * c.b + m.y * c.d + c.f };
        });
        await page.mouse.click(mid.x, mid.y);
        if (pair) {
          await page.getByTestId('pair-details').waitFor();
        } else {
          await page.getByTestId('rel-details').waitFor();
          assert.match(await page.locator(`svg.network [data-rel="${rels}"]`).getAttribute('class'), /selected/, rels);
        }
        await page.keyboard.press('Escape');
        await page.getByText(/Select an organisation in the network/).waitFor();
      }
    });
  });
}

test('a month-precision change reads as a month, in the heading, the scrubber and the link', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2025-04-15');
    await page.getByRole('button', { name: 'Next change' }).click();
    assert.equal(await page.getByTestId('current-date').textContent(), 'May 2025');
    assert.equal(await page.getByRole('heading', { name: /^Partnerships on/ }).textContent(), 'Partnerships on May 2025');
    assert.match(await sentence(page), /^May 2025: /);
    assert.equal(await page.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext'), 'May 2025');
    await page.waitForFunction(() => /date=2025-05(&|$)/.test(location.search));
    await open(page, 'date=2025-05');
    assert.equal(await page.getByTestId('current-date').textContent(), 'May 2025');
  });
});

test('the sentence stays short, groups what one event changed, and opens the rest', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2026-02-23');
    assert.match(await sentence(page), /\(4 relationships\)/, 'one headline for the four stalled Stargate ties');
    await open(page, 'date=2015-12-11');
    for (let i = 0; i < 12; i++) {
      const text = await sentence(page);
      assert.ok(text.split(/\s+/).length <= 48, text);
      await page.getByRole('button', { name: 'Next change' }).click();
    }
    // Compared across the story, most changes go under "and N more", which opens the list.
    await open(page, 'date=2026-06-11&compare=2015-12-11');
    const more = page.getByRole('button', { name: /^and \d+ more$/ });
    await more.click();
    assert.ok(await page.locator('#more-changes li').count() >= 5);
  });
});

test('playing does not shift the page', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2023-01-23');
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: false });
    });
    await page.getByRole('button', { name: 'Play through the changes' }).click();
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('[data-testid=current-date]').textContent === '25 September 2023', null, { timeout: 40000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.02, `cumulative layout shift during play: ${shift}`);
  }, { reducedMotion: 'no-preference' });
});

// On a phone the drawing is sized by the screen's width: its heading takes one line or two by the
// date's words, and each date's frame is a little wider or taller. Neither may move the drawing.
test('on a phone, scrubbing does not move or resize the drawing', async () => {
  await withPage({ width: 375, height: 812 }, async (page) => {
    await open(page, 'date=2019-07-22');
    const slider = page.getByRole('slider', { name: 'Date' });
    const seen = new Set();
    const titles = new Set();
    for (let i = 0; i < 16; i++) {
      const box = await page.locator('#app svg.network').evaluate((e) => {
        const r = e.getBoundingClientRect();
        return `${Math.round(r.top + scrollY)} ${Math.round(r.height)}`;
      });
      seen.add(box);
      titles.add(await page.locator('#network-title').evaluate((h) => {
        const words = document.createRange();
        words.selectNodeContents(h);
        return new Set([...words.getClientRects()].map((r) => Math.round(r.top))).size;
      }));
      await slider.press('ArrowRight');
    }
    assert.ok(titles.size > 1, `the heading took one and two lines (lines seen: ${[...titles]})`);
    assert.equal(seen.size, 1, `the drawing's top and height: ${[...seen].join(', ')}`);
  });
});

test('between a phone and a wide screen, a long date\'s heading is cut short, not drawn over the buttons beside it', async () => {
  await withPage({ width: 700, height: 900 }, async (page) => {
    await open(page, 'date=2020-09-22');
    const title = await page.locator('#network-title').boundingBox();
    const share = await page.locator('#app .network-panel').getByRole('button', { name: 'Share' }).boundingBox();
    assert.ok(title.x + title.width <= share.x + 1, `heading ${JSON.stringify(title)}, Share ${JSON.stringify(share)}`);
    assert.equal(await page.locator('#network-title').evaluate((h) => h.scrollWidth > h.clientWidth), true, 'cut with an ellipsis');
  });
});

test('the first screen shows the network: whole at 1280×800, starting above 600 px at 375×812', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, '');
    const box = await page.locator('svg.network').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 800, JSON.stringify(box));
  });
  await withPage({ width: 375, height: 812 }, async (page) => {
    await open(page, '');
    const box = await page.locator('svg.network').boundingBox();
    assert.ok(box.y < 600, JSON.stringify(box));
  });
});

test('the prerendered first screen is on screen before the WebAssembly is asked for', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    await page.addInitScript(() => {
      window.paints = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.paints.push(e.startTime); })
        .observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(srv.appUrl);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
    const { paint, wasm } = await page.evaluate(() => ({
      paint: window.paints[0],
      wasm: performance.getEntriesByType('resource').find((r) => /powershift-app-[0-9a-f]+_bg\.wasm$/.test(r.name))?.startTime,
    }));
    // The largest paint is the prerendered page's; the download starts only once it is reported.
    assert.ok(paint > 0 && wasm > paint, `largest paint at ${paint} ms, WebAssembly asked for at ${wasm} ms`);
  });
});

// The prerendered copy is hidden from assistive technology while the app starts, and turns inert
// (no dead controls) as soon as the reader presses a key — not before: `inert` restyles the copy.
test('while the app starts, the prerendered first screen is read but its controls cannot be reached', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    let release;
    const held = new Promise((r) => { release = r; });
    let asked;
    const wasmAsked = new Promise((r) => { asked = r; });
    await page.route(/powershift-app-[0-9a-f]+_bg\.wasm$/, async (route) => { asked(); await held; await route.continue(); });
    await page.goto(srv.appUrl);
    await wasmAsked;
    assert.equal(await page.locator('#prerender').getAttribute('aria-hidden'), 'true');
    assert.equal(await page.locator('#prerender svg.network >> visible=true').count(), 1, 'the copy is on screen');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const inCopy = await page.evaluate(() => document.getElementById('prerender').contains(document.activeElement));
      assert.equal(inCopy, false, `Tab ${i + 1} focused a control of the prerendered copy`);
    }
    release();
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
    await page.waitForFunction(() => !document.getElementById('prerender'));
    await page.getByRole('button', { name: 'Next change' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /[?&]date=/.test(location.search), null, { timeout: 10_000 });
  });
});

// The app removes the prerendered copy when it takes over; nothing may keep that detached tree
// (two copies of the first screen, ~900 elements) alive for the page's life.
test('once the app has taken over, the prerendered copy is gone from memory too', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      window.prerendered = new WeakRef(document.getElementById('prerender'));
    }));
    await page.goto(srv.appUrl);
    await page.waitForFunction(() => !document.querySelector('.deferred') && !document.getElementById('prerender'), null, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(200);
    }
    assert.equal(await page.evaluate(() => window.prerendered.deref() === undefined), true, 'the removed copy is still referenced');
  });
});

test('a deep link to a pair fans out and highlights every one of its agreements', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await open(page, 'date=2026-04-28&select=pair:microsoft,openai');
    await page.getByTestId('pair-details').waitFor();
    const classes = await page.locator('svg.network .edges > g').evaluateAll((gs) => gs
      .filter((g) => [g.dataset.from, g.dataset.to].sort().join() === 'microsoft,openai')
      .map((g) => g.getAttribute('class')));
    assert.ok(classes.length >= 4, classes.join('\n'));
    for (const c of classes) assert.match(c, /\bhighlight\b/);
  });
});

// The page's WebAssembly is split by what its first screen runs (crates/powershift-cli/src/page_split.rs).
const REST = /powershift-app-[0-9a-f]+-rest-[0-9a-f]+\.wasm$/;
const FIRST = /powershift-app-[0-9a-f]+_bg\.wasm$/;

// `?data=`: another dataset, validated and laid out in the page once the rest (the validator, the force layout) is in.
for (const [viewport, query] of [[{ width: 412, height: 823 }, ''], [{ width: 1280, height: 800 }, ''], [{ width: 412, height: 823 }, '?date=2019-07-22'],
  [{ width: 412, height: 823 }, '?data=test-data/story-frozen.json']]) {
  test(`the first screen runs on the first part of the WebAssembly; the rest comes after the start (${viewport.width} px${query})`, async () => {
    await withPage(viewport, async (page) => {
      await page.goto(srv.appUrl + query);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
      // The panels off the first screen come with the rest.
      await page.getByRole('group', { name: 'Timeline zoom' }).waitFor({ timeout: 60_000 });
      const r = await page.evaluate(({ first, rest }) => {
        const entries = performance.getEntriesByType('resource');
        const find = (re) => entries.find((e) => new RegExp(re).test(e.name));
        return {
          first: find(first)?.responseEnd,
          rest: find(rest)?.startTime,
          done: window.powershiftRest?.done,
          synchronous: window.powershiftRest?.synchronous,
        };
      }, { first: FIRST.source, rest: REST.source });
      assert.ok(r.first > 0 && r.rest >= r.first, `first part received at ${r.first} ms, the rest asked for at ${r.rest} ms`);
      assert.equal(r.done, true, 'the rest is in');
      // A load that needed a function the load profile left out would have loaded it synchronously:
      // record the profile again (scripts/split-profile.sh).
      assert.equal(r.synchronous, 0, 'the load waited for nothing');
    });
  });
}

// The shipped story's text is the one the build validated (its fingerprint is the layout island's):
// the page reads it without validating it again (src/platform/fetch.rs); any other is validated.
test('the build-validated story is read, not validated again; another dataset is validated in full', async () => {
  for (const [query, validated] of [['', false], ['?data=test-data/story-frozen.json', true]]) {
    await withPage({ width: 412, height: 823 }, async (page) => {
      await page.goto(srv.appUrl + query);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.equal(marks.includes('validate:start'), validated, `${query || 'the default story'}: validated`);
      assert.equal(marks.includes('read:start'), !validated, `${query || 'the default story'}: read as the build's`);
      assert.ok(await page.getByRole('slider', { name: 'Date' }).isVisible());
    });
  }
});

// A shared link with a selection (or a story step): the network shows it at once; its details, whose
// code comes with the rest, follow when the rest is in — no synchronous download at start.
test('a linked selection shows at once, and its details come with the rest without a synchronous load', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(REST, async (route) => {
      if (route.request().resourceType() === 'fetch') await held;
      await route.continue();
    });
    await page.goto(srv.appUrl + '?select=org:anthropic');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('Loading the details…').waitFor();
    assert.equal(await page.locator('#app .node.selected[aria-pressed="true"]').count(), 1, 'the network shows the selection');
    assert.equal(await page.evaluate(() => window.powershiftRest.synchronous), 0);
    release();
    await details.getByRole('heading', { name: 'Anthropic', level: 3 }).waitFor();
    assert.deepEqual(await page.evaluate(() => ({ done: window.powershiftRest.done, synchronous: window.powershiftRest.synchronous })),
      { done: true, synchronous: 0 });
  });
});

test('the first screen downloads the story without its texts; the details and the export wait for them, then have them', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    let release;
    const held = new Promise((r) => { release = r; });
    // The whole text (summaries, sources, notes) is held; the rest of the WebAssembly is not.
    await page.route(/\/data\/powershift\.json$/, async (route) => { await held; await route.continue(); });
    await page.goto(srv.appUrl + '?select=org:anthropic');
    await page.waitForFunction(() => window.powershiftRest?.done === true, null, { timeout: 60_000 });
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('Loading the details…').waitFor();
    assert.equal(await page.locator('#app .node.selected[aria-pressed="true"]').count(), 1, 'the network shows the selection');
    const first = requests.indexOf('/powershift/data/powershift.first.json');
    const whole = requests.indexOf('/powershift/data/powershift.json');
    const wasm = requests.findIndex((p) => /powershift-app-[0-9a-f]+_bg\.wasm$/.test(p));
    assert.ok(first >= 0 && first < wasm, `the first part comes with the first screen: ${requests.join(' ')}`);
    assert.ok(whole > wasm, `the whole text after the app has started: ${requests.join(' ')}`);
    await page.getByText('Export', { exact: true }).click();
    assert.equal(await page.getByRole('button', { name: 'Picture (SVG)' }).isDisabled(), true, 'no export without the sources');
    // On a phone the menu opens under its row, whole on the screen.
    const box = await page.getByRole('button', { name: 'Whole story for Gephi (GEXF)' }).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 412, `the menu is on the screen: ${JSON.stringify(box)}`);
    await page.getByText('Loading the story\'s sources…').waitFor();
    release();
    await details.getByRole('heading', { name: 'Anthropic', level: 3 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.export-menu button').disabled);
    assert.equal(await page.getByText('Loading the story\'s sources…').count(), 0);
    assert.equal(await page.locator('#app .node.selected[aria-pressed="true"]').count(), 1, 'the selection stays');
  });
});

test('if the story\'s texts do not arrive, the story stays and the details say why', async () => {
  const { context, page, problems } = await openPage(browser, { width: 412, height: 823 });
  try {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.route(/\/data\/powershift\.json$/, (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(srv.appUrl + '?select=org:anthropic');
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('The details could not be loaded (HTTP 503').waitFor({ timeout: 60_000 });
    assert.ok(warnings.some((w) => w.includes('data/powershift.json') && w.includes('HTTP 503')), warnings.join('\n'));
    assert.equal(await page.locator('#app .node.selected[aria-pressed="true"]').count(), 1, 'the story stays');
    assert.equal(await page.getByRole('slider', { name: 'Date' }).count(), 1);
    assert.deepEqual(problems.console.filter((m) => !m.includes('503')), [], 'no other console error');
  } finally {
    await context.close();
  }
});

test('a step that needs the rest of the WebAssembly before it has arrived loads it at once and works', async () => {
  await withPage({ width: 412, height: 823 }, async (page) => {
    // The rest's download after the start never ends; the synchronous load (an XHR) goes through.
    await page.route(REST, (route) => (route.request().resourceType() === 'fetch' ? undefined : route.continue()));
    await page.goto(srv.appUrl);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready'), null, { timeout: 60_000 });
    // Nothing the page does by itself needs the rest: not the layouts it prepares in the background
    // from 2 s after the start (they wait for it too).
    await page.waitForTimeout(3000);
    assert.equal(await page.evaluate(() => window.powershiftRest.done), false);
    const slider = page.getByRole('slider', { name: 'Date' });
    const before = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((b) => document.querySelector('[role="slider"]')?.getAttribute('aria-valuetext') !== b, before);
    const r = await page.evaluate(() => ({ done: window.powershiftRest.done, synchronous: window.powershiftRest.synchronous }));
    assert.deepEqual(r, { done: true, synchronous: 1 });
    // And the panels that waited for it come.
    await page.getByRole('group', { name: 'Timeline zoom' }).waitFor();
  });
});
