// Records the load profile that `powershift site` splits the page's WebAssembly by
// (crates/powershift-cli/load-profile.txt; see crates/powershift-cli/src/page_split.rs): the names
// of the functions the page runs until its first screen is the app's — on a phone and a desktop
// screen, with reduced motion, from the prerendered default view, from a deep link (dates, a
// selection, the story's steps), in an embed (on its own and framed in the demo article) and with
// another dataset (`?data=`, until its validation, which waits for the rest).
// The panels off the first screen wait for the rest of the module (src/platform/rest_module.rs),
// so here they wait for good (`powershiftRest.done` stays false) and their code is left out.
// Needs a build made with POWERSHIFT_SPLIT=instrument (scripts/split-profile.sh does both).
//   DIST=dist-prof BASE=/powershift/ node bench/split-profile.mjs > crates/powershift-cli/load-profile.txt
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, DIST } from '../tests/e2e/harness.mjs';

const namesFile = readdirSync(DIST).find((f) => f.endsWith('_bg.names.json'));
if (!namesFile) { console.error(`${DIST}: no *_bg.names.json: build with POWERSHIFT_SPLIT=instrument`); process.exit(2); }
const names = JSON.parse(readFileSync(join(DIST, namesFile), 'utf8'));
const hit = new Set();
const srv = await startServer();
const browser = await launch();

// The app's first screen is up (the prerendered copy is gone); the panels that wait stay empty.
const firstScreen = () => window.__wasm && !document.getElementById('prerender') && document.querySelector('#app svg');

/** A page in a new context that records which functions run, with the rest never arriving. */
async function instrumentedPage(viewport) {
  const { context, page } = await openPage(browser, viewport);
  await page.addInitScript(() => {
    window.powershiftRest = { done: false };
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  return { context, page };
}

/** Adds the functions that ran in `frame` (a page or a frame) to the profile; how many. */
async function collect(frame) {
  const seen = await frame.evaluate(() => Object.keys(window.__wasm).filter((k) => k.startsWith('ps_hit_') && window.__wasm[k].value).map((k) => Number(k.slice(7))));
  for (const i of seen) hit.add(i);
  return seen.length;
}

async function visit(viewport, query, media = {}, until = firstScreen) {
  const { context, page } = await instrumentedPage(viewport);
  await page.emulateMedia(media);
  await page.goto(srv.appUrl + query);
  await page.waitForFunction(until, null, { timeout: 120_000 });
  await page.waitForTimeout(2500);
  const n = await collect(page);
  console.error(`${viewport.width}×${viewport.height} ${query || '(default)'} ${JSON.stringify(media)}: ${n} functions ran`);
  await context.close();
}

// The demo article (static/embed-demo.html): three frames — embed.js, Pym.js (its query carries
// childId, initialWidth, parentTitle, parentUrl) and scrollytelling — each reporting its height and
// receiving its host's messages: an order (which waits for the rest, src/hooks/use_link_sync.rs) and
// Pym.js's new width.
async function visitArticle(viewport) {
  const { context, page } = await instrumentedPage(viewport);
  await page.goto(srv.appUrl + 'embed-demo.html');
  const frames = () => page.frames().filter((f) => f.url().includes('embed=1'));
  await page.waitForFunction(() => document.querySelectorAll('iframe').length >= 3, null, { timeout: 120_000 });
  for (const f of frames()) await f.waitForFunction(firstScreen, null, { timeout: 120_000 });
  // The host's orders (they wait for the rest, which never comes here) and Pym.js's width message.
  await page.evaluate(() => window.PowerShift.embeds().forEach((e) => window.PowerShift.set(e.element, { date: '2019-07-22' })));
  await page.setViewportSize({ width: viewport.width - 20, height: viewport.height });
  await page.waitForTimeout(2500);
  let total = 0;
  for (const f of frames()) total += await collect(f);
  console.error(`${viewport.width}×${viewport.height} embed-demo.html (${frames().length} frames): ${total} functions ran`);
  await context.close();
}

const phone = { width: 412, height: 823 };
const desktop = { width: 1280, height: 800 };
for (const vp of [phone, desktop]) {
  await visit(vp, '');
  // Deep links across the story: a date's layout (the known layout holds the default date's) takes
  // data-dependent paths (a B-tree node splitting once a layout memo grows, say).
  for (const date of ['2016-03-01', '2019-07-22', '2023-01-23', '2025-01-21', '2026-04-28']) await visit(vp, `?date=${date}`);
  // A shared view (the Share dialog's link) or a story step opened from a link: a selection (an
  // organisation, a relationship, a pair, an event), a focus and hidden kinds, drawn and detailed at
  // load — before, their code came with the rest, loaded synchronously at start on a slow network.
  if (vp === phone) for (const q of ['?select=org:openai', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `?step=${n}`)]) await visit(vp, q);
  await visit(vp, '?embed=1');
  // Another dataset: fetched and parsed; its validation (only the build's own text is read without
  // it, src/platform/fetch.rs) and its layout (src/hooks/use_preparation.rs) wait for the rest.
  await visit(vp, '?data=test-data/story-frozen.json', {}, () => window.__wasm && performance.getEntriesByName('parse:start').length > 0);
  await visit(vp, '', { reducedMotion: 'reduce', colorScheme: 'dark' });
  await visitArticle(vp.width < 500 ? { width: 375, height: 812 } : { width: 1000, height: 800 });
}
await browser.close();
srv.server.close();

const lines = [...new Set([...hit].map((i) => names[i]).filter(Boolean))].sort();
console.error(`${lines.length} names of ${names.length} functions`);
console.log("# The functions the page's loads ran, recorded by bench/split-profile.mjs (scripts/split-profile.sh);");
console.log('# crates/powershift-cli/src/page_split.rs splits the page\'s WebAssembly by them.');
for (const l of lines) console.log(l);
