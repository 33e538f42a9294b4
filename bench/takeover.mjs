// Time until the app has taken over a phone's page: from navigation to the moment the prerendered
// first screen is removed (the app's own screen is in, every piece of the load done but the panels
// below it), with the network throttled like Lighthouse's slow 4G (150 ms, 1.6 Mbit/s × 0.9) and the
// CPU slowed 4× through the DevTools protocol, each build served with gzip -6 under /powershift/.
// Builds alternate run by run, so a noisy minute hits each alike. A measurement, not a test:
//   RUNS=6 node bench/takeover.mjs dist-a dist-b
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/harness.mjs';
const BASE = '/powershift/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
function serve(dir) {
  const DIST = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      path = path.slice(BASE.length) || 'index.html'; if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(DIST, path)); await stat(file);
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (/gzip/.test(req.headers['accept-encoding'] ?? '')) { body = gzipSync(body, { level: 6 }); headers['content-encoding'] = 'gzip'; }
      res.writeHead(200, headers).end(body);
    } catch { res.writeHead(404).end('nf'); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}${BASE}` })));
}
const builds = process.argv.slice(2);
const out = Object.fromEntries(builds.map((b) => [b, []]));
const servers = {}; for (const b of builds) servers[b] = await serve(b);
const browser = await launch();
for (let i = 0; i < Number(process.env.RUNS || 3); i++) for (const b of builds) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8 * 0.9, uploadThroughput: 750e3 / 8 * 0.9 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(servers[b].url);
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 60000, polling: 50 });
  out[b].push(Math.round(await page.evaluate(() => performance.now())));
  await context.close();
}
for (const b of builds) { const s = [...out[b]].sort((a, c) => a - c); console.log(b.padEnd(10), out[b].join(' '), ' median', s[Math.floor(s.length / 2)]); }
await browser.close(); for (const b of builds) servers[b].server.close();
