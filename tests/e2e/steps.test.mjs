// The guided story (narrative mode), as a reader uses it: a link to a step, Previous and Next, the
// `[` and `]` keys inside the story area, leaving the story by selecting something and coming back,
// event references in a step's text, the polite announcement of a step, Back and Forward, the embed
// and a host page's `powershift:step`. Runs on the frozen copy of the story and its four steps
// (mechanics: crates/powershift-core/tests/res/story-frozen.json), release build under /powershift/.
// Elements are found by role and accessible name, or by the test ids the step bar sets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startHostServer, launch, openPage } from './harness.mjs';

let srv, host, browser;
before(async () => { srv = await startServer(); host = await startHostServer(srv); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); host?.server.close(); });

const DATA = 'data=test-data/story-frozen.json';
const url = (query = '') => `${srv.appUrl}?${DATA}${query ? '&' + query : ''}`;

/** The frozen story's steps: title and date in words. */
const STEPS = [
  { title: 'An exclusive start', date: '22 July 2019' },
  { title: 'Rival backers for Anthropic', date: '25 September 2023' },
  { title: 'Exclusivity loosens', date: '21 January 2025' },
  { title: 'Amazon moves in', date: '28 April 2026' },
];

/** Page object for the story and its step bar. */
class Steps {
  constructor(page) { this.page = page; }
  async open(query = '') {
    await this.page.emulateMedia({ reducedMotion: 'reduce' });
    await this.page.goto(url(query));
    await this.page.getByRole('group', { name: /Partnership network/ }).waitFor();
  }
  bar() { return this.page.getByTestId('step-bar'); }
  position() { return this.page.getByTestId('step-position'); }
  next() { return this.page.getByRole('button', { name: 'Next step', exact: true }); }
  prev() { return this.page.getByRole('button', { name: 'Previous step', exact: true }); }
  details() { return this.page.getByRole('region', { name: 'Details' }); }
  sentence() { return this.page.getByTestId('sentence'); }
  /** An organisation's button in the network: its name begins "Microsoft, Cloud provider, …". */
  node(name) {
    return this.page.getByRole('group', { name: /Partnership network/ }).getByRole('button', { name: new RegExp('^' + name + '( \\([^)]*\\))?, ') });
  }
  /** Waits until step `n` (from 1) is on view: its heading, position, the network's date, the link. */
  async showsStep(n) {
    const { title, date } = STEPS[n - 1];
    await this.bar().getByRole('heading', { level: 2, name: title }).waitFor();
    await this.page.waitForFunction((p) => document.querySelector('[data-testid=step-position]')?.textContent === p, `Step ${n} of 4`);
    await this.page.getByRole('heading', { name: `Partnerships on ${date}` }).waitFor();
    assert.equal(await this.page.getByTestId('current-date').textContent(), date);
    await this.page.waitForFunction((n) => new URL(location.href).searchParams.get('step') === String(n), n);
  }
}

async function withSteps(fn, viewport = { width: 1280, height: 800 }) {
  const { context, page, problems } = await openPage(browser, viewport);
  try {
    await fn(new Steps(page), page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
  } finally {
    await context.close();
  }
}

test('a link to step 2 shows step 2: its heading, position, date and selection, and keeps step=2', async () => {
  await withSteps(async (s) => {
    await s.open('step=2');
    await s.showsStep(2);
    await s.details().getByRole('heading', { name: 'Anthropic', exact: true }).first().waitFor();
    assert.ok(await s.prev().isEnabled() && await s.next().isEnabled());
    // The step's text cites its events as buttons named by date and title; no reference syntax shows.
    const refs = s.bar().getByRole('button', { name: /^(February 2023|25 September 2023): / });
    assert.equal(await refs.count(), 2);
    assert.doesNotMatch(await s.bar().textContent(), /\[E\d+\]/);
  });
});

test('Next and Previous walk the steps and stop at the ends; a step sets focus and filters too', async () => {
  await withSteps(async (s, page) => {
    await s.open('step=2');
    await s.next().click();
    await s.showsStep(3);
    await s.next().click();
    await s.showsStep(4);
    assert.ok(await s.next().isDisabled(), 'no step after the last');
    // Step 4 focuses OpenAI and hides the conflict lines.
    await page.getByText('Only OpenAI’s relationships.').waitFor();
    await page.getByText('Hidden: Conflict.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Conflict', exact: true }).getAttribute('aria-pressed'), 'false');
    for (const n of [3, 2, 1]) {
      await s.prev().click();
      await s.showsStep(n);
    }
    assert.ok(await s.prev().isDisabled(), 'no step before the first');
    // What step 4 set is cleared by step 1, which leaves it out.
    assert.equal(await page.getByText('Only OpenAI’s relationships.').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Conflict', exact: true }).getAttribute('aria-pressed'), 'true');
  });
});

test('] and [ move through the steps while the focus is in the step bar or the network, not while typing', async () => {
  await withSteps(async (s, page) => {
    await s.open('step=1');
    await s.next().focus();
    await page.keyboard.press(']');
    await s.showsStep(2);
    await page.keyboard.press(']');
    await s.showsStep(3);
    await page.keyboard.press('[');
    await s.showsStep(2);
    // From an organisation in the network.
    await s.node('Microsoft').focus();
    await page.keyboard.press(']');
    await s.showsStep(3);
    // Not in a form field of the story area (the compare box), nor outside the story area.
    await page.getByRole('combobox', { name: 'Compare with' }).focus();
    await page.keyboard.press(']');
    const search = page.getByRole('searchbox', { name: 'Find an organisation or event' });
    await search.focus();
    await page.keyboard.type('[]');
    assert.equal(await search.inputValue(), '[]');
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press(']');
    // A negative check needs a moment: the step must not move.
    await page.waitForTimeout(300);
    assert.equal(await s.position().textContent(), 'Step 3 of 4');
    assert.equal(await page.getByTestId('current-date').textContent(), STEPS[2].date);
  });
});

test('selecting something leaves the story; "Back to step 2" returns to it', async () => {
  await withSteps(async (s, page) => {
    await s.open('step=2');
    await s.showsStep(2);
    await s.node('Microsoft').locator('circle').click();
    await s.details().getByRole('heading', { name: 'Microsoft', exact: true }).first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=step-position]')?.textContent === 'You left step 2 of 4');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('step'));
    // The left step stays readable; the way back is a button, and Next goes on from it.
    await s.bar().getByRole('heading', { name: STEPS[1].title }).waitFor();
    await page.getByRole('button', { name: 'Back to step 2' }).click();
    await s.showsStep(2);
    await s.details().getByRole('heading', { name: 'Anthropic', exact: true }).first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Next step', 'the focus moves on to Next step');
    // Leaving on purpose, then Next from the left step.
    await page.getByRole('button', { name: 'Explore on your own' }).click();
    await page.getByRole('button', { name: 'Back to step 2' }).waitFor();
    await s.next().click();
    await s.showsStep(3);
  });
});

test('an event reference in a step selects the event, which leaves the story', async () => {
  await withSteps(async (s, page) => {
    await s.open('step=3');
    await s.showsStep(3);
    await s.bar().getByRole('button', { name: /^21 January 2025: Microsoft ends Azure exclusivity/ }).click();
    await s.details().getByText('Microsoft ends Azure exclusivity, keeps a right of first refusal').first().waitFor();
    await page.getByRole('button', { name: 'Back to step 3' }).waitFor();
    assert.equal(await page.getByTestId('current-date').textContent(), STEPS[2].date, 'the date stays the step\'s');
  });
});

test('a step change is announced politely with the step\'s title, in the sentence\'s live region', async () => {
  await withSteps(async (s, page) => {
    await s.open('');
    // Before the story: one row offering to start it, nothing announced about steps.
    await page.getByText('The story in 4 steps', { exact: true }).waitFor();
    assert.doesNotMatch(await s.sentence().textContent(), /^Step /);
    await page.getByRole('button', { name: 'Start the story' }).click();
    await s.showsStep(1);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Next step');
    await s.next().click();
    await s.showsStep(2);
    assert.equal(await s.sentence().getAttribute('aria-live'), 'polite');
    await page.waitForFunction(() => document.querySelector('[data-testid=sentence]').textContent
      .startsWith('Step 2 of 4: Rival backers for Anthropic. 25 September 2023: '));
    // One polite region speaks for the story: the step bar itself is not live.
    assert.equal(await s.bar().getAttribute('aria-live'), null);
    // Leaving the story takes the step out of the announcement.
    await page.getByRole('button', { name: 'Explore on your own' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=sentence]').textContent.startsWith('Step '));
  });
});

test('Back and Forward walk the steps (each step is a history entry)', async () => {
  await withSteps(async (s, page) => {
    await s.open('step=1');
    await s.showsStep(1);
    await s.next().click();
    await s.showsStep(2);
    await page.goBack();
    await s.showsStep(1);
    await page.goForward();
    await s.showsStep(2);
  });
});

test('the embed shows the step bar and moves through the steps', async () => {
  await withSteps(async (s, page) => {
    await s.open('embed=1&step=3');
    await s.showsStep(3);
    await s.next().click();
    await s.showsStep(4);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the embed scrolls sideways by ${overflow}px`);
  }, { width: 375, height: 812 });
});

test('a host page goes to a step with powershift:step; a step the story lacks is ignored with a warning', async () => {
  const src = `${srv.appUrl}?${DATA}&date=2015-12-11`;
  const pageUrl = host.add('steps.html', `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host: steps</title>
<link rel="icon" href="data:,"><script async src="${srv.appUrl}embed.js"></script></head>
<body><h1>A news article</h1><div id="a" data-powershift-src="${src}"></div></body></html>`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    const warnings = [];
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.PowerShift?.embeds().some((e) => e.ready), null, { timeout: 30000 });
    const frame = page.frameLocator('#a iframe');
    assert.equal(await page.evaluate(() => window.PowerShift.step(document.getElementById('a'), 3)), true);
    await frame.getByTestId('step-bar').getByRole('heading', { name: STEPS[2].title }).waitFor();
    await frame.getByRole('heading', { name: `Partnerships on ${STEPS[2].date}` }).waitFor();
    // The frame reports the step in its view, as it reports every key of the link.
    await page.waitForFunction(() => window.PowerShift.embeds()[0].view?.step === '3');
    await page.evaluate(() => window.PowerShift.step(document.getElementById('a'), 9));
    const deadline = Date.now() + 5000;
    while (!warnings.some((w) => w.includes('powershift:step 9: this story has steps 1 to 4')) && Date.now() < deadline) {
      await page.waitForTimeout(50);
    }
    assert.ok(warnings.some((w) => w.includes('powershift:step 9: this story has steps 1 to 4')), warnings.join('\n'));
    await frame.getByTestId('step-bar').getByRole('heading', { name: STEPS[2].title }).waitFor();
    assert.deepEqual(errors, [], 'console errors');
  } finally {
    await context.close();
  }
});
