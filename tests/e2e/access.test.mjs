// Reading the story without the picture: the partnership table, and a keyboard walk through the
// network and the timeline with one tab stop each (issue 13 §2–§3). Frozen story (mechanics).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, FROZEN_STORY } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const snapshot = (date) => JSON.parse(execFileSync('target/release/powershift', ['snapshot', FROZEN_STORY, '--date', date]).toString());
const url = (query = '') => `${srv.appUrl}?data=test-data/story-frozen.json${query ? '&' + query : ''}`;

async function withPage(fn, viewport = { width: 1280, height: 900 }) {
  const { context, page, problems } = await openPage(browser, viewport);
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await fn(page);
    assert.deepEqual(problems.console, [], 'console errors');
  } finally {
    await context.close();
  }
}

/** The accessible name of the focused element, read from the accessibility tree (Playwright's ARIA
 *  snapshot of the focused node: `- button "OpenAI, AI lab, …" [pressed]`), not from markup. */
const focusedName = async (page) => {
  const snap = await page.locator(':focus').ariaSnapshot();
  const m = snap.match(/^- \w+ "((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : snap;
};

test('the table lists the relationships in force like the snapshot, sorts with aria-sort and selects', async () => {
  await withPage(async (page) => {
    for (const date of ['2019-07-22', '2025-01-21']) {
      await page.goto(url(`date=${date}`));
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      const table = page.getByRole('table').first();
      await table.waitFor();
      const ids = await page.locator('.partnership-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rel));
      assert.deepEqual(ids, snapshot(date).edges.map((e) => e.id), date);
      assert.match(await table.locator('caption').textContent(), new RegExp(`^Relationships in force on .*: ${ids.length} of ${ids.length} shown`));
    }
    // Sorting by Since: ascending, then descending; aria-sort says which.
    const since = page.getByRole('columnheader', { name: /Since/ });
    await since.getByRole('button').click();
    assert.equal(await since.getAttribute('aria-sort'), 'ascending');
    await since.getByRole('button').click();
    assert.equal(await since.getAttribute('aria-sort'), 'descending');
    // A filter chip applies to the table too.
    const before = await page.locator('.partnership-table tbody tr').count();
    await page.getByRole('group', { name: 'Show relationships of these kinds' }).getByRole('button', { name: 'Money', exact: true }).click();
    assert.ok(await page.locator('.partnership-table tbody tr').count() < before);
    // Selecting a row selects the relationship (details), and the row says it is current.
    const first = page.locator('.partnership-table tbody tr th button').first();
    await first.click();
    await page.getByTestId('rel-details').waitFor();
    assert.equal(await first.getAttribute('aria-current'), 'true');
    // The organisations tab.
    await page.getByRole('tab', { name: /Organisations/ }).click();
    assert.ok(await page.getByRole('tabpanel').getByRole('row').count() > 2);
  });
});

test('one tab stop into the network: a keyboard walk from OpenAI to Microsoft to Oracle and back', async () => {
  await withPage(async (page) => {
    await page.goto(url('date=2025-01-21'));
    const net = page.getByRole('group', { name: /Partnership network/ });
    await net.waitFor();
    assert.equal(await net.locator('[data-org][tabindex="0"]').count(), 1, 'one organisation in the tab order');
    // The timeline arrives a moment after the first screen (issue 12: one task per panel at load).
    await page.locator('svg.timeline [data-event-ix][tabindex="0"]').first().waitFor();
    assert.equal(await page.locator('svg.timeline [data-event-ix][tabindex="0"]').count(), 1, 'one event in the tab order');
    assert.match(await net.getAttribute('aria-describedby'), /network-help/);
    await net.locator('[data-org][tabindex="0"]').focus();
    assert.match(await focusedName(page), /^OpenAI/);
    const to = async (name, key) => {
      for (let i = 0; i < 20 && !new RegExp(`^${name}`).test(await focusedName(page)); i++) await page.keyboard.press(key);
      assert.match(await focusedName(page), new RegExp(`^${name}`));
    };
    await to('Microsoft', 'ArrowRight');
    await page.keyboard.press('ArrowDown');
    await to('Oracle', 'ArrowRight');
    await page.keyboard.press('i');
    await page.getByText(/^Oracle[^.]* has \d+ partners? on 21 January 2025/).waitFor();
    await page.keyboard.press('ArrowUp');
    assert.match(await focusedName(page), /^Microsoft/);
    await page.keyboard.press('ArrowUp');
    assert.match(await focusedName(page), /^OpenAI/);
    await page.keyboard.press('Enter');
    await page.getByTestId('org-details').waitFor();
    // Home goes to the largest organisation; Escape leaves to the network's heading.
    await page.locator('[data-org][tabindex="0"]').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'network-title');
  });
});

test('a date change is announced once, politely, with what changed and the counts', async () => {
  await withPage(async (page) => {
    await page.goto(url('date=2019-07-01'));
    const live = page.locator('[aria-live="polite"]#sentence-text');
    await live.waitFor();
    await page.getByRole('button', { name: 'Next change' }).click();
    await page.getByRole('heading', { name: 'Partnerships on 22 July 2019' }).waitFor();
    const said = await live.textContent();
    assert.match(said, /^22 July 2019: .*Microsoft.*OpenAI.* \d+ organisations, \d+ relationships in force\.$/);
    // The drawing is described by the same summary.
    assert.match(await page.getByRole('group', { name: /Partnership network/ }).getAttribute('aria-describedby'), /sentence-text/);
  });
});

test('one tab stop into the timeline: arrows move through the events in time', async () => {
  await withPage(async (page) => {
    await page.goto(url('date=2019-07-22'));
    const stop = page.locator('svg.timeline [data-event-ix][tabindex="0"]');
    await stop.waitFor();
    await stop.focus();
    const first = await focusedName(page);
    await page.keyboard.press('ArrowRight');
    const second = await focusedName(page);
    assert.notEqual(second, first);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedName(page), first);
    await page.keyboard.press('Home');
    assert.match(await focusedName(page), /2015/);
  });
});

/** axe-core's violations of any impact on the page (evaluated through DevTools: the page's CSP
 *  allows no inline script, and this is the test's script, not the page's). */
async function axeViolations(page) {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  await page.evaluate(readFileSync(resolve('tools/node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const [mode, query, viewport] of [
  ['default', 'date=2025-01-21', { width: 1280, height: 900 }],
  ['an organisation selected', 'date=2025-01-21&select=org:microsoft', { width: 1280, height: 900 }],
  ['375 px', 'date=2025-01-21&select=event:E06', { width: 375, height: 812 }],
  ['a story step', 'step=2', { width: 1280, height: 900 }],
  ['a story step at 375 px', 'step=3', { width: 375, height: 812 }],
]) {
  test(`axe finds no violation of any impact: ${mode}`, async () => {
    await withPage(async (page) => {
      await page.goto(url(query));
      await page.getByRole('group', { name: /Partnership network/ }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
    }, viewport);
  });
}

test('axe finds no violation of any impact: the table', async () => {
  await withPage(async (page) => {
    await page.goto(url('date=2025-01-21'));
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('table').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});
