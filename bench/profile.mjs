// A Chromium CPU profile of the first load, CPU slowed 4× through the DevTools protocol (as
// Lighthouse's mobile preset). Prints the functions with the most self time and the most total time,
// and the long main-thread tasks (> 50 ms), and writes test-output/first-load.cpuprofile (open it in
// DevTools → Performance). Wasm function names need a build with a name section (scripts/bench.sh --profile).
//   DIST=dist-bench BASE=/powershift/ node bench/profile.mjs
// With SCRUB=1 it profiles scrubbing instead (issue 12 §5): after the load, 30 presses of ← on the
// date scrubber, 60 ms apart, CPU slowed 4×, reduced motion on (as the frame benchmark); writes test-output/scrub.cpuprofile.
// CHROME_ARGS adds Chromium switches, e.g. CHROME_ARGS=--js-flags=--no-wasm-lazy-compilation to see
// how much of each phase is V8 compiling the Wasm's functions on their first call (BENCHMARKS.md).
import { resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../tests/e2e/harness.mjs';

const require = createRequire(resolve('tools/package.json'));
const { chromium } = require('playwright-core');
// The end-to-end tests' server (DIST under BASE, both from the environment).
const server = await startServer();
const url = server.appUrl + (process.env.QUERY ?? '');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...(process.env.CHROME_ARGS ?? '').split(' ').filter(Boolean)] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
const cdp = await page.context().newCDPSession(page);
const scrub = process.env.SCRUB === '1';
// Scrubbing is profiled as the frame benchmark measures it: reduced motion, the new picture at once.
if (scrub) await page.emulateMedia({ reducedMotion: 'reduce' });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
if (!scrub) await cdp.send('Profiler.start');
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
    .observe({ type: 'longtask', buffered: true });
});
await page.goto(url);
// A fixed wait, not a polling selector: Playwright's polling would itself show in the profile.
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 6000));
if (scrub) {
  await page.evaluate(() => { window.__longTasks.length = 0; performance.clearMeasures(); document.querySelector('#date-slider').focus(); });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 30; i++) { await page.keyboard.press('ArrowLeft'); await page.waitForTimeout(60); }
  await page.waitForTimeout(500);
}
const pageNow = await page.evaluate(() => performance.now());
const { profile } = await cdp.send('Profiler.stop');
const longTasks = await page.evaluate(() => window.__longTasks);
const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]));
await browser.close();
server.server.close();
mkdirSync('test-output', { recursive: true });
writeFileSync(scrub ? 'test-output/scrub.cpuprofile' : 'test-output/first-load.cpuprofile', JSON.stringify(profile));

// Self time per node from the samples; total time by walking up the parents.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt);
}
const name = (n) => (n.callFrame.functionName || '(anonymous)').slice(0, 110);
const self = new Map(), total = new Map();
for (const [id, ms] of selfMs) {
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + ms);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur));
    if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + ms); }
  }
}
// The busy stretches (consecutive samples that are not idle): what each long one spent its time on.
const generic = /^(\(root\)|\(program\)|\(idle\)|js-to-wasm|wasm-to-js|real|\(anonymous\)|.*closures.*invoke.*|.*scheduler.*|.*Queue::new.*|.*RenderRunner.*|.*dom_bundle.*|.*lifecycle.*)$/;
const stretches = [];
let cur = null;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const n = byId.get(profile.samples[i]);
  if (name(n) === '(idle)') { if (cur) stretches.push(cur); cur = null; continue; }
  if (!cur) cur = { ms: 0, fns: new Map() };
  cur.ms += dt;
  const seen = new Set();
  for (let c = profile.samples[i]; c !== undefined; c = parent.get(c)) {
    const k = name(byId.get(c));
    if (!seen.has(k) && !generic.test(k)) { seen.add(k); cur.fns.set(k, (cur.fns.get(k) ?? 0) + dt); }
  }
}
if (cur) stretches.push(cur);
console.log('\nbusy stretches over 40 ms (4× CPU), with the functions they spent most time in:');
for (const st of stretches.filter((x) => x.ms > 40)) {
  const fns = [...st.fns].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${v.toFixed(0)} ${k.replace(/::h[0-9a-f]{16}/, '').slice(0, 70)}`);
  console.log(`${st.ms.toFixed(0).padStart(6)} ms: ${fns.join(' | ')}`);
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).filter(([n]) => !['(root)', '(program)', '(idle)'].includes(n)).slice(0, k);
console.log(`long tasks (start ms, duration ms, 4× CPU): ${JSON.stringify(longTasks)}`);
console.log('the app\'s own phases (User Timing; start ms, duration ms, 4× CPU):');
for (const [n, t, d] of measures) console.log(`  ${String(t).padStart(6)} ${String(d).padStart(5)}  ${n}`);
// What each of the app's phases spent its time on: samples placed on the page's clock by aligning
// the profile's end with performance.now() just before it stopped (a few ms of error).
const sampleTimes = [];
{ let t = profile.startTime; for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i] ?? 0; sampleTimes.push(pageNow - (profile.endTime - t) / 1000); } }
for (const [n, t0, d] of measures) {
  if (d < 40) continue;
  const fns = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    if (sampleTimes[i] < t0 || sampleTimes[i] > t0 + d) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let c = profile.samples[i]; c !== undefined; c = parent.get(c)) {
      const k = name(byId.get(c));
      if (!seen.has(k) && !generic.test(k)) { seen.add(k); fns.set(k, (fns.get(k) ?? 0) + dt); }
    }
  }
  const tops = [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 8)).map(([k, v]) => `${v.toFixed(0)} ${k.replace(/::h[0-9a-f]{16}/, '').slice(0, 80)}`);
  console.log(`\n${n} (${d} ms):\n    ${tops.join('\n    ')}`);
}
console.log('\nmost self time (ms, 4× CPU):');
for (const [n, ms] of top(self, 25)) console.log(`${ms.toFixed(1).padStart(8)}  ${n}`);
console.log('\nmost total time (ms, 4× CPU):');
for (const [n, ms] of top(total, 45)) console.log(`${ms.toFixed(1).padStart(8)}  ${n}`);
