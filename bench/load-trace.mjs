// The first load's main-thread tasks as Lighthouse observes them: a Chromium trace of the release
// build at 412 × 823, **without** CPU throttling (Lighthouse's mobile preset measures unthrottled and
// multiplies each task by 4, so a task over 12.5 ms here is a "long task" of its report), cold
// (a new page in a new browser: no font caches, no compiled WebAssembly in the code cache) and, with
// WARM=1, a second visit in the same tab. Prints every task over MIN ms (default 12.5) with what it
// was made of (script, style, layout, paint…) and the app's User Timing phases it contains. A CPU
// profile (bench/profile.mjs) shows only the script; this shows the browser's own share too.
//   DIST=dist-e2e BASE=/powershift/ [WARM=1] [MIN=12.5] node bench/load-trace.mjs
import { startServer, launch, openPage } from '../tests/e2e/harness.mjs';

const MIN = Number(process.env.MIN ?? 12.5);
const srv = await startServer();
const browser = await launch();
const { context, page } = await openPage(browser, { width: 412, height: 823 });
const ready = () => page.waitForFunction(() => !document.querySelector('.deferred'), null, { timeout: 120_000 });
if (process.env.WARM) {
  await page.goto(srv.appUrl);
  await ready();
  await page.waitForTimeout(3000);
}
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', {
  categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
  transferMode: 'ReportEvents',
});
await page.goto(srv.appUrl);
await ready();
await page.waitForTimeout(Number(process.env.SETTLE ?? 4000));
await cdp.send('Tracing.end');
await done;
await browser.close();
srv.server.close();

// The page's main thread: the renderer main thread with the most events (about:blank has its own).
const mains = events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const count = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
const main = mains.map((m) => [m, count(m)]).sort((a, b) => b[1] - a[1])[0][0];
const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
const t0 = Math.min(...onMain.map((e) => e.ts));
const ms = (us) => us / 1000;
const phases = events
  .filter((e) => e.cat?.includes('user_timing') && e.ph === 'b')
  .map((e) => [e.name, ms(e.ts - t0)]);
const tasks = onMain.filter((e) => e.name === 'RunTask');
const long = tasks.filter((t) => ms(t.dur) > MIN);
console.log(`${process.env.WARM ? 'second visit' : 'cold load'}: tasks over ${MIN} ms (unthrottled; ×4 is what Lighthouse's phone preset counts)`);
// Kinds that only wrap others are left out of the breakdown.
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'Receive mojo message', 'TimerFire',
  'SimpleWatcher::OnHandleReady', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
for (const t of long) {
  const inner = new Map();
  for (const e of onMain) {
    if (e === t || WRAPPERS.has(e.name) || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
    inner.set(e.name, (inner.get(e.name) ?? 0) + ms(e.dur));
  }
  const at = ms(t.ts - t0);
  const named = phases.filter(([, s]) => s >= at - 1 && s <= at + ms(t.dur)).map(([n]) => n);
  const parts = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`);
  console.log(`  @${Math.round(at).toString().padStart(5)} ${ms(t.dur).toFixed(1).padStart(6)} ms`
    + `${named.length ? ` [${named.join(', ')}]` : ''}  ${parts.join(', ')}`);
}
const over = (x) => tasks.filter((t) => ms(t.dur) * 4 > x).length;
const blocking = long.reduce((s, t) => s + Math.max(0, ms(t.dur) * 4 - 50), 0);
console.log(`tasks: ${tasks.length}; over 50 ms at 4×: ${over(50)}, over 100 ms at 4×: ${over(100)}; `
  + `their time over 50 ms at 4× summed over the whole load (before and after the first paint): ${Math.round(blocking)} ms`);
