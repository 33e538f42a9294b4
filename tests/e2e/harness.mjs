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

export const HOST_BASE = '/news/';
const STATIC = resolve('static');
/** The files of static/ a host page may load from the second origin (the demo copies them). */
const HOST_FILES = ['embed.js', 'embed-demo.js', 'embed-demo.css', 'vendor/pym.v1.min.js'];

/** A second origin, as a news site: http://news.localhost:PORT/news/ (another site than the app's
 *  127.0.0.1; Chromium resolves *.localhost to the loopback itself and treats it as secure, like the
 *  https of a real article). It serves, only on 127.0.0.1:
 *  - `embed-demo.html` from static/, its `./` app addresses pointed at `app` (startServer's result)
 *    and its CSP's frame-src widened to the app's origin: what a host copying the demo would do;
 *  - embed.js, the demo's script and style and vendor/pym.v1.min.js from static/;
 *  - `sibling.html`, an empty page for a frame that is not the app;
 *  - pages added with `add(name, html)`, as `name`.
 *  Every HTML response carries a strict CSP (no inline script or style; scripts and frames only from
 *  this origin and the app's), so any attempt by embed.js or Pym.js to break it is a violation. */
export async function startHostServer(app) {
  const pages = new Map();
  const csp = `default-src 'self'; script-src 'self' ${app.origin}; style-src 'self'; img-src 'self' data:; `
    + `frame-src 'self' ${app.origin}; object-src 'none'; base-uri 'self'; form-action 'none'`;
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (!path.startsWith(HOST_BASE)) throw new Error('outside');
      const name = path.slice(HOST_BASE.length);
      let body;
      if (pages.has(name)) body = pages.get(name);
      else if (name === 'sibling.html') body = '<!DOCTYPE html><title>Another frame</title><p>Another frame';
      else if (name === 'embed-demo.html') body = hostedDemo(await readFile(join(STATIC, name), 'utf8'), app);
      else if (HOST_FILES.includes(name)) body = await readFile(join(STATIC, name));
      else throw new Error('not found');
      const type = TYPES[extname(name)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (type.startsWith('text/html')) headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch (e) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(String(e.message));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://news.localhost:${server.address().port}`;
  return {
    server, origin, base: origin + HOST_BASE,
    /** Serves `html` as HOST_BASE + name; returns its URL. */
    add(name, html) { pages.set(name, html); return origin + HOST_BASE + name; },
  };
}

/** The demo article as a news site would publish it: the embeds' `./` addresses (the demo's own
 *  folder, where it sits next to the app) become the app's URL, and its CSP may frame the app. */
function hostedDemo(html, app) {
  const out = html
    .replace(/(data-(?:powershift|pym-app)-src=")\.\//g, `$1${app.appUrl}`)
    .replace("frame-src 'self'", `frame-src 'self' ${app.origin}`);
  if (!out.includes(`="${app.appUrl}`) || !out.includes(`frame-src 'self' ${app.origin}`)) {
    throw new Error('embed-demo.html: no ./ embed address or no frame-src to point at the app');
  }
  return out;
}

/** Hosts the tests serve from; a request anywhere else is a third-party request. */
const OWN_HOSTS = new Set(['127.0.0.1', 'localhost', 'news.localhost']);

/** Headless Chromium whose every context reports Content Security Policy violations (in every
 *  frame) and requests to third parties; closing the browser fails if there were any, so every
 *  scenario of every file is checked. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const violations = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${location.origin}${location.pathname}`);
      });
    });
    context.on('console', (m) => { if (m.text().startsWith('CSP violation:')) violations.push(m.text()); });
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (['data:', 'blob:', 'about:', 'file:'].includes(u.protocol)) return;
      if (!OWN_HOSTS.has(u.hostname)) violations.push(`third-party request: ${r.url()}`);
    });
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    if (violations.length) throw new Error(`CSP violations or third-party requests:\n${[...new Set(violations)].join('\n')}`);
  };
  return browser;
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
