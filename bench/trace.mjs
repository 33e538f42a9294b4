// A Chromium trace of scrubbing on a phone: 30 presses of ← on the date scrubber, 150 ms apart, CPU
// slowed 4×, reduced motion on (as the frame benchmark's phone case). Prints the main thread's time
// per step by kind (script, style, layout, prepaint, paint…) and the longest tasks with what they
// were made of: the browser's own share of a date change, which a CPU profile does not show.
//   DIST=dist-e2e BASE=/powershift/ node bench/trace.mjs
import { startServer, launch, openPage } from '../tests/e2e/harness.mjs';

const STEPS = 30;
const srv = await startServer();
const browser = await launch();
const { context, page } = await openPage(browser, { width: 412, height: 823 });
await page.emulateMedia({ reducedMotion: 'reduce' });
await page.goto(srv.appUrl);
await page.waitForFunction(() => !document.querySelector('.deferred'), null, { timeout: 120_000 });
// The layouts laid out in the background after load are done by then.
await page.waitForTimeout(Number(process.env.SETTLE ?? 5000));
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
const viewBoxes = await page.evaluate(async (steps) => {
  const slider = document.querySelector('#date-slider');
  slider.focus();
  const seen = [];
  for (let i = 0; i < steps; i++) {
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 150));
    seen.push(document.querySelector('svg.network').getAttribute('viewBox'));
  }
  return seen;
}, STEPS);
await cdp.send('Tracing.end');
await done;
await browser.close();
srv.server.close();

const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
const total = new Map();
for (const e of onMain) total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
console.log(`main thread per step (ms, 4× CPU, mean of ${STEPS}):`);
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / STEPS).toFixed(1).padStart(6)}  ${k}`);
const changes = viewBoxes.filter((v, i) => i > 0 && v !== viewBoxes[i - 1]).length;
console.log(`the network's viewBox changed on ${changes} of ${STEPS - 1} steps`);
console.log('longest tasks (ms) and what they were made of:');
for (const t of onMain.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur).slice(0, 6)) {
  const inner = new Map();
  for (const e of onMain) {
    if (e !== t && e.name !== 'RunTask' && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`  ${(t.dur / 1000).toFixed(1).padStart(6)}  ${[...inner].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}
