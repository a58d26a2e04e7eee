/**
 * Generators for the extractor fuzz tests (tests/unit/fuzz.test.ts, a few hundred cases in `npm test`) and the fuzz
 * run of `npm run fuzz` / `npm run bench` (10,000 cases): fixture pages of every site, mutated the ways real pages
 * break (nodes removed, duplicated, shuffled; random attributes and text, including the attributes and class names
 * the extractors look for; random unicode; deep nesting; truncated HTML; broken or type-confused JSON-LD and
 * embedded state), each read by the page's site extractor and by a randomly chosen other extractor (the generic one
 * among them). The property: extraction never throws and always returns a Profile that passes `Profile.parse`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { EXTRACTORS, siteExtractorFor } from '../../lib/extractors';
import { Profile } from '../../lib/profile/schema';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface Page {
  file: string;
  url: string;
  html: string;
}

/** Every platform fixture (the hostile ones are 100s of KB each and have their own tests). */
export function fuzzBasePages(): Page[] {
  const out: Page[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'hostile') continue;
    for (const f of readdirSync(join(FIXTURES, dir.name)).filter((x) => x.endsWith('.html')).sort()) {
      const html = readFileSync(join(FIXTURES, dir.name, f), 'utf8');
      const url = html.slice(0, 3000).match(/URL:\s*(https?:\/\/\S+)/)?.[1];
      if (url) out.push({ file: `${dir.name}/${f}`, url, html });
    }
  }
  return out;
}

/** Attribute names and values the extractors read, so that mutations hit the code paths that matter. */
const ATTR_NAMES = ['data-test', 'data-testid', 'itemprop', 'class', 'aria-hidden', 'hidden', 'href', 'src', 'alt', 'role', 'aria-level', 'data-bio-text', 'id', 'type', 'content', 'property', 'datetime', 'data-hours-ahead', 'aria-label'];
const ATTR_VALUES = [
  'name', 'freelancer-profile', 'education', 'employment-history', 'location', 'local-time', 'languages', 'skills', 'title', 'description', 'rate',
  'job-success-score', 'linked-accounts', 'verifications', 'worksFor', 'homeLocation', 'url', 'social', 'image', 'true', 'heading', '0', '7', '-1',
  'air3-card-section', 'assignments-item', 'air3-rating-value-text', 'skill-name', 'p-name vcard-fullname', 'application/ld+json',
  'javascript:alert(1)', 'data:text/html,x', '//evil.example', 'https://github.com/x', '~01f3a9c2b7d4e5a6b1', '',
];
const TEXTS = ['Education', 'Employment history', 'Experience', 'Languages', 'Present', '2019 - Present', 'Jan 2019 - Dec 2018', '$80K+', '4.9', '100% Job Success',
  '3:12 am local time', 'Korean: Native', 'USDT', 'Total earnings', 'Member since March 2024', 'Pyongyang, North Korea', '9999', '-1', 'NaN', '∞'];

type Json = unknown;
export type Mutation =
  | { kind: 'remove'; pick: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'shuffle'; pick: number; seed: number }
  | { kind: 'attr'; pick: number; name: string; value: string }
  | { kind: 'text'; pick: number; text: string }
  | { kind: 'nest'; pick: number; depth: number }
  | { kind: 'json'; pick: number; json: Json | string };

export interface Case {
  page: number;
  /** Cut the HTML at this fraction of its length before parsing (null: whole page). */
  truncate: number | null;
  mutations: Mutation[];
  /** Index into EXTRACTORS of the second extractor run on the page. */
  other: number;
}

const pick = fc.nat();
const text = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 30 }).map((s) => `${s}\u202E\u200B${s}`));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({ kind: fc.constant('duplicate' as const), pick }),
  fc.record({ kind: fc.constant('shuffle' as const), pick, seed: fc.nat() }),
  fc.record({ kind: fc.constant('attr' as const), pick, name: fc.constantFrom(...ATTR_NAMES), value: fc.oneof(fc.constantFrom(...ATTR_VALUES), fc.string({ maxLength: 30 })) }),
  fc.record({ kind: fc.constant('text' as const), pick, text }),
  // Mostly shallow wrappers; sometimes a deep tower (browsers' HTML parser caps depth at 512, DOM scripts do not).
  fc.record({ kind: fc.constant('nest' as const), pick, depth: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 40 }), weight: 6 }, { arbitrary: fc.integer({ min: 200, max: 1200 }), weight: 1 }) }),
  fc.record({
    kind: fc.constant('json' as const),
    pick,
    json: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 80 }), fc.constantFrom('{"@type":"Person","name":', '{"@type":"Person","name":{"x":1},"address":"x","image":42,"worksFor":[null,1,"a"],"alumniOf":{"member":7}}', '[[[[[[[[[[', 'null')),
  }),
);

export function caseArb(pages: number): fc.Arbitrary<Case> {
  return fc.record({
    page: fc.nat({ max: pages - 1 }),
    truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
    mutations: fc.array(mutation, { maxLength: 12 }),
    other: fc.nat({ max: EXTRACTORS.length - 1 }),
  });
}

/** Deterministic shuffle. */
function shuffle<T>(xs: T[], seed: number): T[] {
  let s = seed || 1;
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Build the mutated document for a case. */
export function buildDocument(base: Page, c: Case): Document {
  const html = c.truncate === null ? base.html : base.html.slice(0, Math.floor(base.html.length * c.truncate));
  const doc = parseHTML(html).document as unknown as Document;
  for (const m of c.mutations) {
    const els = Array.from(doc.querySelectorAll('*'));
    if (!els.length) break;
    const el = els[m.pick % els.length]!;
    switch (m.kind) {
      case 'remove':
        if (el !== doc.documentElement) el.remove();
        break;
      case 'duplicate':
        if (el.parentNode && el !== doc.documentElement) el.parentNode.insertBefore(el.cloneNode(true), el.nextSibling);
        break;
      case 'shuffle':
        el.replaceChildren(...shuffle(Array.from(el.childNodes), m.seed));
        break;
      case 'attr':
        el.setAttribute(m.name, m.value);
        break;
      case 'text':
        el.appendChild(doc.createTextNode(m.text));
        break;
      case 'nest': {
        if (!el.parentNode || el === doc.documentElement) break;
        let outer: HTMLElement = doc.createElement('div');
        const top = outer;
        for (let i = 1; i < m.depth; i++) {
          const d = doc.createElement(i % 7 === 0 ? 'section' : 'div');
          outer.appendChild(d);
          outer = d;
        }
        el.parentNode.replaceChild(top, el);
        outer.appendChild(el);
        break;
      }
      case 'json': {
        const scripts = Array.from(doc.querySelectorAll('script'));
        const target = scripts.length ? scripts[m.pick % scripts.length]! : doc.createElement('script');
        if (!scripts.length) {
          target.setAttribute('type', 'application/ld+json');
          (doc.head ?? doc.documentElement).appendChild(target);
        }
        target.textContent = typeof m.json === 'string' ? m.json : JSON.stringify(m.json);
        break;
      }
    }
  }
  return doc;
}

/** Run a case: the page's site extractor and one other; returns a problem description, or null when all is well. */
export function runCase(pages: Page[], c: Case): string | null {
  const base = pages[c.page]!;
  const doc = buildDocument(base, c);
  const site = siteExtractorFor(base.url);
  for (const ex of [site, EXTRACTORS[c.other]!]) {
    if (!ex) continue;
    let p: unknown;
    try {
      p = ex.extract(doc, { url: base.url, now: new Date('2025-03-01T12:00:00.000Z') });
    } catch (e) {
      return `${ex.id} threw on ${base.file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    const parsed = Profile.safeParse(p);
    if (!parsed.success) return `${ex.id} returned an invalid Profile on ${base.file}: ${parsed.error.message}`;
  }
  return null;
}
