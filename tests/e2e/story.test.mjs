// The product, end to end, as a reader uses it: scrub, play, step, select, filter, search, and a
// keyboard-only path. Elements are located by role and accessible name, so these tests also guard
// accessibility. Runs against the release build under /powershift/, on a frozen copy of the story
// (mechanics); the screenshots show the shipped story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, screenshot, FROZEN_STORY } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const snapshot = (date) => JSON.parse(execFileSync('target/release/powershift', ['snapshot', FROZEN_STORY, '--date', date]).toString());
const START = Date.UTC(2015, 11, 11) / 86400000;
const daysSinceStart = (iso) => Date.parse(iso + 'T00:00:00Z') / 86400000 - START;
const words = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Page object for the story. */
class StoryPage {
  constructor(page) { this.page = page; }
  /** Opens the frozen story with a deep link (`?date=…`), or the shipped story when `shipped`. */
  async open(query = '', { shipped = false } = {}) {
    await this.page.emulateMedia({ reducedMotion: 'reduce' });
    const params = new URLSearchParams(query);
    if (!shipped) params.set('data', 'test-data/story-frozen.json');
    const q = params.toString();
    await this.page.goto(srv.appUrl + (q ? '?' + q : ''));
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.network().waitFor();
  }
  slider() { return this.page.getByRole('slider', { name: 'Date' }); }
  network() { return this.page.getByRole('group', { name: /Partnership network/ }); }
  details() { return this.page.getByRole('region', { name: 'Details' }); }
  currentDate() { return this.page.getByTestId('current-date'); }
  /** Drags the scrubber to a date (what a pointer drag does: set the value, fire input). */
  async scrubTo(iso) {
    await this.slider().evaluate((el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, daysSinceStart(iso));
    await this.page.waitForFunction((w) => document.querySelector('[data-testid=current-date]')?.textContent === w, words(iso));
  }
  /** The relationships drawn: every line lists the ones it stands for (a bundle, a pair's). Sorted. */
  async drawnEdges() {
    const ids = await this.page.locator('svg.network .edges [data-rels]').evaluateAll((els) => els.flatMap((e) => e.getAttribute('data-rels').split(' ')));
    return ids.sort();
  }
  async drawnNodes() {
    return this.page.locator('svg.network [data-org]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  }
  /** An organisation's button: its name begins "Oracle (OCI), Cloud provider, …". */
  node(name) { return this.network().getByRole('button', { name: new RegExp('^' + name + '( \\([^)]*\\))?, ') }); }
}

async function withStory(viewport, fn) {
  const { context, page, problems } = await openPage(browser, viewport);
  try {
    const story = new StoryPage(page);
    await fn(story, page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
  } finally {
    await context.close();
  }
}

test('scrubbing to a date draws exactly the relationships of `powershift snapshot`', async () => {
  await withStory({ width: 1280, height: 800 }, async (story) => {
    await story.open();
    for (const date of ['2019-07-22', '2023-01-23', '2025-01-21', '2026-04-28']) {
      await story.scrubTo(date);
      const snap = snapshot(date);
      assert.deepEqual(await story.drawnEdges(), snap.edges.map((e) => e.id).sort(), date);
      assert.deepEqual(await story.drawnNodes(), snap.nodes.map((n) => n.id), date);
      const sentence = await story.page.getByTestId('sentence').textContent();
      assert.ok(sentence.startsWith(`${words(date)}: `), sentence);
      assert.ok(sentence.endsWith(`${snap.nodes.length} organisations, ${snap.edges.length} relationships in force.`), sentence);
    }
  });
});

test('previous and next change step between the dates when the network changes', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2019-07-22');
    assert.equal(await story.currentDate().textContent(), '22 July 2019');
    await page.getByRole('button', { name: 'Next change' }).click();
    assert.equal(await story.currentDate().textContent(), '22 September 2020');
    await page.getByRole('button', { name: 'Previous change' }).click();
    await page.getByRole('button', { name: 'Previous change' }).click();
    assert.equal(await story.currentDate().textContent(), 'February 2018', 'a month-precision change reads as a month');
    assert.match(await page.getByTestId('sentence').textContent(), /^February 2018: Musk steps down from OpenAI's board \(2 relationships\)\./);
  });
});

test('play advances through the changes and pause stops it', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2023-01-23');
    const play = page.getByRole('button', { name: 'Play through the changes' });
    await play.click();
    // A step lasts as long as its sentence needs (up to 8 s).
    await page.waitForFunction(() => document.querySelector('[data-testid=current-date]').textContent !== '23 January 2023', null, { timeout: 10000 });
    const pause = page.getByRole('button', { name: 'Pause' });
    await pause.click();
    const stopped = await story.currentDate().textContent();
    // A negative check needs time to pass: longer than the shortest play step (1.6 s), the date must not move.
    await page.waitForTimeout(2000);
    assert.equal(await story.currentDate().textContent(), stopped, 'paused');
    assert.equal(await play.getAttribute('aria-pressed'), 'false');
  });
});

test('selecting an organisation shows its details, relationships and sourced events', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2025-09-30');
    await story.node('Oracle').locator('circle').click();
    const details = story.details();
    await details.getByRole('heading', { name: /Oracle \(OCI\)/ }).waitFor();
    assert.match(await details.textContent(), /Relationships in force on 30 September 2025 \(\d+\)/);
    // Linked: Oracle's edges are highlighted, others dimmed.
    assert.ok(await page.locator('svg.network [data-rel].highlight').count() >= 3);
    assert.ok(await page.locator('svg.network [data-rel].dim').count() >= 10);
    // Open one relationship: phases and events with sources.
    await details.getByRole('button', { name: /OpenAI: Oracle cloud/ }).click();
    await details.getByRole('heading', { name: /Oracle → OpenAI ?: Oracle cloud/ }).waitFor();
    assert.match(await details.textContent(), /4\.5 GW/);
    const links = details.getByRole('link');
    assert.ok(await links.count() >= 5);
    for (const a of await links.all()) {
      assert.equal(await a.getAttribute('target'), '_blank');
      assert.equal(await a.getAttribute('rel'), 'noopener noreferrer');
      assert.match(await a.getAttribute('href'), /^https?:\/\//);
    }
  });
});

test('a filter chip above the network hides a colour of lines, says so, and showing all brings them back', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2026-04-28');
    const all = snapshot('2026-04-28').edges;
    const conflict = new Set(['lawsuit', 'dispute', 'competition']);
    assert.deepEqual(await story.drawnEdges(), all.map((e) => e.id).sort());
    assert.ok(all.some((e) => conflict.has(e.kind)));
    const chip = page.getByRole('button', { name: 'Conflict', exact: true });
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    // The chips sit above the drawing.
    const chipBox = await chip.boundingBox();
    const svgBox = await page.locator('svg.network').boundingBox();
    assert.ok(chipBox.y + chipBox.height <= svgBox.y + 1, `${chipBox.y} vs ${svgBox.y}`);
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await story.drawnEdges(), all.filter((e) => !conflict.has(e.kind)).map((e) => e.id).sort());
    assert.match(await page.getByTestId('sentence').textContent(), / of \d+ relationships in force shown\.$/);
    await page.getByText('Hidden: Conflict.').waitFor();
    assert.match(page.url(), /hide=lawsuit%2Cdispute%2Ccompetition|hide=lawsuit,dispute,competition/);
    await page.getByRole('button', { name: 'Show all kinds' }).click();
    assert.deepEqual(await story.drawnEdges(), all.map((e) => e.id).sort());
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  });
});

test('search finds Oracle and its events', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open();
    await page.getByRole('searchbox', { name: 'Find an organisation or event' }).fill('Oracle');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: /^Oracle \(OCI\)/ }).click();
    await story.details().getByRole('heading', { name: /Oracle \(OCI\)/ }).waitFor();
    assert.ok(await results.getByRole('listitem').count() >= 4, 'the organisation and some of its events');
  });
});

test('keyboard only: scrubber → network → details', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open();
    // Tab to the slider.
    for (let i = 0; i < 15 && !(await story.slider().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await story.slider().evaluate((el) => el === document.activeElement), 'the slider takes focus');
    await page.keyboard.press('Home');
    assert.equal(await story.currentDate().textContent(), '11 December 2015');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    assert.equal(await story.currentDate().textContent(), '11 June 2023');
    await page.keyboard.press('ArrowRight');
    assert.equal(await story.currentDate().textContent(), '11 July 2023');
    // Tab on to the first organisation in the network and open it.
    let name = null;
    for (let i = 0; i < 80 && !name; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => document.activeElement?.closest('svg.network [data-org]') ? document.activeElement.getAttribute('aria-label') : null);
    }
    assert.ok(name, 'an organisation in the network takes focus');
    await page.keyboard.press('Enter');
    const org = name.split(',')[0];
    await story.details().getByRole('heading', { name: org }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
    // Escape clears the selection.
    await page.keyboard.press('Escape');
    await story.details().getByText(/Select an organisation in the network/).waitFor();
  });
});

test('selecting an event on the timeline moves the network to its date', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open();
    await page.getByRole('group', { name: /Events in time/ }).getByRole('button', { name: /^27 February 2026: Amazon and OpenAI sign/ }).first().click();
    // The page re-renders after the click's task (on a slow machine the read could come first).
    await story.currentDate().filter({ hasText: /^27 February 2026$/ }).waitFor({ timeout: 5000 });
    await story.details().getByText(/Frontier/).first().waitFor();
  });
});

for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`screenshots at ${w} px for the story's key dates, nothing cut off`, async () => {
    await withStory({ width: w, height: h }, async (story, page) => {
      for (const date of ['2019-07-22', '2023-01-23', '2025-01-21', '2026-04-28']) {
        await story.open(`?date=${date}`, { shipped: true });
        assert.equal(await story.currentDate().textContent(), words(date));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${date}: page scrolls sideways by ${overflow}px`);
        await screenshot(page, `story-${date}-${w}`);
      }
    });
  });
}

test('clicking a bundled line lists its agreements; one of them shows its lifecycle', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2025-06-01');
    // Google–Anthropic has two agreements: at the default zoom they are one line with a badge.
    const line = page.locator('svg.network .edges [data-rels~="google-anthropic-cloud"]');
    assert.equal(await line.getAttribute('data-rels'), 'google-anthropic-investment google-anthropic-cloud');
    const mid = await line.locator('.edge-line').evaluate((p) => {
      const c = p.getScreenCTM();
      const m = p.getPointAtLength(p.getTotalLength() / 2);
      return { x: m.x * c.a + m.y * c.c + c.e, y: m.x * c.b + m.y * c.d + c.f };
    });
    await page.mouse.click(mid.x, mid.y);
    const details = story.details();
    await details.getByRole('heading', { name: /Google.* – Anthropic|Anthropic – Google/ }).waitFor();
    await details.getByRole('button', { name: /Google → Anthropic: Google Cloud and TPUs/ }).click();
    await details.getByRole('heading', { name: /Google → Anthropic ?: Google Cloud and TPUs/ }).waitFor();
    const phases = await details.locator('.phase-list > li').allTextContents();
    assert.equal(phases.length, 3);
    assert.match(phases[0], /^preferred cloud.*In force on 1 June 2025/);
    assert.match(phases[1], /^up to one million TPUs/);
    assert.match(phases[2], /^multi-gigawatt TPU capacity from 2027/);
    // The selected agreement is drawn fanned out, as its own line.
    assert.match(await page.locator('svg.network [data-rel="google-anthropic-cloud"]').getAttribute('class'), /selected/);
  });
});

test('dragging an organisation pins it; reset view unpins', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2026-04-28');
    const circle = story.node('Apple').locator('circle');
    const box = await circle.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y + 40, { steps: 5 });
    await page.mouse.up();
    const after = await circle.boundingBox();
    assert.ok(Math.abs(after.x - box.x - 60) < 6 && Math.abs(after.y - box.y - 40) < 6, JSON.stringify({ box, after }));
    assert.match(await story.node('Apple').getAttribute('class'), /pinned/);
    // Still pinned on another date.
    await story.scrubTo('2026-01-01');
    assert.match(await story.node('Apple').getAttribute('class'), /pinned/);
    await page.getByRole('button', { name: 'Reset view' }).click();
    assert.doesNotMatch(await story.node('Apple').getAttribute('class'), /pinned/);
  });
});

test('a date change animates: ended lines fade out, then the picture settles; reduced motion is instant', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(srv.appUrl + '?data=test-data/story-frozen.json&date=2026-06-11');
    await story.network().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('svg.network .exiting path').length === 0);
    await story.slider().evaluate((el) => { el.value = '2600'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.waitForFunction(() => document.querySelectorAll('svg.network .exiting path').length > 10);
    await page.waitForFunction(() => document.querySelectorAll('svg.network .exiting path').length === 0, null, { timeout: 3000 });
    // Reduced motion: the new picture is final at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await story.network().waitFor();
    await story.slider().evaluate((el) => { el.value = '3800'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    const exiting = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(document.querySelectorAll('svg.network .exiting path').length))));
    assert.equal(exiting, 0);
  });
});

test('zooming the timeline narrows the window about the date and brings out every title', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2025-09-24');
    const brush = page.locator('.timeline .brush');
    const full = Number(await brush.getAttribute('width'));
    // The whole story: titles of the events that changed the network, the rest bare marks.
    const marks = await page.locator('.timeline .mark').count();
    const whole = await page.locator('.timeline .mark text').count();
    assert.ok(whole > 3 && whole < marks, `whole story: key titles only (${whole} of ${marks} marks)`);
    // The colour key names every mark colour, product launches' grey included.
    await page.getByRole('list', { name: 'Mark colours' }).getByText('Product launch').waitFor();
    const zoomIn = page.getByRole('button', { name: 'Zoom timeline in' });
    for (let i = 0; i < 4; i++) await zoomIn.click();
    const narrow = Number(await brush.getAttribute('width'));
    assert.ok(narrow < full / 10, `brush ${full} → ${narrow}`);
    // The zoom kept the date at the centre instead of pinning it to an edge.
    const svgWidth = Number(await page.locator('svg.timeline').getAttribute('width'));
    const now = Number(await page.locator('svg.timeline > line.now').getAttribute('x1'));
    assert.ok(Math.abs(now - svgWidth / 2) < 1, `date at ${now} of ${svgWidth}`);
    const titled = await page.locator('.timeline .mark text').count();
    assert.ok(titled > 3, 'titles are shown when they fit');
    assert.equal(titled, await page.locator('.timeline .mark').count(), 'zoomed in, every mark drawn has its title');
    // Marks and their titles never overlap in a lane.
    const boxes = await page.locator('.timeline .mark').evaluateAll((gs) => gs.map((g) => g.getBBox()).map((b) => [b.x, b.y, b.x + b.width, b.y + b.height]));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
      assert.ok(!overlap, `marks ${i} and ${j} overlap`);
    }
    await page.getByRole('button', { name: 'Whole story' }).click();
    assert.equal(Number(await brush.getAttribute('width')), full);
  });
});

test('the zoom buttons keep the selected event at the centre of the timeline', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2026-06-11&select=event:E06');
    const zoomIn = page.getByRole('button', { name: 'Zoom timeline in' });
    for (let i = 0; i < 3; i++) await zoomIn.click();
    const svgWidth = Number(await page.locator('svg.timeline').getAttribute('width'));
    const cx = Number(await page.locator('svg.timeline [data-event="E06"] circle').getAttribute('cx'));
    assert.ok(Math.abs(cx - svgWidth / 2) < 1, `E06 at ${cx} of ${svgWidth}`);
  });
});

test('brushing the overview strip sets the timeline window', async () => {
  await withStory({ width: 1280, height: 800 }, async (story, page) => {
    await story.open('?date=2025-09-24');
    const strip = page.locator('.timeline .strip-bg');
    await strip.scrollIntoViewIfNeeded();
    const b = await strip.boundingBox();
    await page.mouse.move(b.x + 700, b.y + 15);
    await page.mouse.down();
    await page.mouse.move(b.x + 900, b.y + 15, { steps: 6 });
    await page.mouse.up();
    const brush = page.locator('.timeline .brush');
    assert.ok(Math.abs(Number(await brush.getAttribute('x')) - 700) < 2);
    assert.ok(Math.abs(Number(await brush.getAttribute('width')) - 200) < 2);
    // The axis now shows months, not years.
    assert.ok((await page.locator('.timeline .tick text').allTextContents()).some((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Q[1-4])/.test(t)));
  });
});
