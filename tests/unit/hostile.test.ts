/**
 * The hostile fixtures (tests/fixtures/hostile/, made by generate.ts there) through the command-line check: every page
 * gives a schema-valid Profile whose text is clean (no bidi overrides, zero-width or control characters, capped
 * lengths, only http(s) links), the seeded red flags are still read through the zero-width disguise, and the text and
 * JSON outputs carry the hostile markup only as inert text. The same report rendered by the badge component creates
 * no element or attribute from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Badge } from '../../components/Badge';
import { checkHtml, main } from '../../lib/cli/check';
import { Profile } from '../../lib/profile/schema';
import { BIDI_CONTROLS, FIELD_CAPS, INVISIBLES, LIST_CAP } from '../../lib/text/sanitize';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
const NOW = new Date('2025-03-01T12:00:00.000Z');

const hostile = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => {
    const html = readFileSync(resolve(DIR, file), 'utf8');
    const url = html.slice(0, 2000).match(/URL:\s*(https:\/\/\S+)/)![1]!;
    return { file, html, url, generic: file.startsWith('generic') };
  });

/** Every string inside a value, with its key. */
function strings(v: unknown, key = ''): [string, string][] {
  if (typeof v === 'string') return [[key, v]];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, key));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, k));
  return [];
}
const lists = (v: unknown): unknown[][] =>
  Array.isArray(v) ? [v, ...v.flatMap(lists)] : v && typeof v === 'object' ? Object.values(v).flatMap(lists) : [];

const BAD_CHARS = new RegExp(`${BIDI_CONTROLS.source}|${INVISIBLES.source}|[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]`);

describe('hostile fixture pages', () => {
  it('there are at least four, each shaped like a site page with its URL and sources', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(4);
    for (const h of hostile) {
      expect(h.html.slice(0, 2000)).toMatch(/Structure: /);
      // The payloads are in the page: script tags, onerror, javascript: links, RLO, zero-width, 100 KB strings.
      expect(h.html).toContain('&lt;script&gt;window.__pwned=1');
      expect(h.html).toMatch(/javascript:window.__pwned=1/);
      expect(h.html).toContain('\u202E');
      expect(h.html).toContain('\u200B');
      expect(h.html).toMatch(/A{50000}/);
    }
  });

  for (const h of hostile) {
    describe(h.file, () => {
      const { profile } = checkHtml(h.html, h.url, { generic: h.generic, now: NOW });

      it('gives a schema-valid profile', () => {
        expect(Profile.safeParse(profile).success).toBe(true);
        expect(profile.name).toMatch(/^Mallory/);
      });

      it('no bidi override, zero-width or control character survives in the profile', () => {
        for (const [k, s] of strings({ ...profile, rawText: profile.rawText.replace(/\n/g, ' ') })) expect(BAD_CHARS.test(s), `${k}: ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
      });

      it('strings and lists are capped', () => {
        for (const [k, s] of strings(profile)) {
          const cap = k === 'rawText' ? 20_000 : ['overview', 'description', 'raw', 'text'].includes(k) ? FIELD_CAPS.long : k === 'url' ? FIELD_CAPS.url : k === 'excerpt' ? FIELD_CAPS.long : FIELD_CAPS.short;
          expect(s.length, k).toBeLessThanOrEqual(cap);
        }
        for (const l of lists(profile)) expect(l.length).toBeLessThanOrEqual(LIST_CAP);
      });

      it('keeps only http(s) links and no javascript:/data: photo', () => {
        for (const l of profile.links) expect(l.url).toMatch(/^https?:\/\//);
        expect(profile.links.some((l) => /^\s*(javascript|data|vbscript):/i.test(l.url))).toBe(false);
        if (profile.photo) expect(profile.photo.url).toMatch(/^https?:\/\//);
      });

      it('the markup is kept as text (what the person wrote), not dropped and not decoded', () => {
        expect(`${profile.name} ${profile.headline}`).toContain('<script>window.__pwned=1</script>');
      });

      it('the text and JSON outputs of `npm run check` hold no escape sequence or invisible character', () => {
        for (const format of ['text', 'json']) {
          const out: string[] = [];
          const err: string[] = [];
          const args = [`${DIR}/${h.file}`, '--url', h.url, '--format', format, ...(h.generic ? ['--generic'] : [])];
          // main() reads the file itself; the clock-dependent rule is off for saved pages either way.
          expect(main(args, (s) => out.push(s), (s) => err.push(s)), err.join('\n')).toBe(0);
          const text = out.join('\n');
          expect(BAD_CHARS.test(text.replace(/\n/g, ' '))).toBe(false);
          expect(text).not.toContain('\u001b');
          if (format === 'json') {
            const parsed = JSON.parse(text) as { profile: unknown };
            expect(Profile.safeParse(parsed.profile).success).toBe(true);
          }
        }
      });
    });
  }

  it('the seeded flags are read through the zero-width disguise (front company, implausible school)', () => {
    for (const name of ['upwork-hostile.html', 'linkedin-hostile.html']) {
      const h = hostile.find((x) => x.file === name)!;
      const { profile, report } = checkHtml(h.html, h.url, { now: NOW });
      expect(profile.employment.map((e) => e.company)).toContain('HopanaTech');
      expect(report.findings.map((f) => f.ruleId)).toContain('emp-front');
    }
  });

  it('the badge renders a hostile report without creating any element or handler from it', async () => {
    const h = hostile.find((x) => x.file === 'upwork-hostile.html')!;
    const { report } = checkHtml(h.html, h.url, { now: NOW });
    const evidence = report.findings.flatMap((f) => f.evidence.map((e) => e.excerpt)).join(' ');
    expect(evidence).toMatch(/<script>|onerror/); // the report does quote hostile text
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    await act(async () => root.render(createElement(Badge, { report })));
    // Open every collapsible part.
    for (let i = 0; i < 3; i++)
      for (const b of Array.from(host.querySelectorAll('button[aria-expanded="false"]'))) await act(async () => (b as HTMLButtonElement).click());
    expect(host.textContent).toContain('<script>window.__pwned=1</script>');
    expect(host.querySelectorAll('script, img, svg, iframe, style, object, embed').length).toBe(0);
    for (const el of Array.from(host.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) expect(a.name, el.outerHTML.slice(0, 80)).not.toMatch(/^on/i);
      if (el.tagName === 'A' && el.getAttribute('href') !== null) expect(el.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    await act(async () => root.unmount());
    host.remove();
  });
});
