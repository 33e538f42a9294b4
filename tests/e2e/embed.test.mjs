// Embedding: the app inside another site's article, through embed.js and through Pym.js. The host
// pages live on a second origin (http://news.localhost:PORT/news/, another site than the app's
// 127.0.0.1) under a strict CSP; the app is the release build under /powershift/. Every test also
// checks: no CSP violation in any frame, no request to any other origin, no console error or page
// error (warnings are allowed: bad input is ignored with one warning).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, startHostServer, launch, screenshot } from './harness.mjs';

let app, host, browser;
before(async () => { app = await startServer(); host = await startHostServer(app); hostFiles(); browser = await launch(); });
after(async () => { await browser?.close(); app?.server.close(); host?.server.close(); });

const DATA = 'data=test-data/story-frozen.json';
/** The app's address with the frozen story and `query`. */
const appSrc = (query = '') => `${app.appUrl}?${DATA}${query ? '&' + query : ''}`;
const WORDS = { '2015-12-11': '11 December 2015', '2019-07-22': '22 July 2019', '2023-01-23': '23 January 2023',
  '2025-01-21': '21 January 2025', '2026-04-28': '28 April 2026' };

/** A host page on the news origin. embed.js comes from the app's origin, as a host pastes it;
 *  Pym.js from the host's own copy; `scripts` are more files the page loads (no inline script). */
function hostPage(name, body, { pym = false, scripts = [] } = {}) {
  const tags = [
    pym ? `<script src="${host.base}vendor/pym.v1.min.js"></script>` : '',
    ...scripts.map((s) => `<script defer src="${host.base}${s}"></script>`),
    `<script async src="${app.appUrl}embed.js"></script>`,
  ].join('');
  return host.add(name, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host: ${name}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="host.css">${tags}</head>
<body><h1>A news article</h1><p>Text before the graphic.</p>${body}<p>Text after the graphic.</p></body></html>`);
}

// The host's stylesheet and its Pym.js start-up script (files: the host's CSP has no 'unsafe-inline').
function hostFiles() {
  host.add('host.css', 'body { margin: 0 8px; font-family: sans-serif; } .spacer { height: 9000px; }');
  host.add('pym-start.js', `document.querySelectorAll('[data-pym-app]').forEach(function (el) {
    new pym.Parent(el.id, el.getAttribute('data-pym-app'), { title: 'The AI power shift (Pym.js)' });
  });`);
}

/** Opens `url` in a fresh context that records, from every frame: CSP violations, console errors and
 *  warnings, page errors, requests to any origin but the two servers, failed requests, and the
 *  `powershift:ready` / `powershift:view` events the host page receives. `setup(context)` runs
 *  before the page is opened (routes). */
async function open(url, viewport = { width: 1000, height: 800 }, setup = async () => {}) {
  const context = await browser.newContext({ viewport });
  const problems = { csp: [], console: [], warnings: [], foreign: [], failed: [], requests: [] };
  await context.exposeBinding('__psCsp', ({ frame }, text) => { problems.csp.push(`${text} in ${frame.url()}`); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__psCsp(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sourceFile}:${e.lineNumber}`);
    });
    window.__psEvents = [];
    for (const type of ['powershift:ready', 'powershift:view']) {
      document.addEventListener(type, (e) => window.__psEvents.push({ type, id: e.target.id, view: e.detail }));
    }
  });
  const allowed = [app.origin, host.origin];
  context.on('request', (r) => {
    const u = r.url();
    problems.requests.push(u);
    if (!allowed.some((o) => u.startsWith(o + '/')) && !/^(data|blob|about):/.test(u)) problems.foreign.push(u);
  });
  context.on('requestfailed', (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  context.on('response', (r) => { if (r.status() >= 400) problems.failed.push(`${r.url()} HTTP ${r.status()}`); });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.console.push(m.text());
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await setup(context);
  await page.goto(url);
  return {
    page, problems,
    /** Checks the page's record, then closes it. */
    async close() {
      try {
        assert.deepEqual(problems.csp, [], 'CSP violations');
        assert.deepEqual(problems.foreign, [], 'requests to another origin');
        assert.deepEqual(problems.console, [], 'console or page errors');
        assert.deepEqual(problems.failed, [], 'failed requests');
      } finally {
        await context.close();
      }
    },
  };
}

/** Polls `fn` (async, truthy when done) every 50 ms for up to `ms`; returns its last value. */
async function until(fn, what, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out: ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The app frame inside the container `sel` (an iframe made by embed.js or Pym.js). */
const frameIn = (page, sel) => page.frameLocator(`${sel} iframe`);
const networkHeading = (frame, date) => frame.getByRole('heading', { name: `Partnerships on ${WORDS[date] ?? date}` });

/** Waits until embed.js reports the embed in `sel` ready. */
async function ready(page, sel) {
  await page.waitForFunction((s) => window.PowerShift?.embeds().some((e) => e.element.matches(s) && e.ready), sel, { timeout: 30000 });
}

/** The embed in `sel` as embed.js reports it, with its iframe's height. */
const embedOf = (page, sel) => page.evaluate((s) => {
  const e = window.PowerShift.embeds().find((x) => x.element.matches(s));
  return e && { view: e.view, ready: e.ready, height: e.iframe.getBoundingClientRect().height, src: e.iframe.src };
}, sel);

/** The iframe's height and its document's: the frame fits when they agree within 2 px and the
 *  document has no scrollbar of its own. */
async function measure(page, sel) {
  const frame = await (await page.locator(`${sel} iframe`).elementHandle()).contentFrame();
  const outer = await page.locator(`${sel} iframe`).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => {
    const root = document.scrollingElement;
    return { content: document.documentElement.getBoundingClientRect().height, scroll: root.scrollHeight, client: root.clientHeight };
  });
  return { outer, ...inner, fits: Math.abs(outer - inner.content) <= 2 && inner.scroll <= inner.client };
}

/** Waits until the frame in `sel` fits its content and stays so for 600 ms (a height that creeps,
 *  such as content sized in vh inside an auto-height frame, fails here). */
async function fitted(page, sel) {
  // Chromium stops laying out cross-origin frames out of view, so their inner size lags: look at it.
  await page.locator(`${sel} iframe`).scrollIntoViewIfNeeded();
  let m;
  await until(async () => {
    m = await measure(page, sel);
    if (!m.fits) return false;
    await new Promise((r) => setTimeout(r, 600));
    const again = await measure(page, sel);
    return again.fits && again.outer === m.outer;
  }, () => `the frame in ${sel} to fit its content (last: ${JSON.stringify(m)})`);
  return m;
}

/** The Microsoft disc in the frame's network. */
const microsoft = (frame) => frame.getByRole('group', { name: /Partnership network/ })
  .getByRole('button', { name: /^Microsoft( \([^)]*\))?, / });

// ---------------------------------------------------------------------------------------------
// embed.js itself: size, and Pym.js vendored intact.

test('embed.js is at most 3 KB gzipped, plain ES5-style JavaScript without eval or innerHTML', () => {
  const src = readFileSync('static/embed.js');
  const gz = gzipSync(src, { level: 9 }).length;
  assert.ok(gz <= 3072, `embed.js is ${gz} bytes gzipped (budget 3072)`);
  const text = src.toString();
  for (const banned of ['eval(', 'innerHTML', 'outerHTML', 'document.write', 'new Function', 'setAttribute(\'style\'', 'import ']) {
    assert.ok(!text.includes(banned), `embed.js uses ${banned}`);
  }
});

test('Pym.js is vendored byte for byte from the pinned npm package, licence header intact', () => {
  const vendored = readFileSync('static/vendor/pym.v1.min.js');
  assert.match(vendored.toString('utf8', 0, 60), /^\/\*! pym\.js - v1\.3\.2 - /);
  const lock = JSON.parse(readFileSync('tools/package-lock.json', 'utf8'));
  assert.equal(lock.packages['node_modules/pym.js']?.version, '1.3.2');
  const npm = 'tools/node_modules/pym.js/dist/pym.v1.min.js';
  if (existsSync(npm)) assert.ok(vendored.equals(readFileSync(npm)), `${npm} differs from static/vendor/`);
  assert.match(readFileSync('static/vendor/pym.v1.LICENSE.txt', 'utf8'), /Copyright \(c\) 2014 NPR/);
});

// ---------------------------------------------------------------------------------------------
// The iframe embed.js makes.

test('embed.js makes one titled, lazy, borderless iframe per container with embed=1 and the options', async () => {
  const url = hostPage('options.html', `
    <div id="plain" data-powershift-src="${appSrc('date=2023-01-23&select=pair:microsoft,openai')}"><a href="${app.appUrl}">Open the graphic</a></div>
    <div id="opts" data-powershift-src="${appSrc('embed=1&date=2019-07-22')}" data-powershift-theme="dark"
         data-powershift-title="0" data-powershift-title-text="Alliances in AI" data-powershift-height="700"></div>
    <div id="bad-theme" data-powershift-src="${appSrc('date=2025-05')}" data-powershift-theme="purple"></div>
    <div id="bad-src" data-powershift-src="javascript:alert(1)"><a href="${app.appUrl}">Open the graphic</a></div>
    <div class="spacer"></div>
    <div id="far" data-powershift-src="${appSrc('date=2026-04-28&far=1')}"></div>`);
  const s = await open(url);
  const { page, problems } = s;
  await page.waitForFunction(() => window.PowerShift?.embeds().length === 4);
  const frames = await page.evaluate(() => [...document.querySelectorAll('[data-powershift-src]')].map((el) => {
    const f = el.querySelector('iframe');
    const css = f && getComputedStyle(f);
    return f && { id: el.id, children: el.childElementCount, src: f.src, title: f.title, loading: f.getAttribute('loading'),
      border: css.borderTopWidth + ' ' + css.borderBottomWidth, height: f.style.height,
      width: f.getBoundingClientRect().width, container: el.getBoundingClientRect().width };
  }));
  const [plain, opts, badTheme, badSrc, far] = frames;
  assert.equal(badSrc, null, 'a javascript: address makes no iframe');
  for (const f of [plain, opts, badTheme, far]) {
    assert.equal(f.children, 1, `${f.id}: the iframe replaced the fallback`);
    assert.equal(f.loading, 'lazy');
    assert.equal(f.width, f.container, `${f.id}: full width`);
    assert.equal(f.border, '0px 0px', `${f.id}: no border`);
    assert.equal(new URL(f.src).searchParams.getAll('embed').join(), '1', `${f.id}: embed=1 once`);
    assert.equal(new URL(f.src).searchParams.get('data'), 'test-data/story-frozen.json', `${f.id}: other keys kept`);
  }
  assert.equal(plain.title, 'The AI power shift: interactive timeline and partnership network');
  assert.equal(new URL(plain.src).searchParams.get('select'), 'pair:microsoft,openai');
  assert.equal(new URL(plain.src).searchParams.get('theme'), null);
  assert.equal(opts.title, 'Alliances in AI');
  assert.equal(new URL(opts.src).searchParams.get('theme'), 'dark');
  assert.equal(new URL(opts.src).searchParams.get('title'), '0');
  assert.equal(new URL(badTheme.src).searchParams.get('theme'), null, 'an unknown theme is left out');
  // Before any message: the declared height, and the default for a 984 px wide container.
  assert.equal(far.height, '1100px', 'the frame below the fold keeps its initial height');
  await ready(page, '#plain');
  assert.ok(!problems.requests.some((u) => u.includes('far=1')), 'the frame below the fold is not loaded (lazy)');
  await ready(page, '#opts');
  await fitted(page, '#opts');
  // title=0 hides the title line; without it the frame keeps it.
  await frameIn(page, '#plain').getByRole('heading', { level: 1, name: 'The AI power shift' }).waitFor();
  assert.equal(await frameIn(page, '#opts').getByRole('heading', { level: 1 }).count(), 0, 'title=0: no title line');
  assert.equal(problems.warnings.filter((w) => w.includes('PowerShift embed')).length, 2, `one warning each for the bad theme and the bad address: ${problems.warnings}`);
  await s.close();
});

test('loaded twice, async, with containers added later: one iframe each, found by the observer and by scan()', async () => {
  host.add('add-later.js', `setTimeout(function () {
    var el = document.createElement('div'); el.id = 'late';
    el.setAttribute('data-powershift-src', ${JSON.stringify(appSrc('date=2019-07-22'))});
    document.body.appendChild(el);
  }, 300);`);
  const url = hostPage('twice.html', `<div id="first" data-powershift-src="${appSrc('date=2023-01-23')}"></div>
    <script async src="${app.appUrl}embed.js"></script>`, { scripts: ['add-later.js'] });
  const s = await open(url);
  const { page } = s;
  await ready(page, '#first');
  await ready(page, '#late');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-powershift-src]')].map((el) => el.querySelectorAll('iframe').length)), [1, 1]);
  assert.equal(await page.evaluate(() => window.PowerShift.embeds().length), 2);
  // A container added inside another element, then found by an explicit scan() as well.
  await page.evaluate((src) => {
    const wrap = document.createElement('section');
    const el = document.createElement('div'); el.id = 'later'; el.setAttribute('data-powershift-src', src);
    wrap.appendChild(el); document.body.appendChild(wrap);
    window.PowerShift.scan();
  }, appSrc('date=2025-01-21'));
  await ready(page, '#later');
  assert.equal(await page.locator('#later iframe').count(), 1);
  // A removed container leaves the list.
  await page.evaluate(() => document.getElementById('late').remove());
  assert.deepEqual(await page.evaluate(() => window.PowerShift.embeds().map((e) => e.element.id)), ['first', 'later']);
  await fitted(page, '#first');
  await s.close();
});

// ---------------------------------------------------------------------------------------------
// Heights: embed.js and Pym.js frames take their content's height and follow it.

for (const width of [1000, 375]) {
  test(`embed.js and Pym.js frames take their content's height and follow it (${width} px)`, async () => {
    const url = hostPage(`heights-${width}.html`, `
      <div id="ejs" data-powershift-src="${appSrc('date=2023-01-23')}"></div>
      <p>Between the two graphics.</p>
      <div id="pym" data-pym-app="${appSrc('date=2023-01-23&embed=1')}"></div>`, { pym: true, scripts: ['pym-start.js'] });
    const s = await open(url, { width, height: 800 });
    const { page } = s;
    await ready(page, '#ejs');
    for (const sel of ['#ejs', '#pym']) {
      await networkHeading(frameIn(page, sel), '2023-01-23').waitFor();
      const before = await fitted(page, sel);
      await microsoft(frameIn(page, sel)).click();
      await frameIn(page, sel).getByRole('region', { name: 'Details' }).getByRole('heading', { name: /Microsoft/ }).first().waitFor();
      const after = await fitted(page, sel);
      assert.ok(after.outer > before.outer, `${sel}: the frame grew with the details (${before.outer} → ${after.outer})`);
      console.log(`${sel} at ${width} px: ${before.outer} px, ${after.outer} px with the details`);
    }
    // A narrower article column: both frames follow the new width's height (Pym's width message).
    await page.setViewportSize({ width: width === 1000 ? 700 : 320, height: 800 });
    for (const sel of ['#ejs', '#pym']) await fitted(page, sel);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'nothing sideways');
    await s.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Views: set, view events, two embeds, play and pause.

test('set and view round trip: the host sets a view, the frame shows it and reports it back', async () => {
  const url = hostPage('roundtrip.html', `<div id="a" data-powershift-src="${appSrc('date=2025-01-21')}"></div>`);
  const s = await open(url);
  const { page } = s;
  await ready(page, '#a');
  const ready0 = await page.evaluate(() => window.__psEvents.find((e) => e.type === 'powershift:ready'));
  assert.equal(ready0.id, 'a');
  assert.equal(ready0.view.date, '2025-01-21', 'ready carries the view');
  assert.equal(await page.evaluate(() => window.PowerShift.set(document.getElementById('a'), { date: '2019-07-22', select: 'org:microsoft' })), true);
  await page.waitForFunction(() => window.__psEvents.some((e) => e.type === 'powershift:view' && e.id === 'a'
    && e.view.date === '2019-07-22' && e.view.select === 'org:microsoft'));
  const frame = frameIn(page, '#a');
  await networkHeading(frame, '2019-07-22').waitFor();
  await frame.getByRole('region', { name: 'Details' }).getByRole('heading', { name: /Microsoft/ }).first().waitFor();
  assert.deepEqual(await frame.getByRole('slider', { name: 'Date' }).count(), 1);
  const e = await embedOf(page, '#a');
  assert.equal(e.view.date, '2019-07-22');
  assert.equal(e.view.select, 'org:microsoft');
  // The reader's own change is reported too: the next change with the frame's button.
  await page.evaluate(() => { window.__psEvents.length = 0; });
  await frame.getByRole('button', { name: 'Next change' }).click();
  await page.waitForFunction(() => window.__psEvents.some((x) => x.type === 'powershift:view' && x.view.date && x.view.date !== '2019-07-22'));
  await fitted(page, '#a');
  await s.close();
});

test('an order the host sends before the rest of the WebAssembly has arrived waits for it, and is obeyed then', async () => {
  // The rest's download (after the start) is held until the test lets it go.
  let held;
  // The shipped story (its layout is in the page, so the embed is ready without the rest; a `?data=`
  // story's layout waits for the rest).
  const url = hostPage('early-order.html', `<div id="a" data-powershift-src="${app.appUrl}?date=2025-01-21"></div>`);
  const s = await open(url, undefined, (context) => context.route(/powershift-app-[0-9a-f]+-rest-[0-9a-f]+\.wasm$/, (route) => {
    if (route.request().resourceType() === 'fetch') held = route;
    else route.continue();
  }));
  const { page } = s;
  await ready(page, '#a');
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  const rest = () => frame.evaluate(() => window.powershiftRest && { done: window.powershiftRest.done, synchronous: window.powershiftRest.synchronous });
  if (!(await rest())) { await s.close(); return; } // one module (POWERSHIFT_SPLIT=off): nothing to wait for
  await until(() => held, 'the rest is asked for');
  await page.evaluate(() => window.PowerShift.set(document.getElementById('a'), { date: '2019-07-22', select: 'org:microsoft' }));
  await page.evaluate(() => window.PowerShift.set(document.getElementById('a'), { date: '2023-01-23' }));
  await page.waitForTimeout(500);
  await networkHeading(frameIn(page, '#a'), '2025-01-21').waitFor();
  assert.deepEqual(await rest(), { done: false, synchronous: 0 }, 'the orders wait; nothing was loaded synchronously');
  await held.continue();
  // Both orders, in the order sent: the second's date wins, the first's selection stays.
  await networkHeading(frameIn(page, '#a'), '2023-01-23').waitFor();
  await page.waitForFunction(() => window.PowerShift.embeds()[0].view?.date === '2023-01-23');
  assert.equal((await embedOf(page, '#a')).view.select, 'org:microsoft', 'the first order was obeyed too');
  assert.deepEqual(await rest(), { done: true, synchronous: 0 });
  await s.close();
});

test('two embeds on one page keep their own views', async () => {
  const url = hostPage('two.html', `<div id="a" data-powershift-src="${appSrc('date=2019-07-22')}"></div>
    <div id="b" data-powershift-src="${appSrc('date=2025-01-21')}"></div>`);
  const s = await open(url, { width: 1000, height: 1600 });
  const { page } = s;
  await ready(page, '#a');
  await ready(page, '#b');
  await page.evaluate(() => window.PowerShift.set(document.getElementById('a'), { date: '2023-01-23' }));
  await networkHeading(frameIn(page, '#a'), '2023-01-23').waitFor();
  await microsoft(frameIn(page, '#b')).click();
  await page.waitForFunction(() => window.PowerShift.embeds()[1].view?.select === 'org:microsoft');
  await page.waitForFunction(() => window.PowerShift.embeds()[0].view?.date === '2023-01-23');
  const [a, b] = await page.evaluate(() => window.PowerShift.embeds().map((e) => e.view));
  assert.equal(a.date, '2023-01-23');
  assert.equal(a.select, undefined, 'the selection in b is not a\'s');
  assert.equal(b.date, '2025-01-21', 'a\'s date is not b\'s');
  assert.equal(b.select, 'org:microsoft');
  assert.ok(await networkHeading(frameIn(page, '#b'), '2025-01-21').isVisible());
  const events = await page.evaluate(() => window.__psEvents.filter((e) => e.type === 'powershift:view').map((e) => `${e.id} ${e.view.date} ${e.view.select ?? ''}`));
  assert.ok(events.every((e) => !e.startsWith('a ') || !e.includes('org:microsoft')), events.join('\n'));
  await s.close();
});

test('play and pause from the host', async () => {
  const url = hostPage('play.html', `<div id="a" data-powershift-src="${appSrc('date=2019-07-22')}"></div>`);
  const s = await open(url);
  const { page } = s;
  await ready(page, '#a');
  const frame = frameIn(page, '#a');
  await page.evaluate(() => window.PowerShift.play(document.getElementById('a')));
  await frame.getByRole('button', { name: 'Pause' }).waitFor();
  await page.evaluate(() => window.PowerShift.pause(document.getElementById('a')));
  await frame.getByRole('button', { name: 'Play through the changes' }).waitFor();
  // step(): a whole number from 1, else refused with a warning and no message.
  assert.deepEqual(await page.evaluate(() => {
    const el = document.getElementById('a');
    return [window.PowerShift.step(el, 1), window.PowerShift.step(el, 0), window.PowerShift.step(el, 1.5), window.PowerShift.step(el, '2')];
  }), [true, false, false, false]);
  await s.close();
});

// ---------------------------------------------------------------------------------------------
// Robustness: other frames' messages and malformed messages change nothing.

test('a sibling frame\'s messages and malformed messages are ignored', async () => {
  const url = hostPage('noise.html', `<div id="a" data-powershift-src="${appSrc('date=2023-01-23')}"></div>
    <iframe id="sib" src="sibling.html" title="Another widget"></iframe>`);
  const s = await open(url);
  const { page, problems } = s;
  await ready(page, '#a');
  const frame = frameIn(page, '#a');
  await networkHeading(frame, '2023-01-23').waitFor();
  await fitted(page, '#a');
  const viewBefore = (await embedOf(page, '#a')).view;
  await page.evaluate(() => { window.__psEvents.length = 0; });

  // The sibling tells the app to change its view and tells the host about sizes and views.
  const sibling = page.frames().find((f) => f.url().endsWith('/sibling.html'));
  await sibling.evaluate(() => {
    const appWindow = parent.frames[0];
    appWindow.postMessage(JSON.stringify({ type: 'powershift:set', view: { date: '2019-07-22' } }), '*');
    appWindow.postMessage({ type: 'powershift:set', view: { date: '2019-07-22' } }, '*');
    appWindow.postMessage(JSON.stringify({ type: 'powershift:play' }), '*');
    parent.postMessage(JSON.stringify({ type: 'powershift:height', height: 50 }), '*');
    parent.postMessage(JSON.stringify({ type: 'powershift:view', view: { date: '2016' } }), '*');
    parent.postMessage(JSON.stringify({ type: 'powershift:ready', view: { date: '2016' } }), '*');
  });
  await new Promise((r) => setTimeout(r, 300));
  assert.ok((await measure(page, '#a')).fits, 'the sibling\'s height of 50 px was not taken');
  // The host page itself (the app's parent) sends malformed messages and the API is given bad input.
  const refused = await page.evaluate(() => {
    const el = document.getElementById('a');
    const win = el.querySelector('iframe').contentWindow;
    win.postMessage('{"type": "powershift:set", "view": {"date": "2019-07-22"', '*');
    win.postMessage('not json at all', '*');
    win.postMessage(JSON.stringify({ type: 'powershift:set', view: { date: 123 } }), '*');
    win.postMessage({ type: 'powershift:set', view: { date: [2019] } }, '*');
    win.postMessage(JSON.stringify({ type: 'powershift:set', view: { select: 'org:nobody-at-all' } }), '*');
    win.postMessage(JSON.stringify({ type: 'powershift:set', view: { select: 'event:E999' } }), '*');
    win.postMessage(JSON.stringify({ type: 'powershift:set', view: { date: '2019-13-45' } }), '*');
    win.postMessage(JSON.stringify({ type: 'powershift:set', view: 'date=2019-07-22' }), '*');
    win.postMessage(JSON.stringify({ type: 'powershift:unknown' }), '*');
    win.postMessage('x'.repeat(1 << 20), '*');
    win.postMessage(null, '*');
    win.postMessage(42, '*');
    window.postMessage(JSON.stringify({ type: 'powershift:height', height: 50 }), '*');
    return [
      window.PowerShift.set(el, { date: 123 }),
      window.PowerShift.set(el, null),
      window.PowerShift.set(document.body, { date: '2019-07-22' }),
      window.PowerShift.play(null),
    ];
  });
  assert.deepEqual(refused, [false, false, false, false]);
  // Messages are handled in order: once a good set's view comes back, the noise has been handled.
  await page.evaluate(() => window.PowerShift.set(document.getElementById('a'), { date: '2025-01-21' }));
  await page.waitForFunction(() => window.__psEvents.some((e) => e.view?.date === '2025-01-21'));
  await networkHeading(frame, '2025-01-21').waitFor();
  // Before the good set's view, any view reported (an app may echo an ignored set) is the old one.
  const events = await page.evaluate(() => window.__psEvents.map((e) => e.view));
  const good = events.findIndex((v) => v?.date === '2025-01-21');
  assert.deepEqual(events.slice(0, good), events.slice(0, good).map(() => viewBefore), 'the view did not change before the good set');
  assert.ok(events.every((v) => !/2019|2016|nobody|E999/.test(JSON.stringify(v))), JSON.stringify(events));
  const after = await embedOf(page, '#a');
  assert.equal(after.view.date, '2025-01-21');
  assert.equal(after.view.select, viewBefore.select, 'no unknown id was taken');
  assert.equal(await frame.getByRole('button', { name: 'Pause' }).count(), 0, 'the sibling could not start the animation');
  await fitted(page, '#a');
  assert.ok(problems.warnings.length <= 40, `warnings: a few, not one per message (${problems.warnings.length})`);
  await s.close();
});

// ---------------------------------------------------------------------------------------------
// The demo article.

/** Checks the demo: three embeds fit, the view link appears, scrolling the steps sets the date. */
async function demo(url, viewport) {
  const s = await open(url, viewport);
  const { page } = s;
  await page.getByRole('heading', { level: 1, name: 'Who backs whom in AI' }).waitFor();
  await ready(page, '#embedjs-embed');
  await fitted(page, '#embedjs-embed');
  await page.locator('#pym-embed').scrollIntoViewIfNeeded();
  await networkHeading(frameIn(page, '#pym-embed'), '2019-07-22').waitFor({ timeout: 30000 });
  await fitted(page, '#pym-embed');
  assert.match(await page.locator('#pym-embed iframe').getAttribute('src'), /childId=pym-embed/);
  await page.getByRole('link', { name: /Open this view of the graphic on its own page/ }).waitFor();
  const steps = page.locator('.step[data-date]');
  assert.equal(await steps.count(), 4);
  for (let i = 0; i < 4; i++) {
    const step = steps.nth(i);
    const date = await step.getAttribute('data-date');
    await step.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((d) => window.PowerShift.embeds().find((e) => e.element.id === 'scrolly-embed')?.view?.date === d, date, { timeout: 30000 });
    await networkHeading(frameIn(page, '#scrolly-embed'), date).waitFor();
    assert.match(await step.getAttribute('class'), /is-active/);
  }
  // No frame loaded the rest of its WebAssembly synchronously (which stops the article around a
  // same-site frame): the first part ran the embeds' starts, and the host's orders waited for the rest.
  for (const f of page.frames().filter((x) => x.url().includes('embed=1'))) {
    const rest = await f.evaluate(() => window.powershiftRest && { done: window.powershiftRest.done, synchronous: window.powershiftRest.synchronous });
    if (rest) assert.deepEqual(rest, { done: true, synchronous: 0 }, `${f.url()}: the rest was loaded synchronously`);
  }
  await screenshot(page, `embed-demo-${viewport.width}`);
  await s.close();
}

test('the demo article on a news site: embed.js, Pym.js and scrollytelling (1000 px)', async () => {
  await demo(host.base + 'embed-demo.html', { width: 1000, height: 800 });
});

test('the demo article on a news site: scrollytelling on a phone (375 px)', async () => {
  await demo(host.base + 'embed-demo.html', { width: 375, height: 812 });
});

test('the demo article served next to the app (as copied into the site)', async () => {
  const s = await open(app.appUrl + 'embed-demo.html');
  const { page } = s;
  await ready(page, '#embedjs-embed');
  await fitted(page, '#embedjs-embed');
  const src = await page.locator('#embedjs-embed iframe').getAttribute('src');
  assert.ok(src.startsWith(app.appUrl + '?'), src);
  await s.close();
});

// ---------------------------------------------------------------------------------------------
// Screenshots for people: light and dark, phone and desktop.

for (const theme of ['light', 'dark']) {
  for (const width of [375, 1000]) {
    test(`screenshot: an embed, ${theme}, ${width} px`, async () => {
      const attr = theme === 'dark' ? ' data-powershift-theme="dark"' : '';
      const url = hostPage(`shot-${theme}-${width}.html`, `<div id="a" data-powershift-src="${appSrc('date=2025-01-21')}"${attr}></div>`);
      const s = await open(url, { width, height: 800 });
      const { page } = s;
      await ready(page, '#a');
      await networkHeading(frameIn(page, '#a'), '2025-01-21').waitFor();
      await fitted(page, '#a');
      // The colour behind the graphic: the first opaque background of body or html (none: the host's white).
      const bg = await frameIn(page, '#a').locator('body').evaluate((b) => [b, document.documentElement]
        .map((el) => getComputedStyle(el).backgroundColor).find((c) => !/^rgba\(.*, 0\)$|transparent/.test(c)) ?? 'rgb(255, 255, 255)');
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      assert.equal(r + g + b < 3 * 96, theme === 'dark', `the page behind the graphic is ${theme} (${bg})`);
      await screenshot(page, `embed-${theme}-${width}`);
      await s.close();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The app's side: narrow columns, the Share dialog, history, the dark theme under axe.

/** Runs axe-core (from tools/node_modules, evaluated through DevTools so the page's CSP allows it)
 *  in `frame` and returns its violations of any impact. */
async function axeViolations(frame) {
  const src = readFileSync(resolve('tools/node_modules/axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(src);
  return frame.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const width of [300, 375]) {
  test(`an embed in a ${width} px column scrolls nothing sideways and shows the network in its first 600 px`, async () => {
    const url = hostPage(`narrow-${width}.html`, `<div id="a" data-powershift-src="${appSrc('date=2023-01-23')}"></div>`);
    const s = await open(url, { width: width + 16, height: 800 });
    const { page } = s;
    await ready(page, '#a');
    const frame = (await (await page.locator('#a iframe').elementHandle()).contentFrame());
    await frame.getByRole('heading', { name: 'Partnerships on 23 January 2023' }).waitFor();
    const m = await frame.evaluate(() => ({
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      network: document.querySelector('svg.network').getBoundingClientRect().top,
    }));
    assert.equal(m.sideways, 0, 'nothing scrolls sideways');
    assert.ok(m.network < 600, `the network starts at ${m.network} px`);
    // The footer: credit, checked date and the full view at the same view, in a new tab.
    const full = frame.getByRole('link', { name: 'Open the full view' });
    assert.equal(await full.getAttribute('target'), '_blank');
    assert.equal(await full.getAttribute('rel'), 'noopener noreferrer');
    const href = new URL(await full.getAttribute('href'), app.appUrl);
    assert.equal(href.searchParams.get('date'), '2023-01-23');
    assert.equal(href.searchParams.get('embed'), null, 'the full view is not an embed');
    await frame.getByText(/Data checked as of/).waitFor();
    await s.close();
  });
}

test('the Share dialog gives the link, iframe and embed.js codes of the view, and pasted into a page they show it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(appSrc('date=2019-07-22&select=org:microsoft&hide=conflict'));
  await page.getByRole('heading', { name: 'Partnerships on 22 July 2019' }).waitFor();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await dialog.waitFor();
  const code = async (label) => dialog.getByLabel(label, { exact: true }).inputValue();
  const link = await code('Link');
  assert.ok(link.startsWith(app.appUrl + '?'), `the page's real address: ${link}`);
  const linkUrl = new URL(link);
  assert.equal(linkUrl.searchParams.get('date'), '2019-07-22');
  assert.equal(linkUrl.searchParams.get('select'), 'org:microsoft');
  assert.equal(linkUrl.searchParams.get('data'), 'test-data/story-frozen.json');
  // Options change the codes.
  await dialog.getByLabel('Theme').selectOption('dark');
  await dialog.getByLabel('Show the title in the embed').uncheck();
  const iframeCode = await code('Iframe code');
  const scriptCode = await code('Embed script');
  assert.match(iframeCode, /embed=1/);
  assert.match(iframeCode, /theme=dark/);
  assert.match(iframeCode, /title=0/);
  assert.match(scriptCode, new RegExp(`<script async src="${app.appUrl}embed.js"></script>`));
  // Copy: the clipboard (granted here) or, without it, the text selected.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await dialog.getByText(/Copied\.|Selected/).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await context.close();
  // Pasted into a page on another site, both codes show the same view.
  const html = iframeCode.replace(/&amp;/g, '&').replace(/ style="[^"]*"/, '');
  const url = hostPage('pasted.html', `<div id="i">${html}</div>${scriptCode.replace(/<script[^>]*><\/script>/, '').replace(' id=', ' data-x=').replace('<div ', '<div id="s" ')}`);
  const s = await open(url, { width: 1000, height: 900 });
  for (const sel of ['#i', '#s']) {
    const frame = frameIn(s.page, sel);
    await s.page.locator(`${sel} iframe`).scrollIntoViewIfNeeded();
    await networkHeading(frame, '2019-07-22').waitFor();
    await frame.getByRole('region', { name: 'Details' }).getByRole('heading', { name: /Microsoft/ }).first().waitFor();
    assert.equal(await frame.getByRole('button', { name: 'Conflict', exact: true }).getAttribute('aria-pressed'), 'false', `${sel}: the filter came along`);
    assert.equal(await frame.getByRole('heading', { level: 1 }).count(), 0, `${sel}: title=0`);
  }
  await s.close();
});

test('outside a frame, a selection adds a history entry (Back returns) and scrubbing does not', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(appSrc('date=2019-07-22'));
  await page.getByRole('heading', { name: 'Partnerships on 22 July 2019' }).waitFor();
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: /Partnerships on 22 September 2019/ }).waitFor();
  assert.equal(await entries(), start, 'moving the date replaces the entry');
  await page.getByRole('group', { name: /Partnership network/ }).getByRole('button', { name: /^Microsoft( \([^)]*\))?, / }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('select') === 'org:microsoft');
  assert.equal(await entries(), start + 1, 'a selection adds one');
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('select'));
  await page.getByRole('region', { name: 'Details' }).getByText(/Select an organisation/).waitFor();
  await page.goForward();
  await page.getByRole('region', { name: 'Details' }).getByRole('heading', { name: /Microsoft/ }).first().waitFor();
  await context.close();
});

test('while the reader scrubs, the address follows once each date is painted, and the last date wins', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(appSrc('date=2019-07-22'));
  await page.getByRole('heading', { name: 'Partnerships on 22 July 2019' }).waitFor();
  const entries = await page.evaluate(() => history.length);
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  const heading = page.getByRole('heading', { name: /^Partnerships on/ });
  await page.waitForFunction(() => !/22 July 2019/.test(document.querySelector('#network-title').textContent));
  // Two frames and a task later every write is done.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  const shown = await heading.textContent();
  assert.notEqual(new URL(page.url()).searchParams.get('date'), '2019-07-22');
  assert.equal(await page.evaluate(() => history.length), entries, 'scrubbing adds no entry');
  // The address opens the very view on screen.
  const again = await context.newPage();
  await again.goto(page.url());
  await again.getByRole('heading', { name: shown }).waitFor();
  await context.close();
});

for (const mode of ['dark', 'embed-dark']) {
  test(`axe finds no violation of any impact in the ${mode} theme`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(appSrc(`date=2025-01-21&select=org:microsoft${mode === 'embed-dark' ? '&embed=1' : '&theme=dark'}`));
    await page.getByRole('heading', { name: 'Partnerships on 21 January 2025' }).waitFor();
    await page.getByRole('region', { name: 'Details' }).getByRole('heading', { name: /Microsoft/ }).first().waitFor();
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(22, 25, 29)', 'dark behind the graphic');
    assert.deepEqual(await axeViolations(page.mainFrame()), []);
    await context.close();
  });
}
