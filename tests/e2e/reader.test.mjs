// Reader ergonomics: the page scrolls past the graphic (a plain wheel is the page's, Ctrl/⌘ + wheel
// zooms), and a selection made far from the details shows them where the reader looks, with a way
// back. Frozen story; release build under /powershift/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const url = (query = '') => `${srv.appUrl}?data=test-data/story-frozen.json${query ? '&' + query : ''}`;

async function withPage(viewport, fn) {
  const { context, page, problems } = await openPage(browser, viewport);
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url('date=2026-04-28'));
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    await fn(page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
  } finally {
    await context.close();
  }
}

const zoomOf = (page) => page.locator('svg.network > g[transform]').getAttribute('transform');

test('the wheel over the network scrolls the page and does not zoom; Ctrl + wheel zooms', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    const box = await page.locator('svg.network').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await zoomOf(page);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 100);
    assert.equal(await zoomOf(page), before, 'a plain wheel does not zoom');
    await page.getByRole('status').filter({ hasText: /Ctrl \+ scroll/ }).first().waitFor();
    // Back up, then zoom with Ctrl held: the page stays where it is.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((b) => document.querySelector('svg.network > g[transform]').getAttribute('transform') !== b, before);
    assert.match(await zoomOf(page), /scale\(1\.[0-9]+\)|scale\([2-9]/);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });
});

test('the wheel over the timeline scrolls the page too', async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    const timeline = page.getByRole('group', { name: /Events in time/ });
    await timeline.scrollIntoViewIfNeeded();
    const box = await timeline.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 60);
    const y0 = await page.evaluate(() => window.scrollY);
    const window0 = await page.locator('svg.timeline .brush').getAttribute('width');
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => window.scrollY > y, y0);
    assert.equal(await page.locator('svg.timeline .brush').getAttribute('width'), window0, 'the window did not zoom');
  });
});

for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`an event chosen on the timeline shows its details in view, with a way back (${w} px)`, async () => {
    await withPage({ width: w, height: h }, async (page) => {
      const mark = page.getByRole('group', { name: /Events in time/ }).getByRole('button', { name: /^22 July 2019: / }).first();
      await mark.scrollIntoViewIfNeeded();
      await mark.click();
      const heading = page.getByRole('heading', { name: 'Details' });
      await page.waitForFunction(() => {
        const r = document.getElementById('details-title').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      assert.ok(await heading.isVisible());
      await page.getByRole('region', { name: 'Details' }).getByText(/22 July 2019/).first().waitFor();
      await page.getByRole('button', { name: 'Back to the timeline' }).click();
      await page.waitForFunction(() => {
        const m = document.querySelector('svg.timeline [data-event="E06"]');
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    });
  });
}

test('on a phone, scrubber steps leave the event list, comparison options, money drawing and timeline axis alone until what they show changes', async () => {
  await withPage({ width: 375, height: 812 }, async (page) => {
    await page.waitForFunction(() => !document.querySelector('.deferred'));
    await page.evaluate(() => {
      window.__changed = [];
      const note = (what) => (records) => { for (const r of records) window.__changed.push(`${what}: ${r.type} ${r.attributeName ?? ''}`); };
      const watch = (selector, what) => new MutationObserver(note(what))
        .observe(document.querySelector(selector), { subtree: true, childList: true, attributes: true, characterData: true });
      watch('.event-list', 'list of events');
      watch('#compare-date', 'comparison options');
      watch('svg.money-svg', 'money drawing');
      // The timeline's strip and axis: its bars and ticks (its current-date lines do move).
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (el.closest('.density-bar, .tick')) window.__changed.push(`timeline bars or ticks: ${r.type}`);
        }
      }).observe(document.querySelector('svg.timeline'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const heading = page.getByRole('heading', { name: /^Partnerships on/ });
    const before = await heading.textContent();
    await page.getByRole('slider', { name: 'Date' }).focus();
    // Three months back from 28 April 2026: still 2026, so the list's open year stays.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    // The whole page re-renders in the task that changes the heading, and mutation records are
    // delivered before that task ends: whatever changed elsewhere is recorded by now.
    await page.waitForFunction((b) => document.querySelector('#network-title').textContent !== b, before);
    assert.match(await heading.textContent(), /2026/);
    assert.deepEqual(await page.evaluate(() => window.__changed), []);
    const openYears = () => page.locator('.event-list details[open] > summary').allTextContents();
    assert.deepEqual((await openYears()).map((t) => t.slice(0, 4)), ['2026']);
    // Into 2025: the list (built once per year and selection) opens that year instead.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('#network-title').textContent.includes('2025'));
    await page.waitForFunction(() => window.__changed.some((c) => c.startsWith('list of events')), null, { timeout: 5000 });
    assert.deepEqual((await openYears()).map((t) => t.slice(0, 4)), ['2025']);
  });
});

test('on a phone with touch, every interactive element is at least 44 × 44 px', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url('date=2025-01-21&select=org:microsoft'));
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    await page.getByTestId('org-details').waitFor();
    // The touch squares are sized once the drawing has been measured: wait two frames, not a time.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const small = await page.evaluate(() => {
      const sel = 'button, a[href], input:not([type=hidden]), select, summary, [role=button], [tabindex="0"]';
      return [...document.querySelectorAll(sel)]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden=true], .visually-hidden')) return false;
          // Links inside running text are exempt (WCAG 2.5.8's inline exception).
          if (el.tagName === 'A' && el.closest('p')) return false;
          return r.width < 44 - 0.5 || r.height < 44 - 0.5;
        })
        .map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
    });
    assert.deepEqual(small, []);
  } finally {
    await context.close();
  }
});

// Issue 10 §6: what the page says and what it names for screen readers is words, never codes. The
// shipped story (its notes are story facts), at a few dates with an organisation, an event (one with
// a one-day date footnote, one with two), a pair and a relationship selected.
test('no event ids, ISO dates joined by "or" or formulas reach readers, in text or accessible names', async () => {
  const cases = [
    'date=2023-01-23&select=org:microsoft',
    'date=2026-02-27&select=event:E72',
    'date=2026-01-16&select=event:E67',
    'date=2026-04-24&select=event:E80',
    'date=2025-06-01&select=pair:google,anthropic',
    'date=2026-04-28&select=rel:microsoft-openai-investment',
  ];
  for (const q of cases) {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${srv.appUrl}?${q}`);
      await page.getByRole('group', { name: /Partnership network/ }).waitFor();
      await page.getByRole('region', { name: 'Details' }).locator('article').first().waitFor();
      const texts = await page.evaluate(() => {
        const out = [];
        const skip = (n) => n.parentElement?.closest('script, style, noscript');
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
          { acceptNode: (n) => (skip(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
        while (walk.nextNode()) out.push(walk.currentNode.nodeValue);
        for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
          for (const el of document.querySelectorAll(`[${a}]`)) out.push(el.getAttribute(a));
        }
        return out.map((t) => t.trim()).filter((t) => t.length > 0);
      });
      assert.ok(texts.length > 200, `${q}: the walk found the page (${texts.length} texts)`);
      const bad = (re) => texts.filter((t) => re.test(t));
      assert.deepEqual(bad(/\bE\d{1,3}\b/), [], `${q}: event ids`);
      assert.deepEqual(bad(/\d{4}-\d{2}(-\d{2})?\s+or\s+\d{4}-\d{2}/), [], `${q}: ISO dates joined by "or"`);
      assert.deepEqual(bad(/√/), [], `${q}: formulas`);
      assert.deepEqual(bad(/\b(\w+) \(\1\)/i), [], `${q}: a word and itself in brackets`);
      assert.deepEqual(problems.console, [], 'console errors');
    } finally {
      await context.close();
    }
  }
});
