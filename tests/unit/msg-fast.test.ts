/**
 * lib/rules/msg.ts renders a finding's texts the fast way (templates split once, each parameter rendered once from
 * itself instead of decoding its encoded JSON three times). Checked here against the reference path of
 * lib/msg-render.ts (`renderMsg` over the encoded params, templates filled by `fillTemplate`) on generated params:
 * plain strings (with `$`, NEST and case), numbers, nested messages, joins, capitalised and already-encoded params,
 * over every English catalogue key.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import en from '../../public/_locales/en/messages.json';
import { encodeParam, encodeParamReference, fillTemplate, NEST, renderMsg, type MsgParam } from '../../lib/msg-render';
import { enLookup, texts } from '../../lib/rules/msg';

const EN = en as Record<string, { message: string }>;
const KEYS = Object.keys(EN);
const refLookup = (key: string, subs: string[]): string | null => (EN[key] ? fillTemplate(EN[key].message, subs) : null);

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('$1', '$$', `${NEST}x`, `${NEST}{"k":"w_overview","p":[]}`, 'über', ''),
  fc.integer({ min: -5, max: 99 }),
);
const key = fc.oneof(fc.constantFrom(...KEYS), fc.constant('no_such_key'));
const param: fc.Arbitrary<MsgParam> = fc.letrec<{ p: MsgParam }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ key, params: fc.array(tie('p'), { maxLength: 3 }), cap: fc.boolean() }),
    fc.record({ join: fc.constantFrom('l_comma', 'l_and', 'missing_sep'), items: fc.array(tie('p'), { maxLength: 3 }), cap: fc.boolean() }),
    fc.record({ key, encoded: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }) }),
  ),
})).p;

describe('fast catalogue texts', () => {
  it('enLookup fills every English template as fillTemplate does', () => {
    const subs = ['A$1', '$$', 'c', '', 'e', 'f', 'g', 'h', 'i'];
    for (const k of KEYS) expect(enLookup(k, subs), k).toBe(refLookup(k, subs));
    expect(enLookup(KEYS[0]!, [])).toBe(refLookup(KEYS[0]!, []));
    expect(enLookup('no_such_key', [])).toBeNull();
  });

  it('texts() equals renderMsg over the encoded params (generated params)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS.filter((k) => k.endsWith('_title')).map((k) => k.slice(0, -6))), fc.array(param, { maxLength: 5 }), (base, params) => {
        const t = texts(base, params);
        for (const part of ['title', 'explanation', 'nextStep'] as const) {
          const k = t.msg![part]!;
          expect(t[part]).toBe(renderMsg(refLookup, k, t.msg!.params) ?? k);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('encodeParam writes the JSON of the parameter tree as JSON.stringify does (generated params)', () => {
    let nested = 0;
    fc.assert(
      fc.property(param, (p) => {
        if (typeof p === 'object') nested++;
        expect(encodeParam(p)).toBe(encodeParamReference(p));
      }),
      { numRuns: 2000 },
    );
    expect(nested).toBeGreaterThan(100);
    // Shapes the types do not allow, as stored data might hold them: the reference path decides.
    const outcome = (f: () => string) => {
      try {
        return f();
      } catch (e) {
        return `throws ${(e as Error).constructor.name}`;
      }
    };
    for (const odd of [{ key: 1, params: [] }, { join: undefined, items: ['a'] }, { key: 'k', params: 'x' }, { join: 'l_and', items: null }] as unknown as MsgParam[])
      expect(outcome(() => encodeParam(odd))).toBe(outcome(() => encodeParamReference(odd)));
  });

  it('a tree deeper than msg-render.ts accepts renders as the reference does', () => {
    let deep: MsgParam = 'x';
    for (let i = 0; i < 16; i++) deep = { key: 'l_and', params: [deep, 'y'] };
    const t = texts('f_empFront', [deep, 'b']);
    expect(t.explanation).toBe(renderMsg(refLookup, 'f_empFront_expl', t.msg!.params));
    expect(t.explanation).toContain(NEST);
  });
});
