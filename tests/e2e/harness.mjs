// Shared end-to-end harness: a static server for the release build under a sub-path, and headless
// Chromium (Debian's, driven by playwright-core; no browser is ever downloaded).
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { join, extname, normalize, resolve, dirname, basename } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(resolve('tools/package.json'));
const { chromium } = require('playwright-core');

export const DIST = resolve(process.env.DIST ?? 'dist-e2e');
export const BASE = process.env.BASE ?? '/powershift/';
export const SHOTS = resolve('test-output/screenshots');
const TEST_DATA = resolve('tests/data');
/** A frozen copy of the story: mechanics tests load it, so editing the shipped story changes only the story-fact tests. */
export const FROZEN_STORY = resolve('crates/powershift-core/tests/res/story-frozen.json');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Serves DIST under BASE, tests/data under BASE + "test-data/" and the frozen story as
 *  BASE + "test-data/story-frozen.json". Only on 127.0.0.1. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(BASE)) { res.writeHead(404).end('outside the app'); return; }
      path = path.slice(BASE.length);
      let root = DIST;
      if (path === 'test-data/story-frozen.json') { root = dirname(FROZEN_STORY); path = basename(FROZEN_STORY); }
      else if (path.startsWith('test-data/')) { root = TEST_DATA; path = path.slice('test-data/'.length); }
      if (path === '' || path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      await stat(file);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, appUrl: origin + BASE };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A page that records console errors, page errors and failed or non-2xx requests. */
export async function openPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = { console: [], failed: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('requestfailed', (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.failed.push(`${r.url()} HTTP ${r.status()}`); });
  return { context, page, problems };
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
