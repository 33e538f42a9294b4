// Runs the Rust/Wasm layout core beside three peers on the same seeded graphs, from the same start
// (d3's phyllotaxis spiral), and puts the results on window.benchResults:
//   d3-force 3                      same forces, parameters and alpha schedule as ours
//   graphology-layout-forceatlas2   ForceAtlas2 in JS, Barnes–Hut on (θ 0.5, its default)
//   @antv/layout-wasm force2        AntV's Rust → Wasm force layout, the single-threaded build
// mode=tick:   median ms per iteration over `repeats`, engines alternating within each repeat.
// mode=settle: time to a settled layout, by one engine-independent rule (see settle() below).
import init, { Bench, graph_edges } from './pkg/powershift_bench_web.js';
import initAntv, { force as antvForce } from './node_modules/@antv/layout-wasm/pkg/antv_layout_wasm.js';
import { makeQuality } from './quality.mjs';
const { forceSimulation, forceManyBody, forceLink, forceCenter } = window.d3;

const params = new URLSearchParams(location.search);
// [nodes, edges, iterations timed for ours/d3/ForceAtlas2, iterations timed for AntV]
const SIZES = JSON.parse(params.get('sizes') ?? '[[100,300,300,300],[1000,5000,100,50],[5000,8000,50,10],[10000,50000,20,5]]');
const REPEATS = Number(params.get('repeats') ?? 5);
const MODE = params.get('mode') ?? 'tick';
// Settle rule: checkpoints every CHUNK iterations; settled at the first checkpoint where both
// quality measures changed by less than TOLERANCE (relative) over the last WINDOW iterations and
// nodes moved on average less than MOVING × the layout's RMS radius per iteration over the last chunk.
// (On these dense random graphs the quality measures are nearly flat from the spiral on, so without
// the movement condition an engine that has barely started moving would count as settled.)
const CHUNK = 10, WINDOW = 50, TOLERANCE = 0.01, MOVING = 0.005;
// Iteration caps for the settle run: [ours and d3 (their alpha schedule ends at 300), ForceAtlas2, AntV]
const CAPS = JSON.parse(params.get('caps') ?? '{"100":[300,1000,500],"1000":[300,1000,500],"5000":[300,1000,500],"10000":[300,1000,300]}');
const SEED = 1;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// Lets the page breathe between timed stretches (log updates, the driver's polling); never timed.
const idle = () => new Promise((ok) => setTimeout(ok, 0));
const log = (line) => { document.querySelector('#log').textContent += line + '\n'; };

/** A CommonJS file, evaluated as such (graphology-layout-forceatlas2 ships CommonJS only); `deps`
 *  maps each name it requires to an already loaded module. No bundler. */
async function cjs(url, deps = {}) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const module = { exports: {} };
  const require = (name) => { if (!(name in deps)) throw new Error(`${url} requires ${name}`); return deps[name]; };
  new Function('module', 'exports', 'require', `${await res.text()}\n//# sourceURL=${new URL(url, location.href)}`)(module, module.exports, require);
  return module.exports;
}

/** d3's (and our core's) start: the phyllotaxis spiral. */
function spiral(n) {
  const pos = new Float64Array(2 * n);
  const angle = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const r = 10 * Math.sqrt(0.5 + i), a = i * angle;
    pos[2 * i] = r * Math.cos(a); pos[2 * i + 1] = r * Math.sin(a);
  }
  return pos;
}

// Each engine: prepare(n, m, flat) → graph-level data (built once per size, untimed);
// start(g) → a fresh layout on the spiral (untimed); run(state, k) runs k iterations (timed);
// positions(state) → flat [x0, y0, …] (untimed); done(state) frees it.
function engines(fa2) {
  const ours = {
    name: 'ours', prepare: (n, m) => ({ n, m }),
    start: (g) => new Bench(g.n, g.m, SEED),
    run: (b, k) => b.tick(k),
    positions: (b) => b.positions(),
    done: (b) => b.free(),
  };
  const d3 = {
    name: 'd3', prepare: (n, m, flat) => ({ n, flat }),
    start: (g) => {
      const nodes = Array.from({ length: g.n }, (_, i) => ({ index: i }));
      const links = [];
      for (let i = 0; i < g.flat.length; i += 2) links.push({ source: g.flat[i], target: g.flat[i + 1] });
      const sim = forceSimulation(nodes)
        .force('charge', forceManyBody().strength(-30).theta(0.9))
        .force('link', forceLink(links).distance(30))
        .force('center', forceCenter(0, 0))
        .stop();
      return { sim, nodes };
    },
    run: (s, k) => s.sim.tick(k),
    positions: (s) => { const p = new Float64Array(2 * s.nodes.length); s.nodes.forEach((d, i) => { p[2 * i] = d.x; p[2 * i + 1] = d.y; }); return p; },
    done: () => {},
  };
  const forceAtlas2 = {
    name: 'fa2',
    prepare: (n, m, flat) => {
      const graph = new window.graphology.Graph({ type: 'undirected' });
      const start = spiral(n);
      for (let i = 0; i < n; i++) graph.addNode(i, { x: start[2 * i], y: start[2 * i + 1] });
      for (let i = 0; i < flat.length; i += 2) graph.addEdge(flat[i], flat[i + 1]);
      // The library's recommended settings for this graph, with Barnes–Hut forced on (θ 0.5, default).
      const settings = fa2.helpers.assign({}, fa2.defaults, fa2.inferSettings(graph), { barnesHutOptimize: true });
      const error = fa2.helpers.validateSettings(settings);
      if (error) throw new Error(error.message);
      return { graph, settings };
    },
    // What its synchronous forceAtlas2(graph, {iterations, settings}) does: matrices, then iterate.
    start: (g) => ({ settings: g.settings, ...fa2.helpers.graphToByteArrays(g.graph, () => 1) }),
    run: (s, k) => { for (let i = 0; i < k; i++) fa2.iterate(s.settings, s.nodes, s.edges); },
    positions: (s) => { const n = s.nodes.length / 10, p = new Float64Array(2 * n); for (let i = 0; i < n; i++) { p[2 * i] = s.nodes[10 * i]; p[2 * i + 1] = s.nodes[10 * i + 1]; } return p; },
    done: () => {},
  };
  const antv = {
    name: 'antv',
    // What @antv/layout-wasm's ForceLayout (force2) hands its Wasm `force`, with its defaults
    // (linkDistance 200, nodeStrength 1000, edgeStrength 200, coulombDisScale 0.005, gravity 10,
    // damping 0.9, interval 0.02, maxSpeed 500), centre 0,0, masses 1 + degree, edges target → source.
    prepare: (n, m, flat) => {
      const masses = new Array(n).fill(1), edges = [];
      for (let i = 0; i < flat.length; i += 2) { edges.push([flat[i + 1], flat[i]]); masses[flat[i]]++; masses[flat[i + 1]]++; }
      const base = {
        name: 1, dimensions: 2, chunk_size: 256, masses, edges, weights: edges.map(() => 1),
        min_movement: 0, distance_threshold_mode: 0, ka: 0, kg: 10, kr: 0, speed: 0, prevent_overlapping: false,
        kr_prime: 0, node_radius: 0, strong_gravity: false, lin_log: false, dissuade_hubs: false,
        edge_strength: 200, link_distance: 200, node_strength: 1000, coulomb_dis_scale: 0.005, factor: 1,
        interval: 0.02, damping: 0.9, center: [0, 0], max_speed: 500, max_distance: Infinity,
      };
      return { base, start: Array.from(spiral(n)) };
    },
    start: (g) => ({ base: g.base, pos: g.start }),
    // min_movement 0: never stops early. Each call starts with zero velocities (its i == 0 reset).
    run: (s, k) => { s.pos = antvForce({ ...s.base, nodes: s.pos, iterations: k }); },
    positions: (s) => s.pos,
    done: () => {},
  };
  return { ours, d3, fa2: forceAtlas2, antv };
}

/** ms per iteration: a fresh layout, one warm-up iteration, then k timed iterations. */
function perIteration(e, g, k) {
  const s = e.start(g);
  e.run(s, 1);
  const t0 = performance.now();
  e.run(s, k);
  const ms = performance.now() - t0;
  const checksum = e.name === 'ours' ? s.checksum() : null;
  e.done(s);
  return [ms / k, checksum];
}

/** AntV runs k iterations per call and converts the graph in and out each call: time that conversion
 *  (a call with 0 iterations) and subtract it, so its figure is iterations only. */
function antvPerIteration(e, g, k) {
  const s = e.start(g);
  e.run(s, 1);
  let t0 = performance.now();
  antvForce({ ...s.base, nodes: s.pos, iterations: 0 });
  const overhead = performance.now() - t0;
  t0 = performance.now();
  e.run(s, k);
  const ms = performance.now() - t0;
  return [Math.max(0, ms - overhead) / k, overhead];
}

async function tickMode(E) {
  const rows = [];
  for (const [n, m, ticks, antvTicks] of SIZES) {
    const flat = graph_edges(n, m, SEED);
    const gs = Object.fromEntries(Object.entries(E).map(([k, e]) => [k, e.prepare(n, m, flat)]));
    const t = { ours: [], d3: [], fa2: [], antv: [] };
    let checksum = 0, antvOverhead = 0;
    for (let r = 0; r < REPEATS; r++) {
      let sum;
      [t.ours[r], sum] = perIteration(E.ours, gs.ours, ticks); checksum = sum;
      [t.d3[r]] = perIteration(E.d3, gs.d3, ticks);
      [t.fa2[r]] = perIteration(E.fa2, gs.fa2, ticks);
      [t.antv[r], antvOverhead] = antvPerIteration(E.antv, gs.antv, antvTicks);
      await idle();
    }
    const row = { nodes: n, edges: m, ticks, antv_ticks: antvTicks, checksum, antv_call_overhead_ms: antvOverhead };
    for (const k of Object.keys(t)) row[`${k}_ms`] = median(t[k]);
    // Kept under their old names for the Wasm / d3 / native table.
    row.wasm_ms_per_tick = row.ours_ms; row.d3_ms_per_tick = row.d3_ms; row.ratio = row.ours_ms / row.d3_ms;
    rows.push(row);
    log(`${n}/${m}: ours ${row.ours_ms.toFixed(3)}  d3 ${row.d3_ms.toFixed(3)}  ForceAtlas2 ${row.fa2_ms.toFixed(3)}  AntV ${row.antv_ms.toFixed(3)} ms/iteration`);
  }
  return rows;
}

/** Time to settled: run in chunks of CHUNK iterations (timed), measure after each (untimed); settled
 *  at the first checkpoint where stress and edge-length CV both changed < TOLERANCE over WINDOW
 *  and `moving` < MOVING.
 *  Ours and d3 go on to their natural end, 300 ticks (alpha < alphaMin), which is also recorded.
 *  AntV runs k iterations per call: each chunk is one call, which starts with zero velocities.
 *  `moving`: mean node displacement per iteration over the last chunk / RMS distance from the centroid. */
async function settle(e, g, quality, cap, toCap) {
  const s = e.start(g);
  let prev = Float64Array.from(e.positions(s));
  const trace = [{ it: 0, ms: 0, moving: null, ...quality(prev) }];
  let ms = 0, settledAt = null;
  for (let it = CHUNK; it <= cap; it += CHUNK) {
    const t0 = performance.now();
    e.run(s, CHUNK);
    ms += performance.now() - t0;
    const pos = Float64Array.from(e.positions(s));
    const n = pos.length / 2;
    let cx = 0, cy = 0, moved = 0, r2 = 0;
    for (let i = 0; i < n; i++) { cx += pos[2 * i] / n; cy += pos[2 * i + 1] / n; moved += Math.hypot(pos[2 * i] - prev[2 * i], pos[2 * i + 1] - prev[2 * i + 1]); }
    for (let i = 0; i < n; i++) r2 += ((pos[2 * i] - cx) ** 2 + (pos[2 * i + 1] - cy) ** 2) / n;
    prev = pos;
    const q = { it, ms, moving: moved / n / CHUNK / Math.sqrt(r2), ...quality(pos) };
    trace.push(q);
    const back = trace.find((p) => p.it === it - WINDOW);
    await idle();
    if (!settledAt && back && q.moving < MOVING && Math.abs(q.stress - back.stress) < TOLERANCE * back.stress && Math.abs(q.edgeCv - back.edgeCv) < TOLERANCE * back.edgeCv) {
      settledAt = q;
      if (!toCap) break;
    }
  }
  e.done(s);
  const last = trace[trace.length - 1];
  const at = settledAt ?? last;
  return { settled: settledAt !== null, iterations: at.it, ms: at.ms, stress: at.stress, edgeCv: at.edgeCv, moving: at.moving, end: { iterations: last.it, ms: last.ms, stress: last.stress, edgeCv: last.edgeCv, moving: last.moving }, trace };
}

async function settleMode(E) {
  const rows = [];
  for (const [n, m] of SIZES) {
    const flat = graph_edges(n, m, SEED);
    const quality = makeQuality(n, flat);
    const [capSchedule, capFa2, capAntv] = CAPS[n] ?? [300, 1000, 200];
    const row = { nodes: n, edges: m };
    for (const [k, e] of Object.entries(E)) {
      const cap = k === 'fa2' ? capFa2 : k === 'antv' ? capAntv : capSchedule;
      row[k] = await settle(e, e.prepare(n, m, flat), quality, cap, k === 'ours' || k === 'd3');
      const r = row[k];
      log(`${n}/${m} ${k}: ${r.settled ? 'settled' : 'NOT settled'} at ${r.iterations} iterations, ${r.ms.toFixed(0)} ms, stress ${r.stress.toFixed(4)}, edge CV ${r.edgeCv.toFixed(3)}, moving ${r.moving.toExponential(2)}; end ${r.end.iterations} it ${r.end.ms.toFixed(0)} ms stress ${r.end.stress.toFixed(4)} moving ${r.end.moving.toExponential(2)}`);
    }
    rows.push(row);
  }
  return rows;
}

async function main() {
  await init();
  await initAntv();
  const nm = './node_modules/';
  const utils = {
    'graphology-utils/is-graph': await cjs(`${nm}graphology-utils/is-graph.js`),
    'graphology-utils/getters': await cjs(`${nm}graphology-utils/getters.js`),
  };
  const lib = `${nm}graphology-layout-forceatlas2/`;
  const fa2 = { iterate: await cjs(`${lib}iterate.js`), helpers: await cjs(`${lib}helpers.js`), defaults: await cjs(`${lib}defaults.js`) };
  const forceAtlas2 = await cjs(`${lib}index.js`, { ...utils, './iterate.js': fa2.iterate, './helpers.js': fa2.helpers, './defaults.js': fa2.defaults });
  fa2.inferSettings = forceAtlas2.inferSettings;
  const E = engines(fa2);
  const rows = MODE === 'settle' ? await settleMode(E) : await tickMode(E);
  document.querySelector('#status').textContent = 'done';
  window.benchResults = { userAgent: navigator.userAgent, mode: MODE, rows, rule: { CHUNK, WINDOW, TOLERANCE, MOVING } };
}

main().catch((e) => { document.querySelector('#status').textContent = 'failed: ' + (e.stack ?? e); window.benchResults = { error: String(e.stack ?? e) }; });
