// Engine-independent measures of a layout, for the "time to settled" benchmark. Both are
// scale-free, so layouts of different sizes (d3's 30-unit links, AntV's 200, ForceAtlas2's own
// scale) compare directly. Evaluating them is never timed.
//   stress: sampled normalised stress. From S evenly spaced source nodes, BFS graph distances D to
//     every node; with a = (layout distance) / D over all those pairs and the layout scaled by the
//     best factor, Σ((s·d − D)/D)² / N = 1 − (Σa)² / (N·Σa²). 0 = distances proportional to hops.
//   edgeCv: coefficient of variation (σ/μ) of the edge lengths.
export function makeQuality(n, flat, sources = 50) {
  const deg = new Int32Array(n);
  for (let i = 0; i < flat.length; i++) deg[flat[i]]++;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + deg[i];
  const adj = new Int32Array(flat.length);
  const fill = start.slice(0, n);
  for (let i = 0; i < flat.length; i += 2) {
    const a = flat[i], b = flat[i + 1];
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const S = Math.min(n, sources);
  const src = [], dist = [];
  const queue = new Int32Array(n);
  for (let k = 0; k < S; k++) {
    const s = Math.floor((k * n) / S);
    const d = new Int32Array(n).fill(-1);
    d[s] = 0; queue[0] = s;
    for (let h = 0, t = 1; h < t; h++) {
      const u = queue[h];
      for (let e = start[u]; e < start[u + 1]; e++) {
        const v = adj[e];
        if (d[v] < 0) { d[v] = d[u] + 1; queue[t++] = v; }
      }
    }
    src.push(s); dist.push(d);
  }
  const m = flat.length / 2;
  // pos: flat [x0, y0, x1, y1, …] (any array-like)
  return function quality(pos) {
    let sa = 0, sa2 = 0, N = 0;
    for (let k = 0; k < S; k++) {
      const s = src[k], d = dist[k], sx = pos[2 * s], sy = pos[2 * s + 1];
      for (let j = 0; j < n; j++) {
        const D = d[j];
        if (D <= 0) continue;
        const a = Math.hypot(pos[2 * j] - sx, pos[2 * j + 1] - sy) / D;
        sa += a; sa2 += a * a; N++;
      }
    }
    let se = 0, se2 = 0;
    for (let i = 0; i < flat.length; i += 2) {
      const a = flat[i], b = flat[i + 1];
      const l = Math.hypot(pos[2 * a] - pos[2 * b], pos[2 * a + 1] - pos[2 * b + 1]);
      se += l; se2 += l * l;
    }
    const mean = se / m;
    return { stress: 1 - (sa * sa) / (N * sa2), edgeCv: Math.sqrt(Math.max(0, se2 / m - mean * mean)) / mean };
  };
}
