// Measures, in headless Chromium on the release build, the time from a date change (the scrubber's
// input event) to the updated page: Rust layout relaxation + Yew render + DOM patch + style and
// layout (forced), excluding paint. Reduced motion is on, so the new picture is final at once.
// Run by scripts/bench.sh --frame; prints a table for BENCHMARKS.md. The last row is the phone case:
// CPU slowed 4×, from a key press to the next painted frame.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startServer, launch, openPage } from '../tests/e2e/harness.mjs';

// PHONE_ONLY=1 runs the phone case alone, RUNS times (default 1): for A/B runs of two builds, which
// this machine's noise needs (alternate them: DIST=a …; DIST=b …; again).
const phoneOnly = process.env.PHONE_ONLY === '1';
if (!phoneOnly) {
  writeFileSync(`${process.env.DIST}/data/synthetic-1000.json`,
    execFileSync('target/release/powershift', ['generate', '--orgs', '1000', '--relationships', '3000', '--seed', '1'], { maxBuffer: 1 << 28 }));
}

const srv = await startServer();
const browser = await launch();
const rows = [];
const desktopCases = phoneOnly ? [] : [['shipped story (17 organisations)', ''], ['synthetic (1,000 organisations, 3,000 relationships)', '?data=data/synthetic-1000.json']];
for (const [name, query] of desktopCases) {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const t0 = Date.now();
  await page.goto(srv.appUrl + query);
  await page.getByRole('slider', { name: 'Date' }).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - t0;
  // Every deferred panel is in (their renders would otherwise fall into the first measurements).
  await page.waitForFunction(() => !document.querySelector('.deferred'), null, { timeout: 120_000 });
  const times = await page.evaluate(async () => {
    const slider = document.querySelector('#date-slider');
    const max = Number(slider.max);
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const out = [];
    const title = () => document.querySelector('#network-title').textContent;
    let last = Number(slider.value);
    for (let i = 0; i < 30; i++) {
      let v = Math.round(max * (0.35 + 0.65 * ((i * 7919) % 30) / 30));
      if (v === last) v = Math.max(0, v - 40);
      last = v;
      const before = title();
      const t = performance.now();
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // Wait until the network has re-rendered for the new date (Yew renders in microtasks).
      while (title() === before) await macrotask();
      document.body.getBoundingClientRect(); // force style + layout
      out.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 30)); // let the browser paint between changes
    }
    return out;
  });
  const edges = await page.locator('svg.network [data-rel]').count();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.floor(times.length * 0.9)];
  rows.push({ name, median, p90, edges, loadMs, errors: problems.console.length });
  await context.close();
}

// Scrubbing on a phone (issue 12 §5): the shipped story with the CPU slowed 4× through the DevTools
// protocol (as Lighthouse's mobile preset), reduced motion on; from a key press on the scrubber (←,
// one month back, 30 times from the story's end) to the next painted frame: the first animation
// frame after the network has re-rendered, and the task after it (the frame's paint has run).
for (let run = 0; run < (phoneOnly ? Number(process.env.RUNS ?? 1) : 1); run++) {
  const { context, page, problems } = await openPage(browser, { width: 412, height: 823 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(srv.appUrl);
  await page.getByRole('slider', { name: 'Date' }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('.deferred'), null, { timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times = await page.evaluate(async () => {
    const slider = document.querySelector('#date-slider');
    slider.focus();
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const title = () => document.querySelector('#network-title').textContent;
    const out = [];
    for (let i = 0; i < 30; i++) {
      const before = title();
      const t = performance.now();
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
      while (title() === before) await macrotask();
      await frame();
      await macrotask();
      out.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 60));
    }
    return out;
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  times.sort((a, b) => a - b);
  rows.push({ name: 'shipped story, 412 px, key press → painted frame, CPU 4× slower', median: times[15], p90: times[27],
    edges: await page.locator('svg.network [data-rel]').count(), loadMs: NaN, errors: problems.console.length });
  await context.close();
}
await browser.close();
srv.server.close();
console.log('| dataset | median ms | p90 ms | edges drawn (last date) | page ready (ms) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.edges} | ${Number.isNaN(r.loadMs) ? '–' : r.loadMs} |`);
if (rows.some((r) => r.errors)) { console.error('console errors during the benchmark'); process.exit(1); }
