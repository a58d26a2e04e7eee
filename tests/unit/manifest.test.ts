/**
 * Least privilege, checked on the built extension (.output/chrome-mv3 and .output/firefox-mv3, rebuilt here when
 * missing or older than the sources): every permission, optional permission, host permission, content-script match
 * and web-accessible resource must be on the reviewed lists below, each with the reason it is needed; no remote
 * code, no eval, and no content security policy weaker than MV3's default.
 *
 * Adding a permission or a site is one reviewed line here, with its reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers';

/** Reviewed permissions: name → why Vetter needs it. */
const PERMISSIONS: Record<string, string> = {
  storage: 'settings, history and notes are kept in extension storage on this device',
  activeTab: 'the popup checks the tab in front when the user clicks "Check this profile" (no access to other tabs)',
  scripting: 'with activeTab: read a page the user explicitly asks to check that is not a supported profile page',
  contextMenus: 'the "Check this profile with Vetter" entry of the page\'s context menu',
  offscreen: 'Chrome: the offscreen document that runs the face model (WebAssembly) on a profile photo',
};
/** Reviewed optional permissions (asked at run time): name → why. */
const OPTIONAL_PERMISSIONS: Record<string, string> = {};
/** Reviewed host permissions: pattern → why. Only the marketplaces' profile-photo hosts (lib/face/hosts.ts): the
 * background fetches the photo of a checked profile to hash it and to run the face model; nothing else. */
const HOST_PERMISSIONS: Record<string, string> = {
  'https://www.upwork.com/profile-portraits/*': 'Upwork profile portraits',
  'https://*.f-cdn.com/*': 'Freelancer.com avatars (cdn2/cdn3.f-cdn.com/ppic/…)',
  'https://fiverr-res.cloudinary.com/*': 'Fiverr profile photos',
  'https://res.cloudinary.com/gurucom/*': 'Guru profile photos (the gurucom folder only)',
  'https://uploads.toptal.io/*': 'Toptal talent photos',
  'https://media.licdn.com/*': 'LinkedIn profile photos',
  'https://avatars.githubusercontent.com/*': 'GitHub avatars',
  'https://dy5jo0nsuf6ys.cloudfront.net/*': 'PeoplePerHour photos (the CDN host the fixtures model)',
};
/** Reviewed content-script matches: pattern → the profile pages it covers. */
const CONTENT_SCRIPT_MATCHES: Record<string, string> = {
  'https://www.upwork.com/freelancers/*': 'Upwork freelancer profiles',
  'https://www.upwork.com/fl/*': 'Upwork vanity profile addresses',
  'https://www.freelancer.com/u/*': 'Freelancer.com user profiles',
  'https://www.fiverr.com/*': 'Fiverr seller profiles live at the top level (fiverr.com/<username>)',
  'https://*.fiverr.com/*': 'Fiverr localised subdomains (de.fiverr.com, …)',
  'https://www.toptal.com/resume/*': 'Toptal public résumés',
  'https://www.toptal.com/*/resume/*': 'Toptal skill-path résumés (toptal.com/<skill>/resume/<name>)',
  'https://www.linkedin.com/in/*': 'LinkedIn member profiles',
  'https://github.com/*': 'GitHub user profiles live at the top level (github.com/<user>)',
  'https://www.guru.com/freelancers/*': 'Guru freelancer profiles',
  'https://www.peopleperhour.com/freelancer/*': 'PeoplePerHour freelancer profiles',
};
/** Reviewed web-accessible resources: path → why a page may load it. */
/** None: the badge's stylesheet is bundled into the content script and handed to its shadow root, so no page can load
 * (or probe for) a file of the extension. */
const WEB_ACCESSIBLE: Record<string, string> = {};
/** Reviewed manifest keys (anything else, e.g. externally_connectable, fails until reviewed). */
const KEYS: Record<string, string> = {
  manifest_version: 'MV3',
  name: '',
  description: '',
  version: '',
  permissions: 'reviewed above',
  host_permissions: 'reviewed above',
  optional_permissions: 'reviewed above',
  action: 'the toolbar popup',
  background: 'service worker (Chrome) / event page scripts (Firefox) that run the rules',
  content_scripts: 'reviewed above',
  web_accessible_resources: 'reviewed above',
  browser_specific_settings: 'Firefox add-on id and data-collection declaration (none)',
  content_security_policy: 'checked below: never weaker than the MV3 default',
  icons: 'toolbar and store icons',
  default_locale: 'i18n',
  commands: 'keyboard shortcuts',
  options_ui: 'the settings page (entrypoints/options)',
  options_page: 'the settings page (entrypoints/options)',
};
/**
 * Reviewed code in the bundles that can evaluate strings: [snippet, why it is acceptable]. zod probes whether eval
 * is allowed (for its optional JIT) with `Function("")` in a try/catch; the MV3 CSP forbids it, so it returns false
 * and zod never compiles code.
 */
const REVIEWED_EVAL: [string, string][] = [['try{return Function(``),!0}catch{return!1}', 'zod allowsEval() probe; false under the MV3 CSP']];

const BUILDS = [
  { dir: '.output/chrome-mv3', args: ['build'] },
  { dir: '.output/firefox-mv3', args: ['build', '-b', 'firefox', '--mv3'] },
];

function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p)) if (f !== 'node_modules' && !f.startsWith('.')) walk(join(p, f));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json']) if (existsSync(join(REPO_ROOT, p))) walk(join(REPO_ROOT, p));
  return newest;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : /\.(m?js)$/.test(e.name) ? [join(dir, e.name)] : []));
}

beforeAll(() => {
  const newest = newestSource();
  for (const b of BUILDS) {
    const manifest = join(REPO_ROOT, b.dir, 'manifest.json');
    if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest) continue;
    execFileSync(join(REPO_ROOT, 'node_modules/.bin/wxt'), b.args, { cwd: REPO_ROOT, stdio: 'pipe' });
  }
}, 180_000);

for (const b of BUILDS) {
  describe(`built manifest: ${b.dir}`, () => {
    const read = () => JSON.parse(readFileSync(join(REPO_ROOT, b.dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      permissions?: string[];
      optional_permissions?: string[];
      host_permissions?: string[];
      optional_host_permissions?: string[];
      content_scripts?: { matches: string[]; js?: string[] }[];
      web_accessible_resources?: { resources: string[]; matches: string[] }[];
      content_security_policy?: { extension_pages?: string; sandbox?: string };
    };

    it('is MV3 and has only reviewed keys (no externally_connectable, no key in production)', () => {
      const m = read();
      expect(m.manifest_version).toBe(3);
      expect(Object.keys(m).filter((k) => !(k in KEYS))).toEqual([]);
      expect(m).not.toHaveProperty('externally_connectable');
      expect(m).not.toHaveProperty('key');
    });

    it('asks only for reviewed permissions', () => {
      const m = read();
      expect((m.permissions ?? []).filter((p) => !(p in PERMISSIONS))).toEqual([]);
      expect([...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].filter((p) => !(p in OPTIONAL_PERMISSIONS))).toEqual([]);
      expect((m.host_permissions ?? []).filter((p) => !(p in HOST_PERMISSIONS))).toEqual([]);
      // Never broad access.
      const all = [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_permissions ?? [])];
      for (const broad of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*', 'tabs', 'webRequest', 'cookies', 'history', 'debugger', 'nativeMessaging', 'management'])
        if (!(broad in PERMISSIONS)) expect(all).not.toContain(broad);
    });

    it('runs content scripts only on the reviewed profile pages', () => {
      const m = read();
      const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.filter((p) => !(p in CONTENT_SCRIPT_MATCHES))).toEqual([]);
      for (const p of matches) expect(p).toMatch(/^https:\/\//); // never plain http
    });

    it('exposes only reviewed resources, to the reviewed sites only', () => {
      const m = read();
      const siteOrigins = new Set(Object.keys(CONTENT_SCRIPT_MATCHES).map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')));
      for (const w of m.web_accessible_resources ?? []) {
        expect(w.resources.filter((r) => !(r in WEB_ACCESSIBLE))).toEqual([]);
        expect(w.matches.filter((p) => !siteOrigins.has(p))).toEqual([]);
      }
    });

    it('keeps a content security policy no weaker than script-src \'self\' \'wasm-unsafe-eval\'', () => {
      const csp = read().content_security_policy;
      if (!csp) return; // the MV3 default applies
      for (const policy of [csp.extension_pages, csp.sandbox].filter((x): x is string => !!x)) {
        const scriptSrc = policy.match(/script-src ([^;]*)/)?.[1]?.trim().split(/\s+/) ?? [];
        expect(scriptSrc.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'")).toEqual([]);
        expect(policy).not.toMatch(/'unsafe-eval'|unsafe-inline|https?:|\*/);
      }
    });

    it('ships no remote code and no eval', () => {
      const files = jsFiles(join(REPO_ROOT, b.dir));
      expect(files.length).toBeGreaterThan(1);
      const problems: string[] = [];
      for (const f of files) {
        let code = readFileSync(f, 'utf8');
        for (const [snippet] of REVIEWED_EVAL) code = code.split(snippet).join('');
        const rel = f.slice(REPO_ROOT.length + 1);
        const checks: [RegExp, string][] = [
          [/(?<![\w$.])eval\s*\(/, 'eval('],
          [/\bnew\s+Function\s*\(/, 'new Function('],
          [/(?<![\w$.])Function\s*\(\s*[`'"]/, 'Function("…")'],
          [/(?<![\w$.])set(?:Timeout|Interval)\s*\(\s*[`'"]/, 'setTimeout with a string'],
          [/importScripts\s*\(\s*[`'"]https?:/, 'importScripts of a remote URL'],
          [/<script[^>]+src\s*=\s*\\?["'`]?https?:/i, 'remote <script src>'],
          [/import\s*\(\s*[`'"]https?:/, 'import() of a remote URL'],
        ];
        for (const [re, what] of checks) {
          const m = code.match(re);
          if (m) problems.push(`${rel}: ${what} at …${code.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 60)}…`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('the content script has no listener for messages a page can send', () => {
      const m = read();
      for (const js of (m.content_scripts ?? []).flatMap((c) => c.js ?? [])) {
        const code = readFileSync(join(REPO_ROOT, b.dir, js), 'utf8');
        expect(code).not.toMatch(/(?:window|self|globalThis)\.addEventListener\(\s*[`'"]message[`'"]/);
        expect(code).not.toMatch(/addEventListener\(\s*[`'"]message[`'"]/);
        expect(code).not.toMatch(/(?:window|self|globalThis)\.onmessage\s*=/);
      }
    });
  });
}

it('the reviewed lists give a reason for every entry', () => {
  for (const list of [PERMISSIONS, OPTIONAL_PERMISSIONS, HOST_PERMISSIONS, CONTENT_SCRIPT_MATCHES, WEB_ACCESSIBLE])
    for (const [k, why] of Object.entries(list)) expect(why.length, k).toBeGreaterThan(10);
  for (const [k, why] of REVIEWED_EVAL) expect(why.length, k).toBeGreaterThan(10);
});
