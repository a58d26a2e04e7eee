/**
 * Catalogue messages whose parameters may themselves be catalogue messages ("nested"), so that a phrase such as
 * "the overview" or "with the note …" is translated too instead of being pasted into another language's sentence.
 * A nested parameter travels in `Finding.msg.params` (plain strings, so the Report schema is unchanged) as NEST +
 * JSON of a tree: `{k, p, c?}` (a message: key, params, capitalise) or `{j, p, c?}` (the items joined pairwise with
 * message `j`, e.g. "$1, $2"). Leaves are plain strings. Pure: the lookup (browser i18n, or the English catalogue in
 * Node) is given.
 */
export const NEST = '\u0001';

export type Nested =
  | { key: string; params: readonly MsgParam[]; cap?: boolean }
  /** The items joined pairwise with the message `join` ("$1, $2"). */
  | { join: string; items: readonly MsgParam[]; cap?: boolean }
  /** A message whose params are already encoded (a finding's `msg`, reused inside another message). */
  | { key: string; encoded: readonly string[] };
export type MsgParam = string | number | Nested;

type Tree = string | { k: string; p: Tree[]; c?: 1 } | { j: string; p: Tree[]; c?: 1 };

function toTree(p: MsgParam): Tree {
  if (typeof p === 'number') return String(p);
  if (typeof p === 'string') return p;
  if ('encoded' in p) return { k: p.key, p: p.encoded.map(decode) };
  const c = p.cap ? { c: 1 as const } : {};
  return 'join' in p ? { j: p.join, p: p.items.map(toTree), ...c } : { k: p.key, p: p.params.map(toTree), ...c };
}

/** A parameter as one plain string. Plain strings lose a leading NEST so page text can never pose as a message. */
export function encodeParam(p: MsgParam): string {
  if (typeof p === 'number') return String(p);
  if (typeof p === 'string') return p.startsWith(NEST) ? p.slice(1) : p;
  return NEST + treeJson(p);
}

/**
 * `JSON.stringify(toTree(p))` written out directly (no tree of objects made per parameter; the rules encode one or two
 * nested parameters per finding). The same string: tests/unit/msg-fast.test.ts compares the two.
 */
function treeJson(p: MsgParam): string {
  if (typeof p === 'number') return JSON.stringify(String(p));
  if (typeof p === 'string') return JSON.stringify(p);
  const join = 'join' in p;
  if ('encoded' in p || (join ? typeof p.join !== 'string' || !Array.isArray(p.items) : typeof p.key !== 'string' || !Array.isArray(p.params))) return JSON.stringify(toTree(p));
  const items = join ? p.items : p.params;
  let s = join ? `{"j":${JSON.stringify(p.join)},"p":[` : `{"k":${JSON.stringify(p.key)},"p":[`;
  for (let i = 0; i < items.length; i++) s += (i ? ',' : '') + treeJson(items[i]!);
  return `${s}]${p.cap ? ',"c":1' : ''}}`;
}

/** The reference encoding of a nested parameter (tests compare `encodeParam` with it). */
export const encodeParamReference = (p: MsgParam): string => (typeof p === 'object' ? NEST + JSON.stringify(toTree(p)) : encodeParam(p));

function isTree(v: unknown, depth = 0): v is Tree {
  if (typeof v === 'string') return true;
  if (depth > 12 || !v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (typeof o.k === 'string' || typeof o.j === 'string') && Array.isArray(o.p) && o.p.every((x) => isTree(x, depth + 1));
}

function decode(p: string): Tree {
  if (!p.startsWith(NEST)) return p;
  try {
    const v = JSON.parse(p.slice(1)) as unknown;
    return isTree(v) ? v : p;
  } catch {
    return p;
  }
}

/** Fills `$1`…`$9` (and `$$` → `$`) as browser.i18n.getMessage does. */
export function fillTemplate(template: string, subs: readonly string[]): string {
  return template.replace(/\$([1-9$])/g, (_m, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

export type Lookup = (key: string, subs: string[]) => string | null;

function renderTree(lookup: Lookup, t: Tree): string {
  if (typeof t === 'string') return t;
  const parts = t.p.map((x) => renderTree(lookup, x));
  let s: string;
  if ('j' in t) s = parts.length ? parts.slice(1).reduce((acc, x) => lookup(t.j, [acc, x]) ?? `${acc}, ${x}`, parts[0]!) : '';
  else s = lookup(t.k, parts) ?? t.k;
  return t.c && s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A parameter as it reads in one language (plain strings as they are, nested ones rendered; a missing key shows as itself). */
export function renderParam(lookup: Lookup, p: string): string {
  return renderTree(lookup, decode(p));
}

/** The text of `key` with `params`, nested parameters rendered first; null when `key` itself is missing. */
export function renderMsg(lookup: Lookup, key: string, params: readonly string[]): string | null {
  return lookup(
    key,
    params.map((p) => renderParam(lookup, p)),
  );
}
