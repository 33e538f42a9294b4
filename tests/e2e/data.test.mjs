// Data in and out, in the browser: the Export menu's files match `powershift snapshot`; a JSON file
// or the CSV templates open from the reader's computer; the one-file archive (`powershift bundle`)
// works from file:// with no network request at all. Release build under /powershift/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { startServer, launch, openPage, FROZEN_STORY, DIST } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const cli = (args) => execFileSync('target/release/powershift', args).toString();
const snapshot = (date) => JSON.parse(cli(['snapshot', FROZEN_STORY, '--date', date]));

async function withPage(fn) {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await fn(page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.failed, [], 'failed requests');
  } finally {
    await context.close();
  }
}

async function download(page, name) {
  const menu = page.locator('details.export-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

test('the Export menu gives the picture, the relationships, the snapshot and the whole story', async () => {
  await withPage(async (page) => {
    await page.goto(`${srv.appUrl}?data=test-data/story-frozen.json&date=2025-01-21`);
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    const snap = snapshot('2025-01-21');
    // The files are made by the tools module, which starts when the reader opens the menu.
    const started = page.waitForEvent('worker');
    await page.locator('details.export-menu summary').click();
    await started;

    const svg = await download(page, 'Picture (SVG)');
    assert.equal(svg.name, 'story-frozen-2025-01-21.svg');
    const text = svg.bytes.toString();
    assert.match(text, /^<\?xml/);
    for (const n of snap.nodes) assert.ok(text.includes(`data-id="${n.id}"`), n.id);

    const csv = (await download(page, 'Relationships in force (CSV)')).bytes.toString().trim().split(/\r?\n/);
    assert.equal(csv.length - 1, snap.edges.length);

    const json = JSON.parse((await download(page, 'Snapshot (JSON)')).bytes.toString());
    assert.deepEqual(json.edges.map((e) => e.id), snap.edges.map((e) => e.id));

    const gexf = await download(page, 'Whole story for Gephi (GEXF)');
    assert.equal(gexf.name, 'story-frozen.gexf');
    assert.match(gexf.bytes.toString(), /<gexf [^>]*version="1.3"/);

    const png = await download(page, 'Picture (PNG, 2×)');
    assert.equal(png.name, 'story-frozen-2025-01-21.png');
    assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.bytes.readUInt32BE(16), 2400, 'twice the width');

    // The exported picture draws what the page draws (the same core scene), on more dates.
    for (const date of ['2019-07-22', '2026-04-28']) {
      await page.goto(`${srv.appUrl}?data=test-data/story-frozen.json&date=${date}`);
      await page.getByRole('group', { name: /Partnership network/ }).waitFor();
      const dom = await page.evaluate(() => ({
        orgs: [...document.querySelectorAll('svg.network [data-org]')].map((e) => e.getAttribute('data-id')).sort(),
        rels: [...document.querySelectorAll('svg.network .edges [data-rels]')].flatMap((e) => e.getAttribute('data-rels').split(' ')).sort(),
      }));
      const file = (await download(page, 'Picture (SVG)')).bytes.toString();
      const orgs = [...file.matchAll(/class="node[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]).sort();
      const rels = [...file.matchAll(/data-rels="([^"]+)"/g)].flatMap((m) => m[1].split(' ')).sort();
      assert.deepEqual(orgs, dom.orgs, date);
      assert.deepEqual(rels, dom.rels, date);
    }
    await page.goto(`${srv.appUrl}?data=test-data/story-frozen.json&date=2025-01-21`);
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    // Filters apply to the CSV.
    await page.getByRole('button', { name: 'Conflict', exact: true }).click();
    const filtered = (await download(page, 'Relationships in force (CSV)')).bytes.toString().trim().split(/\r?\n/);
    assert.equal(filtered.length - 1, snap.edges.filter((e) => !['lawsuit', 'dispute', 'competition'].includes(e.kind)).length);
  });
});

test('a JSON file or the CSV templates open from the reader\'s computer', async () => {
  await withPage(async (page) => {
    await page.goto(srv.appUrl);
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    const picker = page.getByLabel('Choose a JSON file or CSV files');
    await picker.setInputFiles(resolve('tests/data/tiny.json'));
    const tiny = JSON.parse(readFileSync('tests/data/tiny.json', 'utf8'));
    await page.getByRole('heading', { level: 1, name: tiny.meta.title }).waitFor();
    // The CSV templates of docs/templates/ make a story of their own. The tools module that reads
    // them starts when the reader opens the picker, while they choose.
    const dir = resolve('docs/templates');
    const started = page.waitForEvent('worker');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.click()]);
    await started;
    await chooser.setFiles(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
    const title = readFileSync(join(dir, 'story.csv'), 'utf8').split(/\r?\n/).find((l) => l.startsWith('title,')).slice(6).replace(/^"|"$/g, '');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // A broken file shows its problems, and the page stays usable.
    await picker.setInputFiles(resolve('tests/data/invalid.json'));
    await page.getByRole('alert').waitFor();
    // A file over the limit is refused unread, with its size and the limit.
    await picker.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(16 * 1024 * 1024 + 1, 32) });
    await page.getByTestId('too-large').filter({ hasText: /huge\.json is 16777217 bytes/ }).waitFor();
  });
});

test('CSV files whose tools module cannot be loaded get an error that says why, and the page goes on', async () => {
  const { context, page } = await openPage(browser, { width: 1280, height: 800 });
  try {
    await page.goto(srv.appUrl);
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    // As if the host had lost the tools module's files since the page was loaded.
    await page.evaluate(() => document.querySelector('meta[name="powershift-tools"]').setAttribute('content', 'no-such-tools.js'));
    const picker = page.getByLabel('Choose a JSON file or CSV files');
    const dir = resolve('docs/templates');
    await picker.setInputFiles(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await alert.getByRole('heading', { name: 'The CSV files could not be read' }).waitFor();
    assert.match(await alert.innerText(), /Reading your files amounts\.csv, .* needs the page's tools module, which could not be started \(.+\)\. A JSON dataset opens without it/);
    // A JSON file still opens.
    await picker.setInputFiles(resolve('tests/data/tiny.json'));
    const tiny = JSON.parse(readFileSync('tests/data/tiny.json', 'utf8'));
    await page.getByRole('heading', { level: 1, name: tiny.meta.title }).waitFor();
    // The Export menu says why it made no file, and its buttons work again.
    await page.locator('details.export-menu summary').click();
    await page.getByRole('button', { name: 'Relationships in force (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: /^The file could not be made: .+/ }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Snapshot (JSON)' }).isEnabled());
  } finally {
    await context.close();
  }
});

test('the one-file archive works from file:// with no network request', async () => {
  const out = resolve('test-output');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'powershift-archive.html');
  cli(['bundle', DIST, '-o', file]);
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:') && !r.url().startsWith('blob:') && r.url() !== `file://${file}`) requests.push(r.url()); });
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`file://${file}`);
    await page.getByRole('group', { name: /Partnership network/ }).waitFor();
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Next change' }).click();
    await page.getByRole('button', { name: /^OpenAI, / }).click();
    await page.getByTestId('org-details').waitFor();
    // The Export menu's files are made by the file's own copy of the tools module.
    await page.locator('details.export-menu summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Relationships in force (CSV)' }).click()]);
    assert.match(readFileSync(await dl.path(), 'utf8'), /^id,/);
    // The CSV templates open here too: the tools module's worker starts from the file's own copy.
    const dir = resolve('docs/templates');
    await page.getByLabel('Choose a JSON file or CSV files').setInputFiles(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
    const title = readFileSync(join(dir, 'story.csv'), 'utf8').split(/\r?\n/).find((l) => l.startsWith('title,')).slice(6).replace(/^"|"$/g, '');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.deepEqual(requests, [], 'no request left the file');
    assert.deepEqual(problems.console, [], 'console errors');
  } finally {
    await context.close();
  }
});

test('a big story is laid out a slice at a time, with its progress, then shown', async () => {
  const big = execFileSync('target/release/powershift', ['generate', '--orgs', '1000', '--relationships', '3000', '--seed', '1'], { maxBuffer: 1 << 28 });
  await withPage(async (page) => {
    await page.route('**/big-story.json', (r) => r.fulfill({ body: big, contentType: 'application/json' }));
    // Every value the progress bar shows, as the page sets it.
    await page.addInitScript(() => {
      window.seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar && bar.value !== window.seen.at(-1)) window.seen.push(bar.value);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(`${srv.appUrl}?data=big-story.json`);
    await page.getByRole('status').getByText('Laying out the network of 1,000 organisations…').waitFor({ timeout: 60_000 });
    await page.getByRole('progressbar', { name: 'Laying out the network' }).waitFor();
    await page.getByRole('slider', { name: 'Date' }).waitFor({ timeout: 120_000 });
    assert.equal(await page.getByRole('progressbar').count(), 0, 'the bar goes once the story is shown');
    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.length >= 3, `the bar moved on between slices: ${seen}`);
    assert.deepEqual([...seen].sort((a, b) => a - b), seen, `it never went back: ${seen}`);
    assert.equal(await page.locator('svg.network .node').count() > 0, true, 'the network is drawn');
    // A story of the shipped size (laid out in the page: no build island for it) shows no bar, even
    // on a phone's CPU, where its preparation outlasts the first slice.
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${srv.appUrl}?data=test-data/story-frozen.json`);
    await page.getByRole('slider', { name: 'Date' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.seen), [], 'no progress bar flickers by');
  });
});
