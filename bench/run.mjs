// One command (scripts/bench.sh) runs the browser benchmark: serves target/bench-web on 127.0.0.1,
// opens bench/index.html in headless Chromium RUNS times (default 3) to time iterations of our
// layout, d3-force, graphology's ForceAtlas2 and AntV's layout-wasm, then once more to time each to
// a settled layout (SETTLE=0 skips that), and prints the tables, the spread of the ratios over the
// runs, and Wasm vs native (`powershift bench`).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(resolve('tools/package.json'));
const { chromium } = require('playwright-core');
const ROOT = resolve('target/bench-web');
const MODULES = resolve('tools/node_modules');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const RUNS = Number(process.env.RUNS ?? 3);
const SETTLE = process.env.SETTLE !== '0';
const REPEATS = Number(process.env.REPEATS ?? 5);
// [nodes, edges, iterations timed for ours/d3/ForceAtlas2, iterations timed for AntV (all-pairs, slow)]
const SIZES = JSON.parse(process.env.SIZES ?? '[[100,300,300,300],[1000,5000,100,50],[5000,8000,50,10],[10000,50000,20,5]]');
const version = (name) => JSON.parse(readFileSync(join(MODULES, name, 'package.json'), 'utf8')).version;
const VERSIONS = Object.fromEntries(['d3-force', '@antv/layout-wasm', 'graphology', 'graphology-layout-forceatlas2'].map((p) => [p, version(p)]));

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const [root, rel] = path.startsWith('/node_modules/') ? [MODULES, path.slice('/node_modules/'.length)] : [ROOT, path.slice(1) || 'index.html'];
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  let body;
  try { body = await readFile(file); } catch { res.writeHead(404).end(); return; }
  // No COOP/COEP headers, as on GitHub Pages: no SharedArrayBuffer, so no Wasm threads.
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});

async function runPage(query, label) {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
  page.on('pageerror', (e) => console.error('page error:', e));
  page.on('response', (r) => { if (r.status() >= 400) console.error('HTTP', r.status(), r.url()); });
  const t0 = Date.now();
  await page.goto(`${url}?${query}`);
  try {
    await page.waitForFunction(() => window.benchResults, null, { timeout: 900_000, polling: 1000 });
  } catch (e) {
    console.error(`${label}: the benchmark page did not finish:`, await page.textContent('#status'), await page.textContent('#log'));
    process.exit(1);
  }
  const results = await page.evaluate(() => window.benchResults);
  await page.close();
  if (results.error) { console.error(results.error); process.exit(1); }
  console.error(`${label}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return results;
}

const sizesParam = encodeURIComponent(JSON.stringify(SIZES));
const runs = [];
for (let r = 0; r < RUNS; r++) runs.push(await runPage(`mode=tick&sizes=${sizesParam}&repeats=${REPEATS}`, `iteration run ${r + 1}/${RUNS}`));
const settled = SETTLE ? await runPage(`mode=settle&sizes=${sizesParam}`, 'settle run') : null;
await browser.close();
server.close();

const native = {};
for (const [n, m, ticks] of SIZES) {
  const out = [];
  for (let r = 0; r < 5; r++) {
    out.push(JSON.parse(execFileSync('target/release/powershift', ['bench', '--nodes', String(n), '--edges', String(m), '--ticks', String(ticks), '--seed', '1']).toString()));
  }
  out.sort((a, b) => a.ms_per_tick - b.ms_per_tick);
  native[n] = out[2];
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const f3 = (x) => x.toFixed(3);
const spread = (xs) => { const lo = Math.min(...xs), hi = Math.max(...xs); return lo.toFixed(3) === hi.toFixed(3) ? lo.toFixed(3) : `${lo.toFixed(3)}–${hi.toFixed(3)}`; };

console.log(`Chromium: ${runs[0].userAgent}`);
console.log(`Packages: ${Object.entries(VERSIONS).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`${RUNS} page runs × ${REPEATS} repeats each (median per run; ms columns: median over runs)\n`);
console.log('Per iteration (ms):');
console.log('| nodes | edges | iterations (AntV) | ours | d3-force | ForceAtlas2 BH | AntV force2 | ours / d3 | ours / ForceAtlas2 | ours / AntV |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const goals = [];
SIZES.forEach(([n, m, ticks, antvTicks], i) => {
  const rows = runs.map((run) => run.rows[i]);
  const col = (k) => median(rows.map((r) => r[`${k}_ms`]));
  const ratios = (k) => rows.map((r) => r.ours_ms / r[`${k}_ms`]);
  console.log(`| ${n} | ${m} | ${ticks} (${antvTicks}) | ${f3(col('ours'))} | ${f3(col('d3'))} | ${f3(col('fa2'))} | ${f3(col('antv'))} | ${spread(ratios('d3'))} | ${spread(ratios('fa2'))} | ${spread(ratios('antv'))} |`);
  if (n === 1000 || n === 10000) {
    const worst = Math.max(...ratios('d3'));
    goals.push(`ours ≤ 0.2× d3-force per iteration at ${n}/${m} on every run: ${worst <= 0.2 ? 'met' : 'NOT met'} (worst run ${worst.toFixed(3)}×)`);
  }
  if (n >= 1000) {
    for (const [k, name] of [['fa2', 'ForceAtlas2'], ['antv', 'AntV force2']]) {
      const worst = Math.max(...ratios(k));
      goals.push(`faster than ${name} per iteration at ${n}/${m}: ${worst < 1 ? `yes, ${(1 / worst).toFixed(1)}× or more` : `NO (worst run ${worst.toFixed(2)}× its time)`}`);
    }
  }
});

if (settled) {
  const { CHUNK, WINDOW, TOLERANCE, MOVING } = settled.rule;
  console.log(`\nTime to settled (one run): checkpoints every ${CHUNK} iterations; settled at the first where the sampled`);
  console.log(`normalised stress and the edge-length CV both changed < ${TOLERANCE * 100}% over the last ${WINDOW} iterations and`);
  console.log(`nodes moved < ${MOVING * 100}% of the layout's RMS radius per iteration. Last column: ours run to the end of its`);
  console.log('alpha schedule (300 ticks), as the app does, against the engine settled.');
  console.log('| nodes | edges | engine | settled at (iterations) | ms | stress | edge CV | moving %/it | ours / engine | ours 300 ticks / engine |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  const names = { ours: 'ours (Wasm)', d3: 'd3-force', fa2: 'ForceAtlas2 BH', antv: 'AntV force2' };
  for (const row of settled.rows) {
    for (const k of ['ours', 'd3', 'fa2', 'antv']) {
      const r = row[k];
      const at = r.settled ? String(r.iterations) : `not by ${r.iterations}`;
      const ratio = (ms) => (k === 'ours' ? '' : `${r.settled ? '' : '< '}${(ms / r.ms).toFixed(3)}`);
      const full = k === 'ours' ? `(300 ticks: ${r.end.ms.toFixed(0)} ms)` : ratio(row.ours.end.ms);
      console.log(`| ${row.nodes} | ${row.edges} | ${names[k]} | ${at} | ${r.settled ? '' : '> '}${r.ms.toFixed(0)} | ${r.stress.toFixed(4)} | ${r.edgeCv.toFixed(3)} | ${(r.moving * 100).toFixed(2)} | ${ratio(row.ours.ms)} | ${full} |`);
      if (row.nodes >= 1000 && k !== 'ours' && k !== 'd3') {
        const by = (ms) => (ms < r.ms ? `yes, ${r.settled ? '' : 'over '}${(r.ms / ms).toFixed(1)}×` : `NO (${(r.ms / ms).toFixed(2)}×)`);
        goals.push(`settles faster than ${names[k]} at ${row.nodes}/${row.edges}: ${by(row.ours.ms)}; with ours run to 300 ticks: ${by(row.ours.end.ms)}`);
      }
    }
  }
}

console.log('\nGoals:');
for (const g of goals) console.log(`- ${g}`);

console.log('\nWasm vs d3-force vs native (median over runs):');
console.log('| nodes | edges | ticks | Wasm ms/tick | d3-force ms/tick | Wasm / d3 | native ms/tick | Wasm / native | same checksum |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
SIZES.forEach(([n, m, ticks], i) => {
  const rows = runs.map((run) => run.rows[i]);
  const w = median(rows.map((r) => r.ours_ms)), d = median(rows.map((r) => r.d3_ms));
  const nat = native[n];
  const checksum = rows[0].checksum;
  const same = Math.abs(nat.checksum - checksum) < 1e-5 ? 'yes' : `no (${nat.checksum} vs ${checksum})`;
  console.log(`| ${n} | ${m} | ${ticks} | ${f3(w)} | ${f3(d)} | ${f3(w / d)} | ${f3(nat.ms_per_tick)} | ${(w / nat.ms_per_tick).toFixed(2)} | ${same} |`);
});
mkdirSync('test-output', { recursive: true });
writeFileSync('test-output/bench-browser.json', JSON.stringify({ versions: VERSIONS, runs, settled, native }, null, 2));
