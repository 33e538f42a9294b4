// Screenshots of the story's key dates at 1280, 768 and 375 px, to compare builds side by side:
//   DIST=dist-e2e BASE=/powershift/ node scripts/screenshots.mjs OUT_DIR
// Uses the end-to-end harness (local server, Debian's Chromium); writes OUT_DIR/<date>-<width>.png.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startServer, launch, openPage } from '../tests/e2e/harness.mjs';

const out = resolve(process.argv[2] ?? 'test-output/compare');
const dates = ['2019-07-22', '2023-01-23', '2025-01-21', '2026-04-28'];
await mkdir(out, { recursive: true });
const { server, appUrl } = await startServer();
const browser = await launch();
try {
  for (const [w, h] of [[1280, 800], [768, 1024], [375, 812]]) {
    for (const date of dates) {
      const { context, page } = await openPage(browser, { width: w, height: h });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${appUrl}?date=${date}`);
      await page.getByRole('slider', { name: 'Date' }).waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${date}-${w}.png`), fullPage: true });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}`);
