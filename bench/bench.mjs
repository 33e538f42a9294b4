// Runs the Rust/Wasm layout core and d3-force on the same graphs, alternating runs to share any
// thermal or GC noise, and reports the median ms/tick of each. Results land on window.benchResults.
import init, { Bench, graph_edges } from './pkg/powershift_bench_web.js';
const { forceSimulation, forceManyBody, forceLink, forceCenter } = window.d3;

const params = new URLSearchParams(location.search);
const SIZES = JSON.parse(params.get('sizes') ?? '[[100,300,300],[1000,5000,100],[10000,50000,20]]');
const REPEATS = Number(params.get('repeats') ?? 5);
const SEED = 1;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function d3Run(n, flat, ticks) {
  const nodes = Array.from({ length: n }, (_, i) => ({ index: i }));
  const links = [];
  for (let i = 0; i < flat.length; i += 2) links.push({ source: flat[i], target: flat[i + 1] });
  const sim = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-30).theta(0.9))
    .force('link', forceLink(links).distance(30))
    .force('center', forceCenter(0, 0))
    .stop();
  sim.tick(); // warm-up tick, as on the Rust side
  const t0 = performance.now();
  sim.tick(ticks);
  return (performance.now() - t0) / ticks;
}

function wasmRun(n, m, ticks) {
  const b = new Bench(n, m, SEED);
  b.tick(1);
  const t0 = performance.now();
  b.tick(ticks);
  const ms = (performance.now() - t0) / ticks;
  const sum = b.checksum();
  b.free();
  return [ms, sum];
}

async function main() {
  await init();
  const rows = [];
  for (const [n, m, ticks] of SIZES) {
    const flat = graph_edges(n, m, SEED);
    const w = [], d = [];
    let checksum = 0;
    for (let r = 0; r < REPEATS; r++) {
      const [ms, sum] = wasmRun(n, m, ticks);
      w.push(ms); checksum = sum;
      d.push(d3Run(n, flat, ticks));
    }
    const row = { nodes: n, edges: m, ticks, wasm_ms_per_tick: median(w), d3_ms_per_tick: median(d), checksum };
    row.ratio = row.wasm_ms_per_tick / row.d3_ms_per_tick;
    rows.push(row);
    document.querySelector('#results tbody').insertAdjacentHTML('beforeend',
      `<tr><td>${n}</td><td>${m}</td><td>${ticks}</td><td>${row.wasm_ms_per_tick.toFixed(3)}</td><td>${row.d3_ms_per_tick.toFixed(3)}</td><td>${row.ratio.toFixed(3)}</td></tr>`);
  }
  document.querySelector('#status').textContent = 'done';
  window.benchResults = { userAgent: navigator.userAgent, rows };
}

main().catch((e) => { document.querySelector('#status').textContent = 'failed: ' + e; window.benchResults = { error: String(e) }; });
