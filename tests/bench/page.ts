/**
 * Page-side speed in Chromium (part of `npm run bench`): the production build loaded in Debian's Chromium, fixture
 * pages served at their real URLs (lib/cli/harness.ts), each opened RUNS times in a fresh tab. Measured with the
 * page's performance timeline (content scripts share it): DOMContentLoaded → `vetter:badge` (the content script's
 * mark when the badge shows the report), and long tasks (PerformanceObserver 'longtask', > 50 ms) — those inside
 * Vetter's span (`vetter:start` → `vetter:badge`) with the extension, against the same page without it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROME_DIST, findChromium, launchWithExtension, loadFixtures, startFixtureServer, type Fixture, type FixtureServer } from '../../lib/cli/harness';

const RUNS = Number(process.env['BENCH_PAGE_RUNS'] ?? 15);

interface Sample {
  /** ms from vetter:start to each phase mark */
  phases: Record<string, number>;
  dclToBadge: number;
  startToBadge: number;
  longTasks: { start: number; dur: number }[];
  inVetterSpan: number[];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

const OBSERVE = () => {
  const w = window as unknown as { __lt: { start: number; dur: number }[] };
  w.__lt = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support
  }
};

async function measure(context: BrowserContext, f: Fixture, withExtension: boolean): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(f.url);
  if (withExtension) await page.waitForFunction(() => performance.getEntriesByName('vetter:badge').length > 0, undefined, { timeout: 30_000 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(300); // let the observer deliver
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const badge = performance.getEntriesByName('vetter:badge')[0]?.startTime ?? NaN;
    const start = performance.getEntriesByName('vetter:start')[0]?.startTime ?? NaN;
    // (no named helper functions in here: tsx would wrap them in a __name() the page does not have)
    const [ex, exd, rep] = ['vetter:extract', 'vetter:extracted', 'vetter:reply'].map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN);
    const phases = { extract: ex! - start, extracted: exd! - start, reply: rep! - start, badge: badge - start };
    return { dcl: nav.domContentLoadedEventStart, badge, start, phases, lt: (window as unknown as { __lt: { start: number; dur: number }[] }).__lt };
  });
  await page.close();
  return {
    phases: r.phases,
    dclToBadge: r.badge - r.dcl,
    startToBadge: r.badge - r.start,
    longTasks: r.lt,
    inVetterSpan: r.lt.filter((t) => t.start + t.dur >= r.start && t.start <= r.badge).map((t) => t.dur),
  };
}

export async function benchPage(): Promise<void> {
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) {
    console.log('\nPage-side speed: no production build (run `npm run build`).');
    return;
  }
  const fixtures = loadFixtures();
  const bySize = (xs: Fixture[]) => [...xs].sort((a, b) => b.html.length - a.html.length)[0]!;
  const targets = [bySize(fixtures.filter((f) => !f.file.startsWith('hostile/'))), bySize(fixtures.filter((f) => f.file.startsWith('hostile/')))];
  const server: FixtureServer = await startFixtureServer(fixtures);
  const withExt = await launchWithExtension({ server, extensionDir: CHROME_DIST });
  // The same pages without the extension: the page's own long tasks (parsing a 700 KB page is one).
  const dir = mkdtempSync(join(tmpdir(), 'vetter-bench-'));
  const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.httpsPort}`).join(', ');
  const without = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--host-resolver-rules=${rules}, EXCLUDE localhost`],
  });
  console.log(`\nPage-side speed in Chromium (production build, ${RUNS} fresh tabs per page; target: median ≤ 100 ms, no long task > 50 ms from Vetter):`);
  try {
    for (const f of targets) {
      await measure(withExt.context, f, true); // warm the service worker once
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(withExt.context, f, true));
      const base: Sample[] = [];
      for (let i = 0; i < Math.min(RUNS, 5); i++) base.push(await measure(without, f, false));
      const d = samples.map((s) => s.dclToBadge);
      const s2 = samples.map((s) => s.startToBadge);
      const vetterLong = samples.flatMap((s) => s.inVetterSpan);
      const allWith = samples.flatMap((s) => s.longTasks.map((t) => t.dur));
      const allWithout = base.flatMap((s) => s.longTasks.map((t) => t.dur));
      console.log(`  ${f.file} (${(f.html.length / 1024).toFixed(1)} KB)`);
      console.log(`    DOMContentLoaded → badge: median ${quantile(d, 0.5).toFixed(1)} ms, p95 ${quantile(d, 0.95).toFixed(1)} ms (script start → badge: median ${quantile(s2, 0.5).toFixed(1)} ms)`);
      const ph = (k: string) => quantile(samples.map((s) => s.phases[k] ?? NaN), 0.5).toFixed(1);
      console.log(`    from script start (median): extraction begins ${ph('extract')} ms, read ${ph('extracted')} ms, background replied ${ph('reply')} ms, badge ${ph('badge')} ms`);
      console.log(
        `    long tasks in Vetter's span: ${vetterLong.length} over ${RUNS} loads${vetterLong.length ? ` (max ${Math.max(...vetterLong).toFixed(0)} ms)` : ''}; ` +
          `all long tasks per load with Vetter ${(allWith.length / RUNS).toFixed(1)}, without ${(allWithout.length / base.length).toFixed(1)}`,
      );
    }
  } finally {
    await withExt.close();
    await without.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
