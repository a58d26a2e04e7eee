/**
 * Node-side harness shared by `npm start` (the demo) and the end-to-end tests: serves the fixture pages at their
 * real marketplace URLs from a local http+https server (self-signed certificate), and launches Debian's Chromium
 * with the built extension loaded and the marketplace host names mapped to that server.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { generate } from 'selfsigned';
import { PHOTO_HOST_PATTERNS } from '../face/hosts';

/** The marketplace image hosts the extension may fetch photos from: mapped to the local server too (404 unless served). */
const PHOTO_HOSTS = PHOTO_HOST_PATTERNS.map((p) => new URL(p.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '*.'));

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** The production build (`wxt build`): `npm start`, the bench and the closed-shadow-root test load it. */
export const CHROME_DIST = join(ROOT, '.output/chrome-mv3');
/**
 * The e2e build (`wxt build --mode e2e`): the same extension with a fixed key (stable id) and the badge's shadow root
 * open, so tests can read inside it. The e2e suite sets VETTER_BUILD=e2e (vitest.e2e.config.ts) to load it.
 */
export const E2E_DIST = join(ROOT, '.output/chrome-mv3-e2e');
/** The build the tests load by default: E2E_DIST under the e2e suite, else the production build. */
export const TEST_DIST = process.env['VETTER_BUILD'] === 'e2e' ? E2E_DIST : CHROME_DIST;

export interface Fixture {
  /** Path relative to tests/fixtures. */
  file: string;
  url: string;
  html: string;
  /** `TZ: <IANA zone>` from the top comment: the page's shown local time is rendered live in that zone. */
  tz: string | null;
  /** `PHOTO: <url> = <file under tests/fixtures>` lines: images the server serves at their marketplace URL. */
  photos?: { url: string; file: string }[];
}

/**
 * The page as the site would serve it now: marketplaces print the freelancer's current local time ("3:12 am local
 * time", "It's currently 9:41 PM here"), so a fixture that declares `TZ:` gets that clock rendered for `now` in its
 * zone. Without this, a static time in a fixture would be right or wrong depending on when the tests run.
 */
export function renderFixture(f: Pick<Fixture, 'html' | 'tz'>, now: Date = new Date()): string {
  if (!f.tz) return f.html;
  const t = new Intl.DateTimeFormat('en-US', { timeZone: f.tz, hour: 'numeric', minute: '2-digit', hour12: true }).format(now);
  const [clock, ampm] = t.split(/\s+/) as [string, string];
  return f.html
    .replace(/\b\d{1,2}:\d{2}\s*([ap]m)(\s+local time)/gi, (_m, ap: string, rest: string) => `${clock} ${ap === ap.toLowerCase() ? ampm.toLowerCase() : ampm}${rest}`)
    .replace(/(It's currently )\d{1,2}:\d{2} [AP]M( here)/g, `$1${clock} ${ampm}$2`);
}

/** Every fixture page with the real URL declared in its top comment (`URL: https://…`). */
export function loadFixtures(dir = FIXTURES): Fixture[] {
  const out: Fixture[] = [];
  for (const platform of readdirSync(dir, { withFileTypes: true })) {
    if (!platform.isDirectory()) continue;
    for (const f of readdirSync(join(dir, platform.name))) {
      if (!f.endsWith('.html')) continue;
      const html = readFileSync(join(dir, platform.name, f), 'utf8');
      const head = html.slice(0, 3000);
      const m = head.match(/URL:\s*(https?:\/\/\S+)/);
      const tz = head.match(/\bTZ:\s*([A-Za-z_]+\/[A-Za-z_/]+)/)?.[1] ?? null;
      const photos = [...head.matchAll(/PHOTO:\s*(https:\/\/\S+)\s*=\s*(\S+)/g)].map((p) => ({ url: p[1]!, file: p[2]! }));
      if (m) out.push({ file: `${platform.name}/${f}`, url: m[1]!, html, tz, ...(photos.length ? { photos } : {}) });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export interface FixtureServer {
  httpsPort: number;
  httpPort: number;
  hosts: string[];
  /** base64 SHA-256 of the test certificate's public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Serve extra pages (tests add variants at run time). */
  add(url: string, html: string, tz?: string | null): void;
  /** Serve a file (an image) at a URL; its host must be one of `hosts` to be reachable from the browser. */
  addFile(url: string, body: Buffer, contentType: string): void;
  close(): Promise<void>;
}

/** Serve fixtures by host and path on 127.0.0.1, over https (self-signed) and http. Unknown paths get 404. */
export async function startFixtureServer(fixtures: Fixture[] = loadFixtures()): Promise<FixtureServer> {
  const pages = new Map<string, Pick<Fixture, 'html' | 'tz'>>();
  const key = (u: URL) => `${u.hostname}${u.pathname.replace(/\/$/, '')}`;
  const add = (url: string, html: string, tz: string | null = null) => pages.set(key(new URL(url)), { html, tz });
  for (const f of fixtures) add(f.url, f.html, f.tz);
  const files = new Map<string, { body: Buffer; contentType: string }>();
  const addFile = (url: string, body: Buffer, contentType: string) => files.set(key(new URL(url)), { body, contentType });
  for (const f of fixtures)
    for (const p of f.photos ?? []) addFile(p.url, readFileSync(join(FIXTURES, p.file)), p.file.endsWith('.png') ? 'image/png' : 'image/jpeg');
  const hosts = [...new Set(fixtures.flatMap((f) => [f.url, ...(f.photos ?? []).map((p) => p.url)]).map((u) => new URL(u).hostname))];
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [...new Set([...hosts, ...PHOTO_HOSTS, 'localhost'])].map((h) => ({ type: 2 as const, value: h })) }],
  });
  const handler: http.RequestListener = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const u = new URL(req.url ?? '/', `https://${host}`);
    const file = files.get(key(u));
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.length) });
      res.end(file.body);
      return;
    }
    const page = pages.get(key(u));
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not a fixture: ${host}${u.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(renderFixture(page));
  };
  const s1 = https.createServer({ key: pems.private, cert: pems.cert }, handler);
  const s2 = http.createServer(handler);
  await Promise.all([new Promise<void>((r) => s1.listen(0, '127.0.0.1', r)), new Promise<void>((r) => s2.listen(0, '127.0.0.1', r))]);
  return {
    httpsPort: (s1.address() as AddressInfo).port,
    httpPort: (s2.address() as AddressInfo).port,
    hosts,
    spki: createHash('sha256').update(new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64'),
    add,
    addFile,
    close: () =>
      Promise.all([new Promise<void>((r) => s1.close(() => r())), new Promise<void>((r) => s2.close(() => r()))]).then(() => undefined),
  };
}

/** CHROME_PATH, Debian's /usr/bin/chromium, or an installed Chrome/Chromium. */
export function findChromium(): string {
  const candidates = [
    process.env['CHROME_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `No Chromium found (tried ${candidates.join(', ')}). Install it (Debian: apt-get install chromium) or set CHROME_PATH. ` +
        'Branded Google Chrome 137+ ignores --load-extension; use Chromium.',
    );
  return found;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launch Chromium with the extension and every fixture host mapped to the local https server. */
export async function launchWithExtension(opts: {
  server: FixtureServer;
  extensionDir?: string;
  headless?: boolean;
  extraArgs?: string[];
}): Promise<Launched> {
  const dir = opts.extensionDir ?? TEST_DIST;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension at ${dir}: run "npx wxt build${dir === E2E_DIST ? ' --mode e2e' : ''}" first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'vetter-chromium-'));
  const rules = [...new Set([...opts.server.hosts, ...PHOTO_HOSTS])].map((h) => `MAP ${h} 127.0.0.1:${opts.server.httpsPort}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      // The service worker's own fetches (profile photos) do not get Playwright's ignoreHTTPSErrors: trust exactly
      // the test server's certificate, nothing else.
      `--ignore-certificate-errors-spki-list=${opts.server.spki}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
