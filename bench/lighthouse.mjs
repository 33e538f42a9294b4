// Lighthouse 12 (mobile preset: simulated slow 4G, 4× CPU slowdown) on the release build served
// under /powershift/ with gzip, as GitHub Pages serves it (not brotli). Prints each run's category
// scores, the main metrics and the top opportunities. A measurement, not a test:
//   DIST=dist-bench BASE=/powershift/ RUNS=3 node bench/lighthouse.mjs
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(resolve('tools/package.json'));
const lighthouse = (await import(require.resolve('lighthouse'))).default;
const chromeLauncher = await import(require.resolve('chrome-launcher'));

const DIST = resolve(process.env.DIST ?? 'dist-bench');
const BASE = process.env.BASE ?? '/powershift/';
const RUNS = Number(process.env.RUNS ?? 3);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (!path.startsWith(BASE)) throw new Error('outside');
    path = path.slice(BASE.length) || 'index.html';
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) throw new Error('outside');
    await stat(file);
    let body = await readFile(file);
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !file.endsWith('.png')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}${BASE}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (let i = 1; i <= RUNS; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const ms = (a) => Math.round(lhr.audits[a]?.numericValue ?? NaN);
    console.log(`run ${i}: performance ${score('performance')}, accessibility ${score('accessibility')}, `
      + `best practices ${score('best-practices')}, SEO ${score('seo')}; LCP ${ms('largest-contentful-paint')} ms, `
      + `TBT ${ms('total-blocking-time')} ms, CLS ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}, `
      + `FCP ${ms('first-contentful-paint')} ms, TTI ${ms('interactive')} ms`);
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['opportunity', 'table'].includes(a.details?.type) && a.scoreDisplayMode !== 'informative')
      .sort((a, b) => (b.details?.overallSavingsMs ?? 0) - (a.details?.overallSavingsMs ?? 0))
      .slice(0, 5);
    for (const a of failed) console.log(`  - ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    // Where the main thread goes (Lighthouse's own attribution, at the simulated 4× slowdown).
    const longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5)
      .map((t) => `${Math.round(t.duration)} ms @${Math.round(t.startTime)} (${String(t.url).split('/').pop() || 'page'})`);
    if (longTasks.length) console.log(`  long tasks: ${longTasks.join(', ')}`);
    const work = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).slice(0, 5)
      .map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`);
    if (work.length) console.log(`  main thread: ${work.join(', ')}`);
    mkdirSync('test-output', { recursive: true });
    writeFileSync(`test-output/lighthouse-${i}.json`, JSON.stringify(lhr));
    const a11y = lhr.categories.accessibility.auditRefs.map((r) => lhr.audits[r.id]).filter((a) => a.score === 0);
    for (const a of a11y) console.log(`  ! accessibility: ${a.title}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
