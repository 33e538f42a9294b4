// One command (scripts/bench.sh) runs the browser benchmark: serves target/bench-web on 127.0.0.1,
// opens bench/index.html in headless Chromium, and prints Wasm vs d3-force and Wasm vs native.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(resolve('tools/package.json'));
const { chromium } = require('playwright-core');
const ROOT = resolve('target/bench-web');
const MODULES = resolve('tools/node_modules');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const [root, rel] = path.startsWith('/node_modules/') ? [MODULES, path.slice('/node_modules/'.length)] : [ROOT, path.slice(1) || 'index.html'];
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  let body;
  try { body = await readFile(file); } catch { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const sizes = [[100, 300, 300], [1000, 5000, 100], [10000, 50000, 20]];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
await page.goto(`${url}?sizes=${encodeURIComponent(JSON.stringify(sizes))}&repeats=5`);
page.on('pageerror', (e) => console.error('page error:', e));
page.on('response', (r) => { if (r.status() >= 400) console.error('HTTP', r.status(), r.url()); });
try {
  await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
} catch (e) {
  console.error('the benchmark page did not finish:', await page.textContent('#status'));
  process.exit(1);
}
const results = await page.evaluate(() => window.benchResults);
await browser.close();
server.close();
if (results.error) { console.error(results.error); process.exit(1); }

const native = {};
for (const [n, m, ticks] of sizes) {
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const out = execFileSync('target/release/powershift', ['bench', '--nodes', String(n), '--edges', String(m), '--ticks', String(ticks), '--seed', '1']);
    runs.push(JSON.parse(out.toString()));
  }
  runs.sort((a, b) => a.ms_per_tick - b.ms_per_tick);
  native[n] = runs[2];
}

console.log(`Chromium: ${results.userAgent}\n`);
console.log('| nodes | edges | ticks | Wasm ms/tick | d3-force ms/tick | Wasm / d3 | native ms/tick | Wasm / native | same checksum |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
for (const r of results.rows) {
  const nat = native[r.nodes];
  const same = Math.abs(nat.checksum - r.checksum) < 1e-5 ? 'yes' : `no (${nat.checksum} vs ${r.checksum})`;
  console.log(`| ${r.nodes} | ${r.edges} | ${r.ticks} | ${r.wasm_ms_per_tick.toFixed(3)} | ${r.d3_ms_per_tick.toFixed(3)} | ${r.ratio.toFixed(3)} | ${nat.ms_per_tick.toFixed(3)} | ${(r.wasm_ms_per_tick / nat.ms_per_tick).toFixed(2)} | ${same} |`);
}
mkdirSync('test-output', { recursive: true });
writeFileSync('test-output/bench-browser.json', JSON.stringify({ results, native }, null, 2));
