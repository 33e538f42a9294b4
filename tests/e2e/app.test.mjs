// End to end against the release build served under a sub-path: what a reader sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launch, openPage, screenshot } from './harness.mjs';

const dataset = JSON.parse(readFileSync('static/data/powershift.json', 'utf8'));
let srv, browser;

before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 812 }]]) {
  test(`shows the dataset summary with no console error or failed request (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, viewport);
    await page.goto(srv.appUrl);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    assert.equal(await heading.textContent(), dataset.meta.title);
    assert.equal(await page.getByTestId('event-count').textContent(), String(dataset.events.length));
    assert.equal(await page.getByTestId('org-count').textContent(), String(dataset.organisations.length));
    // Relationships and their phases are counted apart, each over the whole story (issue 10 §6).
    assert.equal(await page.getByTestId('rel-count').textContent(), String(dataset.relationships.length));
    const phases = dataset.relationships.reduce((n, r) => n + r.phases.length, 0);
    assert.equal(await page.getByTestId('phase-count').textContent(), String(phases));
    const range = await page.getByTestId('date-range').textContent();
    assert.match(range, /11 December 2015/);
    assert.match(range, /11 June 2026/);
    // Nothing is cut off horizontally.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await screenshot(page, `summary-${viewport.width}x${viewport.height}`);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
    await context.close();
  });
}

test('every request stays on the page\'s own origin', async () => {
  const { context, page } = await openPage(browser);
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(srv.origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.goto(srv.appUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a missing dataset shows its URL and the HTTP status', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(srv.appUrl + '?data=test-data/does-not-exist.json');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /HTTP 404/);
  assert.match(text, /test-data\/does-not-exist\.json/);
  await screenshot(page, 'error-404-1280x800');
  await context.close();
});

test('malformed JSON shows line and column', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(srv.appUrl + '?data=test-data/malformed.json');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /line 4, column 3/);
  await context.close();
});

test('an invalid dataset lists every problem with its path instead of the views', async () => {
  const { context, page, problems } = await openPage(browser, { width: 375, height: 812 });
  await page.goto(srv.appUrl + '?data=test-data/invalid.json');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const items = await page.getByTestId('problems').getByRole('listitem').allTextContents();
  assert.deepEqual(items, [
    'events[0].organisations[1]: unknown organisation id "nobody"',
    'events[0].sources[0].url: "javascript:alert(1)" is not an http(s) URL',
    'relationships[0].phases[0].end: 2019-01 is not after the start 2019-07; a phase must end after it starts',
  ]);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'no story is shown');
  assert.deepEqual(problems.console, []);
  await screenshot(page, 'error-invalid-375x812');
  await context.close();
});

test('a dataset on another site is refused without a request', async () => {
  const { context, page } = await openPage(browser);
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(srv.appUrl + '?data=' + encodeURIComponent('https://evil.example/data.json'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not allowed/);
  assert.ok(!requested.some((u) => new URL(u).hostname === 'evil.example'), requested.join('\n'));
  await context.close();
});

test('another dataset of the same format loads with ?data=', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(srv.appUrl + '?data=test-data/tiny.json');
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  assert.equal(await heading.textContent(), 'A tiny story');
  assert.equal(await page.getByTestId('event-count').textContent(), '2');
  assert.deepEqual(problems.console, []);
  await context.close();
});
