import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { encodeParam, fillTemplate, NEST, renderMsg, renderParam } from '@/lib/msg-render';
import { type Finding } from '@/lib/report/schema';
import { RULES } from '@/lib/rules';
import { paramText, placesP, whereP } from '@/lib/rules/msg';
import { places, where } from '@/lib/rules/text';
import { browserLookup, findingText } from '@/lib/ui/finding-text';
import { corpusFindings as runCorpus, type CorpusFinding } from './finding-corpus';
import { CATEGORIES, LEVELS, SEVERITIES } from '@/lib/report/schema';
import { REPO_ROOT } from './helpers';
import { CHECKLIST_ITEMS, PASTE_KINDS } from '@/lib/notes/schema';
import { SORT_KEYS } from '@/entrypoints/profiles/filter';
import { catalogue, installCatalogue } from './ui-helpers';

const en = catalogue('en');
const ja = catalogue('ja');
let corpus: CorpusFinding[] | null = null;
/** The corpus findings, computed once for the file (every rule on every case). */
const corpusFindings = () => (corpus ??= runCorpus());
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

  it('no message has a $name$ sequence, which Chrome reads as an undefined named placeholder and then refuses to load the extension', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(ja)]) expect(v.message.replace(/\$\$/g, ''), k).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
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
    // Counted messages: tn('key', n) reads key_one and key_many.
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\btn\('([A-Za-z0-9_]+)'/g)) used.add(`${m[1]}_one`).add(`${m[1]}_many`);
    // The history's messages (lib/history/status-msg.ts).
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bstatusMsg\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bcountedStatusMsg\('([A-Za-z0-9_]+)'/g)) used.add(`${m[1]}_one`).add(`${m[1]}_many`);
    for (const i of CHECKLIST_ITEMS) used.add(`chk_${i}`).add(`chk_${i}_help`).add(`chk_${i}_long`);
    for (const a of ['concern', 'no-concern', 'unknown'] as const) used.add(`ans_${a.replace(/-/g, '_')}`);
    for (const k of PASTE_KINDS) used.add(`paste_${k}`);
    for (const c of SORT_KEYS) used.add(`hist_col_${c}`);
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
  /** Catalogue keys a finding uses: its three keys and those of its nested params. */
  function keysOf(f: Pick<Finding, 'msg'>): string[] {
    const out = [f.msg!.title!, f.msg!.explanation!, f.msg!.nextStep!];
    const walk = (t: unknown) => {
      if (!t || typeof t !== 'object') return;
      const o = t as { k?: string; j?: string; p: unknown[] };
      out.push((o.k ?? o.j)!);
      o.p.forEach(walk);
    };
    for (const p of f.msg!.params) if (p.startsWith(NEST)) walk(JSON.parse(p.slice(1)));
    return out;
  }

  it('every rule fires on the corpus, always with message keys (a finding without msg fails here)', { timeout: 60_000 }, () => {
    const found = corpusFindings();
    const fired = new Set(found.map((f) => f.ruleId));
    expect(RULES.map((r) => r.meta.id).filter((id) => !fired.has(id))).toEqual([]);
    const withoutMsg = found.filter((f) => !f.draft.msg?.title || !f.draft.msg.explanation || !f.draft.msg.nextStep).map((f) => `${f.ruleId}: ${f.draft.title}`);
    expect(withoutMsg).toEqual([]);
  });

  it('every finding-text key of the catalogue is used by some finding of the corpus (each variant fires)', () => {
    const used = new Set(corpusFindings().flatMap((f) => keysOf(f.draft)));
    // The place words (w_) are all checked against where() in the nested-params tests below.
    const unused = Object.keys(en).filter((k) => /^(f|l|n|h)_|^w_pastes?$/.test(k) && !used.has(k));
    expect(unused.join(' ')).toBe('');
  });

  it('keys exist, placeholders are filled with the params in that language, and the English catalogue text is the rule text', { timeout: 60_000 }, () => {
    const found = corpusFindings();
    expect(found.length).toBeGreaterThan(60);
    for (const lang of ['en', 'ja'] as const) {
      vi.restoreAllMocks();
      installCatalogue(lang);
      for (const { ruleId, draft } of found) {
        const f = { ...draft, msg: draft.msg! } as Finding & { msg: NonNullable<Finding['msg']> };
        for (const k of keysOf(f)) expect(catalogue(lang)[k], `${ruleId} ${k}`).toBeDefined();
        for (const part of ['title', 'explanation', 'nextStep'] as const) {
          const key = f.msg[part]!;
          const text = findingText(f, part);
          const filled = f.msg.params.map((p) => renderParam(browserLookup, p));
          for (const n of placeholders(catalogue(lang)[key]!.message)) expect(text, key).toContain(filled[Number(n) - 1]!);
          // No placeholder left unfilled and no encoded param shown raw (page text may contain "$5" itself).
          const rest = filled.reduce((r, p) => (p ? r.split(p).join('') : r), text);
          expect(rest, key).not.toMatch(/\$[1-9]|\b[fwlnh]_[A-Za-z]+_?\w*\b/);
          expect(text, key).not.toContain(NEST);
          if (lang === 'en') expect(text, key).toBe(f[part]);
          if (lang === 'ja') expect(text, key).not.toBe(f[part]);
        }
      }
    }
    vi.restoreAllMocks();
  });

  it('Japanese finding texts keep the wording rules: no verdict, no advice to reject', () => {
    for (const k of Object.keys(ja).filter((x) => x.startsWith('f_'))) expect(ja[k]!.message, k).not.toMatch(/北朝鮮人|北朝鮮の人|不採用|拒否してください|採用しないで|詐欺師/);
  });
});

describe('"why this level" from the catalogue', () => {
  it('each reason of the score renders in English as the report says it and in Japanese with the finding title translated', { timeout: 60_000 }, async () => {
    const { analyze } = await import('@/lib/engine');
    const { score } = await import('@/lib/engine/score');
    const { levelReasonText } = await import('@/lib/ui/level-reason');
    const { corpusCases } = await import('./finding-corpus');
    const all = corpusCases().flatMap((k) => analyze(k.profile, k.ctx).findings);
    const one = (id: string, title?: RegExp) => all.find((f) => f.ruleId === id && (!title || title.test(f.title)))!;
    const sets: Record<string, Finding[]> = {
      reason_none: [],
      reason_strongOneCat: [one('camera')],
      reason_strong: [one('camera'), one('photo-missing')],
      reason_manyCats: [one('loc-claim'), one('acct-new-rated'), one('cheating')],
      reason_medium: [one('loc-claim')],
      reason_weakCats: [one('photo-missing'), one('emp-vague'), one('edu-asia-emp-west')],
      reason_weakOne: [one('photo-missing')],
      reason_weakManyOneCat: [one('edu-implausible', /ends before/), one('edu-implausible', /spans/)],
      reason_weakMany: [one('photo-missing'), one('emp-vague')],
    };
    for (const [key, findings] of Object.entries(sets)) {
      for (const f of findings) expect(f, key).toBeDefined();
      const s = score(findings);
      expect(s.reasonMsg.key).toBe(key);
      const report = { findings, levelReason: s.reason };
      vi.restoreAllMocks();
      installCatalogue('en');
      expect(levelReasonText(report), key).toBe(s.reason);
      vi.restoreAllMocks();
      installCatalogue('ja');
      const jaText = levelReasonText(report);
      expect(jaText, key).toBe(jaText.trim());
      expect(jaText, key).not.toBe(s.reason);
      const titled = key === 'reason_medium' || key.startsWith('reason_strong') ? findings[0]! : null;
      if (titled) expect(jaText, key).toContain(findingText(titled, 'title'));
      if (titled) expect(findingText(titled, 'title')).not.toBe(titled.title);
      // A report scored otherwise keeps its own sentence.
      expect(levelReasonText({ findings, levelReason: 'Scored by an older version.' })).toBe('Scored by an older version.');
    }
    vi.restoreAllMocks();
  });
});

describe('nested catalogue params (lib/msg-render.ts)', () => {
  const cat: Record<string, string> = { a: 'A($1|$2)', b: 'b:$1', sep: '$1+$2', cost: '$$5 for $1' };
  const lookup = (k: string, subs: string[]) => (k in cat ? fillTemplate(cat[k]!, subs) : null);

  it('renders nested messages, joins, capitals and $$, and shows a missing nested key as itself', () => {
    const params = [encodeParam({ key: 'b', params: ['x'], cap: true }), encodeParam({ join: 'sep', items: ['1', { key: 'b', params: ['2'] }, '3'] })];
    expect(renderMsg(lookup, 'a', params)).toBe('A(B:x|1+b:2+3)');
    expect(renderMsg(lookup, 'cost', ['it'])).toBe('$5 for it');
    expect(renderMsg(lookup, 'a', [encodeParam({ key: 'nope', params: [] }), 'y'])).toBe('A(nope|y)');
    expect(renderMsg(lookup, 'missing', [])).toBeNull();
  });

  it('page text can never pose as a nested message, and broken encodings render as they are', () => {
    const hostile = `${NEST}{"k":"b","p":["pwned"]}`;
    expect(renderMsg(lookup, 'b', [encodeParam(hostile)])).toBe('b:{"k":"b","p":["pwned"]}');
    expect(renderMsg(lookup, 'b', [`${NEST}{not json`])).toBe(`b:${NEST}{not json`);
    expect(renderMsg(lookup, 'b', [`${NEST}{"k":1,"p":[]}`])).toBe(`b:${NEST}{"k":1,"p":[]}`);
  });

  it('the translated place words say in English what lib/rules/text.ts where() and places() say', () => {
    const fields = ['overview', 'headline', 'reviews[2].text', 'paymentMentions[0]', 'employment[0].company', 'education[1].school', 'notes.pasted[1]', 'notes.checklist.camera', 'notes.shippingAddress', 'notes.previousAddresses[0]', 'notes.other', 'links[0].url', '%%'];
    for (const f of fields) expect(paramText(whereP(f)), f).toBe(where(f));
    const placeKeys = new Set(fields.map((f) => whereP(f)).flatMap((w) => (typeof w === 'object' && 'key' in w ? [w.key] : [])));
    expect(Object.keys(en).filter((k) => k.startsWith('w_') && !/^w_pastes?$/.test(k) && !placeKeys.has(k))).toEqual([]);
    const ev = fields.slice(0, 4).map((field) => ({ field, excerpt: 'x' }));
    expect(paramText(placesP(ev))).toBe(places(ev));
    expect(paramText(placesP(ev.slice(0, 1)))).toBe(places(ev.slice(0, 1)));
  });
});

describe('rule titles', () => {
  // Rules added later without a translation fall back to their English title (tOr), so only listed ones are checked.
  it('rule titles in the catalogue belong to rules, in English as the rule says, and in Japanese', async () => {
    const { RULES } = await import('@/lib/rules');
    const { ruleTitleKey } = await import('@/lib/i18n');
    const byKey = new Map(RULES.map((r) => [ruleTitleKey(r.meta.id), r.meta]));
    const keys = Object.keys(en).filter((k) => k.startsWith('rule_') && !k.endsWith('_desc'));
    expect(keys.length).toBeGreaterThanOrEqual(17);
    for (const r of RULES) expect(en[ruleTitleKey(r.meta.id)], r.meta.id).toBeDefined();
    for (const k of keys) {
      expect(byKey.get(k)?.title, k).toBe(en[k]!.message);
      expect(ja[k]?.message.length, k).toBeGreaterThan(0);
    }
  });
});

describe('rule descriptions', () => {
  it('every rule has its description in the catalogue: in English as meta.description says it, and in Japanese', async () => {
    const { RULES } = await import('@/lib/rules');
    const { ruleDescKey } = await import('@/lib/i18n');
    for (const { meta } of RULES) {
      const k = ruleDescKey(meta.id);
      expect(en[k], k).toBeDefined();
      expect(fillTemplate(en[k]!.message, []), k).toBe(meta.description);
      expect(ja[k]!.message, k).not.toBe(en[k]!.message);
      if (meta.description.includes('$')) expect(fillTemplate(ja[k]!.message, []), k).toMatch(/\$\d/);
    }
    const descKeys = Object.keys(en).filter((k) => k.endsWith('_desc'));
    expect(descKeys.length).toBe(RULES.length);
  });
});
