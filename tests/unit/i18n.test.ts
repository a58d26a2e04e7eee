import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, LEVELS, SEVERITIES } from '@/lib/report/schema';
import { REPO_ROOT } from './helpers';
import { catalogue } from './ui-helpers';

const en = catalogue('en');
const ja = catalogue('ja');
const placeholders = (s: string) => [...s.matchAll(/\$([1-9])/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?|html)$/.test(f) ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('English and Japanese have the same keys, each with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(placeholders(ja[k]!.message), k).toEqual(placeholders(en[k]!.message));
  });

  it('no message is empty and keys are valid i18n names', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(ja)]) {
      expect(k).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(v.message.trim().length, k).toBeGreaterThan(0);
    }
  });

  it('every key the UI asks for exists (literal keys and the level, severity and category families)', () => {
    const files = ['components', 'entrypoints', 'lib'].flatMap((d) => sources(resolve(REPO_ROOT, d)));
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    for (const l of LEVELS) used.add(`level_${l}`).add(`toolbar_${l}`);
    for (const s of SEVERITIES) used.add(`sev_${s}`);
    for (const c of CATEGORIES) used.add(`cat_${c}`);
    expect(used.size).toBeGreaterThan(60);
    const missing = [...used].filter((k) => !en[k]);
    expect(missing).toEqual([]);
  });

  it('the manifest is localised with English as the default locale', () => {
    const cfg = readFileSync(resolve(REPO_ROOT, 'wxt.config.ts'), 'utf8');
    expect(cfg).toContain("default_locale: 'en'");
    expect(cfg).toContain("name: '__MSG_extName__'");
  });
});

describe('finding texts from the catalogue', () => {
  it('a converted rule renders in Japanese with the evidence filled in, and falls back to English without a catalogue', async () => {
    const { vi } = await import('vitest');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { analyze } = await import('@/lib/engine');
    const { findingText } = await import('@/lib/ui/finding-text');
    const { extractFixture, NOW } = await import('./helpers');
    const { installCatalogue } = await import('./ui-helpers');
    fakeBrowser.reset();
    const report = analyze(extractFixture('full-flagged'), { now: NOW });
    const photo = report.findings.find((f) => f.ruleId === 'photo-missing')!;
    expect(photo.msg?.params[0]).toMatch(/default-avatar/);
    // English catalogue: same text as the rule wrote.
    installCatalogue('en');
    for (const part of ['title', 'explanation', 'nextStep'] as const) expect(findingText(photo, part)).toBe(photo[part]);
    vi.restoreAllMocks();
    installCatalogue('ja');
    expect(findingText(photo, 'title')).toBe('写真ではなく既定のアバター');
    expect(findingText(photo, 'explanation')).toContain(photo.msg!.params[0]!);
    vi.restoreAllMocks();
    vi.spyOn((await import('wxt/browser')).browser.i18n, 'getMessage').mockReturnValue('');
    expect(findingText(photo, 'title')).toBe(photo.title);
    vi.restoreAllMocks();
  });
});

describe('every finding with message keys renders completely in both languages', () => {
  it('keys exist, placeholders are filled, and the English catalogue text matches the rule text', async () => {
    const { vi } = await import('vitest');
    const { analyze } = await import('@/lib/engine');
    const { findingText } = await import('@/lib/ui/finding-text');
    const { edu, emp, makeProfile, NOW, extractFixture } = await import('./helpers');
    const { installCatalogue } = await import('./ui-helpers');
    const profiles = [
      makeProfile({
        headline: 'US-based senior engineer',
        location: { raw: 'Toronto, Canada', city: 'Toronto', country: 'CA' },
        photo: null,
        education: [edu('Foo Polytechnic of Nowhere', { start: '2015', end: '2012' }), edu('University of Waterloo', { start: '2000', end: '2012' })],
        employment: [emp('Freelance', null, { start: '1996' }), emp('Self-employed', null)],
      }),
      extractFixture('full-flagged'),
    ];
    const findings = profiles.flatMap((p) => analyze(p, { now: NOW }).findings).filter((f) => f.msg);
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of ['photo-missing', 'emp-vague', 'edu-implausible', 'loc-claim']) expect(ids, id).toContain(id);
    for (const lang of ['en', 'ja'] as const) {
      vi.restoreAllMocks();
      installCatalogue(lang);
      for (const f of findings) {
        for (const part of ['title', 'explanation', 'nextStep'] as const) {
          const key = f.msg![part]!;
          expect(catalogue(lang)[key], key).toBeDefined();
          const text = findingText(f, part);
          expect(text, key).not.toMatch(/\$[1-9]/);
          for (const n of placeholders(catalogue(lang)[key]!.message)) expect(text, key).toContain(f.msg!.params[Number(n) - 1]!);
          // The English catalogue says what the rule says (the one rewording: the list of early jobs).
          if (lang === 'en' && key !== 'f_eduEarlyWork_expl') expect(text, key).toBe(f[part]);
        }
      }
    }
    vi.restoreAllMocks();
  });
});

describe('rule titles', () => {
  // Rules added later without a translation fall back to their English title (tOr), so only listed ones are checked.
  it('rule titles in the catalogue belong to rules, in English as the rule says, and in Japanese', async () => {
    const { RULES } = await import('@/lib/rules');
    const { ruleTitleKey } = await import('@/lib/i18n');
    const byKey = new Map(RULES.map((r) => [ruleTitleKey(r.meta.id), r.meta]));
    const keys = Object.keys(en).filter((k) => k.startsWith('rule_'));
    expect(keys.length).toBeGreaterThanOrEqual(17);
    for (const k of keys) {
      expect(byKey.get(k)?.title, k).toBe(en[k]!.message);
      expect(ja[k]?.message.length, k).toBeGreaterThan(0);
    }
  });
});
