/**
 * Finding texts from the message catalogue. A rule builds its params once; the English texts it returns are the
 * English catalogue filled with them, so the code and the catalogue cannot drift, and the UI renders the same keys in
 * the user's language (lib/ui/finding-text.ts). Runs where the rules run (background, CLI, tests), not in the
 * content script.
 */
import en from '../../public/_locales/en/messages.json';
import { encodeParam, NEST, renderMsg, renderParam, type MsgParam, type Nested } from '../msg-render';

export type { MsgParam } from '../msg-render';
import { PLATFORM_LABELS } from '../history/describe';
import type { Identity } from '../history/schema';
import { clip } from './text';
import type { Evidence, Severity } from '../report/schema';
import type { FindingDraft } from './types';
import { boundedMemo } from '../memo';

const EN = en as Record<string, { message: string } | undefined>;

/**
 * Each English template split once into literal parts and parameter numbers (0-based; `$$` is a literal `$`): filling
 * is then a join, with the same result as msg-render.ts `fillTemplate` (`$1`…`$9`, a missing one empty).
 */
const compiled = new Map<string, (string | number)[] | null>();
function compile(key: string): (string | number)[] | null {
  let c = compiled.get(key);
  if (c !== undefined) return c;
  const m = EN[key]?.message;
  if (m === undefined) c = null;
  else {
    c = [];
    let last = 0;
    for (const x of m.matchAll(/\$([1-9$])/g)) {
      c.push(m.slice(last, x.index), x[1] === '$' ? '$' : Number(x[1]) - 1);
      last = x.index + 2;
    }
    c.push(m.slice(last));
  }
  compiled.set(key, c);
  return c;
}

export function enLookup(key: string, subs: readonly string[]): string | null {
  const c = compile(key);
  if (!c) return null;
  let out = '';
  for (const x of c) out += typeof x === 'number' ? (subs[x] ?? '') : x;
  return out;
}

/** The English catalogue text of `key` with `params` (nested ones rendered); the key itself when it is missing. */
export function msgText(key: string, params: readonly MsgParam[] = []): string {
  return renderMsg(enLookup, key, params.map(encodeParam)) ?? key;
}

/** A nested message as a parameter of another. */
export const nest = (key: string, ...params: MsgParam[]): Nested => ({ key, params });
/** The same, with the first letter upper-cased where the language has cases (a phrase that starts a sentence). */
export const nestCap = (key: string, ...params: MsgParam[]): Nested => ({ key, params, cap: true });
/** Nothing (an empty parameter), e.g. for an optional suffix. */
export const NONE = '';

/** The items joined pairwise with message `sep` ("$1, $2"; in Japanese "$1、$2"). */
export const joinP = (items: readonly MsgParam[], sep = 'l_comma'): MsgParam => (items.length === 1 ? items[0]! : { join: sep, items });

/** "a", "a and b", "a, b and c", translated ("a、b、c"). Plain strings are joined with ", " before the last. */
export function listOf(items: readonly MsgParam[]): MsgParam {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  return nest('l_and', head.every((x) => typeof x !== 'object') ? head.join(', ') : joinP(head), items[items.length - 1]!);
}

type Parts = { title: string; explanation: string; nextStep: string };
export type Texts = Pick<FindingDraft, 'title' | 'explanation' | 'nextStep' | 'msg'>;

/** The default keys of each base, built once: the same key strings each call (their hashes are kept with them). */
const defaultKeys = new Map<string, Parts>();
function keysOf(base: string, keys: Partial<Parts>): Parts {
  let d = defaultKeys.get(base);
  if (!d) defaultKeys.set(base, (d = { title: `${base}_title`, explanation: `${base}_expl`, nextStep: `${base}_next` }));
  return { title: keys.title ?? d.title, explanation: keys.explanation ?? d.explanation, nextStep: keys.nextStep ?? d.nextStep };
}

/**
 * Title, explanation and next step of a finding from the catalogue: keys `${base}_title`, `${base}_expl`,
 * `${base}_next` unless `keys` names others (variants: singular/plural, with/without a note).
 */
export function texts(base: string, params: readonly MsgParam[], keys: Partial<Parts> = {}): Texts {
  const k = keysOf(base, keys);
  const enc: string[] = [];
  const subs: string[] = [];
  // Each parameter is rendered once for the three texts, from the parameter itself (not by decoding its encoded JSON):
  // the same strings as renderMsg(enLookup, key, enc) (tests/unit/msg-fast.test.ts).
  for (const p of params) {
    const e = encodeParam(p);
    enc.push(e);
    subs.push((typeof p === 'object' ? renderNested(p, 0) : e.startsWith(NEST) ? null : e) ?? renderParam(enLookup, e));
  }
  return {
    title: enLookup(k.title, subs) ?? k.title,
    explanation: enLookup(k.explanation, subs) ?? k.explanation,
    nextStep: enLookup(k.nextStep, subs) ?? k.nextStep,
    msg: { title: k.title, explanation: k.explanation, nextStep: k.nextStep, params: enc },
  };
}

/**
 * A finding draft: its texts (from `texts`), evidence and, when given, a severity other than the rule's. Built field by
 * field: in V8 (Node 20) `{ ...texts(…), evidence }` costs about a microsecond, an object spread followed by more
 * properties leaving the fast path, and the rules write one or two drafts per profile.
 */
export function draft(t: Texts, evidence: Evidence[], severity?: Severity): FindingDraft {
  const d: FindingDraft = { title: t.title, explanation: t.explanation, nextStep: t.nextStep, msg: t.msg, evidence };
  if (severity !== undefined) d.severity = severity;
  return d;
}

/**
 * A nested parameter as msg-render.ts renders it after its JSON round trip (leaf strings as they are, numbers as
 * digits), or null where that round trip does something this does not copy (already-encoded params, a tree deeper than
 * msg-render.ts accepts): the caller then renders the encoded form.
 */
function renderNested(p: MsgParam, depth: number): string | null {
  if (typeof p === 'number') return String(p);
  if (typeof p === 'string') return p;
  if (depth > 12 || 'encoded' in p) return null;
  const parts: string[] = [];
  for (const x of 'join' in p ? p.items : p.params) {
    const r = renderNested(x, depth + 1);
    if (r === null) return null;
    parts.push(r);
  }
  let s: string;
  if ('join' in p) {
    s = parts.length ? parts[0]! : '';
    for (let i = 1; i < parts.length; i++) s = enLookup(p.join, [s, parts[i]!]) ?? `${s}, ${parts[i]}`;
  } else s = enLookup(p.key, parts) ?? p.key;
  return p.cap && s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Upper-case the first letter of a parameter (plain or nested). */
export function capP(p: MsgParam): MsgParam {
  // Object.assign, not `{ ...p, cap: true }`: a spread followed by a property is slow in V8 (see `draft`).
  if (typeof p === 'object') return Object.assign({}, p, { cap: true }) as Nested;
  const s = String(p);
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** lib/rules/text.ts `where` as a translatable phrase ("the overview", "employment entry 2", …). */
export function whereP(field: string): MsgParam {
  const nm = field.match(/^notes\.(\w+)(?:\[(\d+)\])?/);
  if (nm) {
    if (nm[1] === 'pasted') return nest('w_pasted', Number(nm[2]) + 1);
    if (nm[1] === 'checklist') return nest('w_checklist');
    if (nm[1] === 'shippingAddress' || nm[1] === 'previousAddresses') return nest('w_addresses');
    return nest('w_notes');
  }
  const m = field.match(/^(\w+)(?:\[(\d+)\])?/);
  if (!m) return field;
  const n = m[2] !== undefined ? Number(m[2]) + 1 : 0;
  switch (m[1]) {
    case 'overview':
      return nest('w_overview');
    case 'headline':
      return nest('w_headline');
    case 'reviews':
      return nest('w_review', n || 'null');
    case 'paymentMentions':
      return nest('w_paymentNote');
    case 'employment':
      return nest('w_employment', n || 'null');
    case 'education':
      return nest('w_education', n || 'null');
    default:
      return field;
  }
}

/** lib/rules/text.ts `places`: the distinct places of the evidence, as a list. */
export function placesP(evidence: readonly { field: string }[]): MsgParam {
  const seen = new Map<string, MsgParam>();
  for (const e of evidence) {
    const w = placeOf(e.field);
    seen.set(w.key, w.p);
  }
  return listOf([...seen.values()]);
}

/**
 * `whereP(field)` and its JSON (what placesP tells places apart by), kept per field: evidence fields repeat
 * (`overview`, `reviews[0].text`…). The phrase objects are shared, and nothing changes them once made.
 */
const placeOf = boundedMemo(500, (field: string): { p: MsgParam; key: string } => {
  const p = whereP(field);
  return { p, key: JSON.stringify(p) };
});

/** lib/rules/notes-helpers.ts `pasteNames`: "pasted text 2" / "pasted texts 1 and 3". */
export function pasteNamesP(hits: readonly { paste: number }[]): MsgParam {
  const ns = [...new Set(hits.map((h) => h.paste + 1))];
  return ns.length === 1 ? nest('w_paste', ns[0]!) : nest('w_pastes', listOf(ns.map(String)));
}

/** lib/rules/notes-helpers.ts `noteSuffix`: ', with the note "…"', or nothing. */
export function noteP(a: { note: string }): MsgParam {
  const note = a.note.trim();
  return note ? nest('n_note', clip(note, 160).replace(/\.+$/, '')) : NONE;
}

/** "a; and b" (two observations in one sentence), or the one given. */
export function semiAnd(parts: readonly MsgParam[]): MsgParam {
  return parts.length === 2 ? nest('l_semiAnd', parts[0]!, parts[1]!) : (parts[0] ?? '');
}

/** lib/history/describe.ts `listWords`: "a, b and c", or "a, b, c and 2 more" past `max`. */
export function listWordsP(xs: readonly MsgParam[], max = 3): MsgParam {
  const shown = xs.slice(0, max);
  const more = xs.length - shown.length;
  if (more > 0) return nest('l_more', shown.every((x) => typeof x !== 'object') ? shown.join(', ') : joinP(shown), more);
  return listOf(shown);
}

/** lib/history/describe.ts `describeIdentity`: `"Ana Costa" on PeoplePerHour (https://…)`. */
export function identityP(id: Identity): MsgParam {
  const site = id.platform === 'generic' ? nest('h_anotherSite') : PLATFORM_LABELS[id.platform];
  return id.name ? nest('h_identity', id.name, site, id.url) : nest('h_identityUnnamed', site, id.url);
}

/** One parameter as it reads in English. */
export const paramText = (p: MsgParam): string => renderParam(enLookup, encodeParam(p));
