/**
 * `npm start`: opens Chromium with the built extension on the bundled demo profiles, served locally at their real
 * marketplace URLs (host names mapped to a local https server), and prints what the badge says on each.
 * With a display it keeps the browser open until you close it or press Ctrl-C; without one (a server, CI) it runs
 * headless, saves a screenshot per profile under test-output/demo/ and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { siteExtractorFor } from '../extractors';
import { E2E_DIST, launchWithExtension, loadFixtures, ROOT, startFixtureServer } from './harness';

const HEADLESS = process.env['VETTER_HEADLESS'] === '1' || (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']);

async function main() {
  // The hostile pages (tests/fixtures/hostile) are test material, not demo profiles.
  const fixtures = loadFixtures().filter((f) => !f.file.startsWith('hostile/'));
  const server = await startFixtureServer(fixtures);
  // The demo loads the e2e build: the same extension, but its badge's shadow root is open so this script can read the
  // level it prints (the production build's root is closed to the page, and to Playwright too).
  const browser = await launchWithExtension({ server, headless: HEADLESS, extensionDir: E2E_DIST });
  console.log(`Vetter demo: Chromium ${HEADLESS ? '(headless: no display found)' : ''} with the extension ${browser.extensionId}`);
  console.log(`Fixture server on 127.0.0.1:${server.httpsPort} (https) for ${server.hosts.join(', ')}\n`);
  const outDir = join(ROOT, 'test-output/demo');
  if (HEADLESS) mkdirSync(outDir, { recursive: true });
  for (const f of fixtures) {
    if (!siteExtractorFor(f.url)) {
      // Generic pages get no automatic badge: the popup's "Check this profile" reads them with the generic reader.
      console.log(`${f.file.padEnd(34)} generic page: no automatic badge; use the toolbar popup's "Check this profile"\n${' '.repeat(35)}${f.url}`);
      continue;
    }
    const page = await browser.context.newPage();
    await page.goto(f.url);
    let summary = 'no badge (not a supported profile URL)';
    try {
      const badge = page.locator('.vetter-badge:not([data-level="pending"])');
      await badge.waitFor({ timeout: 30_000 }); // the first profile photo also loads the face model
      const flags = Number(await badge.getAttribute('data-flags'));
      const partial = (await page.locator('.vetter-partial').count()) > 0;
      summary = `${(await badge.getAttribute('data-level'))?.toUpperCase()}: ${flags} flag${flags === 1 ? '' : 's'}${partial ? ', partial read' : ''}`;
      if (HEADLESS) {
        await page.locator('.vetter-pill').click().catch(() => undefined);
        const shot = join(outDir, `${f.file.replace(/[/.]/g, '_')}.png`);
        await page.screenshot({ path: shot });
        summary += `  (screenshot: ${shot.replace(`${ROOT}/`, '')})`;
      }
    } catch {
      // no badge within the time: reported as such
    }
    console.log(`${f.file.padEnd(34)} ${summary}\n${' '.repeat(35)}${f.url}`);
    if (HEADLESS) await page.close();
  }
  if (HEADLESS) {
    await browser.close();
    await server.close();
    return;
  }
  console.log('\nThe browser stays open: click a badge to see the findings, or the toolbar icon for "Check this profile". Ctrl-C to quit.');
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  browser.context.on('close', () => void stop());
}

main().catch((e) => {
  console.error(`vetter start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
