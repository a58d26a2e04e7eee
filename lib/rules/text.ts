/**
 * Shared helpers for the rules that read free text (headline, overview, payment excerpts, review texts) and dates.
 * Pure: no DOM, no browser APIs.
 */
import type { DatePoint, Profile } from '../profile/schema';
import type { Evidence } from '../report/schema';
import { squashSpace } from '../text/fold';
import { FAMILY, familyMask, GATES, PATTERN_FAMILIES } from './patterns';
import { boundedMemo } from '../memo';

export interface TextField {
  /** Evidence path into the Profile, e.g. `overview`, `reviews[1].text`, `paymentMentions[0]`. */
  field: string;
  text: string;
}

/**
 * The profile's free text, each piece with its Profile path. Payment excerpts that only repeat the overview, the
 * headline or a review are left out, so a sentence is reported once, at its original place.
 */
export function profileTexts(p: Profile, opts: { reviews?: boolean } = {}): TextField[] {
  // Several rules read the same profile's texts in one check: kept per profile object, and recomputed when a text of
  // the object changed since (a caller that edits a profile in place and checks it again is not served stale texts).
  const withReviews = opts.reviews !== false;
  let cached = last && last.profile === p ? last : null;
  if (!cached || !sameTexts(cached, p)) last = cached = { profile: p, headline: p.headline, overview: p.overview, reviews: p.reviews.length, src: textSource(p), pool: new Map() };
  const hit = withReviews ? cached.all : cached.noReviews;
  if (hit) return hit;
  const out = collectTexts(p, withReviews, cached.pool);
  if (withReviews) cached.all = out;
  else cached.noReviews = out;
  return out;
}

/**
 * A text of the profile as profileTexts gives it, with what the rules work out from it once per check: its word
 * families (-1 until asked) and its sentences. The lists with and without reviews share these objects (one pool per
 * profile state), so the headline and overview are scanned once for both.
 */
interface CachedText extends TextField {
  families: number;
  split: string[] | null;
}

/**
 * The texts of the profile object checked last (the rules of one check ask for them a dozen times): one entry, not a
 * WeakMap of every profile seen (adding a key per profile was a good part of the cost). Another profile object, or
 * this one with a text changed since, gets its texts afresh.
 */
interface TextsEntry {
  profile: Profile;
  headline: string | null;
  overview: string | null;
  reviews: number;
  /** The review texts, then the payment mentions. */
  src: string[];
  pool: Map<string, CachedText>;
  all?: TextField[];
  noReviews?: TextField[];
}
let last: TextsEntry | null = null;

/** The texts that profileTexts reads besides the headline and overview, in order. */
function textSource(p: Profile): string[] {
  const out: string[] = [];
  for (const r of p.reviews) out.push(r.text);
  for (const m of p.paymentMentions) out.push(m);
  return out;
}
/** Compared string by string: the same strings are the same pointers. */
function sameTexts(e: TextsEntry, p: Profile): boolean {
  const { src } = e;
  if (e.headline !== p.headline || e.overview !== p.overview || e.reviews !== p.reviews.length || src.length !== p.reviews.length + p.paymentMentions.length) return false;
  let k = 0;
  for (const r of p.reviews) if (src[k++] !== r.text) return false;
  for (const m of p.paymentMentions) if (src[k++] !== m) return false;
  return true;
}
const norm = (s: string): string => squashSpace(s).toLowerCase();

/** The pool's object for this field and text (one per profile state). */
function pooled(pool: Map<string, CachedText>, field: string, text: string): CachedText {
  let t = pool.get(field);
  if (!t || t.text !== text) pool.set(field, (t = { field, text, families: -1, split: null }));
  return t;
}

function collectTexts(p: Profile, withReviews: boolean, pool: Map<string, CachedText>): TextField[] {
  const out: TextField[] = [];
  if (p.headline) out.push(pooled(pool, 'headline', p.headline));
  if (p.overview) out.push(pooled(pool, 'overview', p.overview));
  if (withReviews) for (let i = 0; i < p.reviews.length; i++) if (p.reviews[i]!.text) out.push(pooled(pool, `reviews[${i}].text`, p.reviews[i]!.text));
  if (!p.paymentMentions.length) return out;
  const own = out.length;
  let seen: string[] | null = null;
  for (let i = 0; i < p.paymentMentions.length; i++) {
    const m = p.paymentMentions[i]!;
    // Quick path: an excerpt copied verbatim from a text is in it (and so in its normalized form too).
    let repeated = false;
    for (let k = 0; k < own; k++) if (m && out[k]!.text.includes(m)) repeated = true;
    if (repeated) continue;
    const n = norm(m);
    seen ??= out.slice(0, own).map((t) => norm(t.text));
    if (n && !seen.some((s) => s.includes(n))) out.push(pooled(pool, `paymentMentions[${i}]`, m));
  }
  return out;
}

/** Split a text into sentences (keeps the pieces short enough to quote). Cached: several rules read the same text. */
export const sentences: (text: string) => string[] = boundedMemo(2000, splitSentences);
const fieldSentences = new WeakMap<TextField, string[]>();
/**
 * `sentences(t.text)` for a text of the profile, kept on the text (cached per profile by profileTexts), so the rules
 * of one check split each text once and never hash the whole text to find it again.
 */
export function sentencesOf(t: TextField): string[] {
  const c = t as Partial<CachedText>;
  // Split directly: the text object is the cache (a check's texts are new strings, so the shared map would only hash them).
  if (c.split !== undefined) return c.split ?? (c.split = splitSentences(t.text));
  let v = fieldSentences.get(t);
  if (!v) fieldSentences.set(t, (v = sentences(t.text)));
  return v;
}
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Shorten an excerpt to at most `max` characters. */
export function clip(s: string, max = 200): string {
  const t = squashSpace(s);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

export interface SentenceHit extends Evidence {
  /** The matched words. */
  match: string;
}

/**
 * Sentences of the profile text where `pattern` matches and, when given, `context` matches too and `exclude` does
 * not. One hit per sentence.
 */
export function findSentences(
  p: Profile,
  pattern: RegExp,
  opts: { context?: RegExp; exclude?: RegExp; reviews?: boolean; fields?: string[] } = {},
): SentenceHit[] {
  const hits: SentenceHit[] = [];
  const prefilter = canPrefilter(pattern);
  for (const t of profileTexts(p, { reviews: opts.reviews })) {
    if (opts.fields && !opts.fields.some((f) => t.field === f || t.field.startsWith(`${f}[`))) continue;
    // A pattern that matches a sentence also matches the whole text, so a text without a match has no hits.
    if (!passesGate(pattern, t) || (prefilter && !pattern.test(t.text))) continue;
    for (const s of sentencesOf(t)) {
      const m = s.match(pattern);
      if (!m) continue;
      if (opts.context && !opts.context.test(s)) continue;
      if (opts.exclude && opts.exclude.test(s)) continue;
      hits.push({ field: t.field, excerpt: clip(s), match: m[0] });
    }
  }
  return hits;
}

const familyCache = new WeakMap<TextField, number>();
/**
 * The word families the text names (patterns.ts `familyMask`): once per text of a check (TextField objects are cached
 * per profile by profileTexts), read by every rule that gates on a family.
 */
export function familiesOf(t: TextField): number {
  const c = t as Partial<CachedText>;
  if (c.families !== undefined) return c.families >= 0 ? c.families : (c.families = familyMask(t.text));
  let v = familyCache.get(t);
  if (v === undefined) familyCache.set(t, (v = familyMask(t.text)));
  return v;
}

/** Whether the text names any payment word (patterns.ts PAYMENT_WORDS, as the `pay` family). */
export function mentionsPayment(t: TextField): boolean {
  return (familiesOf(t) & FAMILY.pay) !== 0;
}

/** False when the text cannot match the pattern: it lacks a word family the pattern needs (PATTERN_FAMILIES), or its gate (GATES) fails. */
export function passesGate(re: RegExp, t: TextField): boolean {
  const need = PATTERN_FAMILIES.get(re);
  if (need !== undefined) return (familiesOf(t) & need) === need;
  const gate = GATES.get(re);
  return !gate || gate.test(t.text);
}

const prefilterOk = new WeakMap<RegExp, boolean>();
/** True when a match inside a sentence implies a match in the whole text: no anchors, lookarounds, \B or state. */
function canPrefilter(re: RegExp): boolean {
  let ok = prefilterOk.get(re);
  if (ok === undefined) {
    const src = re.source.replace(/\\[^B]/g, '').replace(/\[\^/g, '[');
    ok = !re.global && !re.sticky && !re.multiline && !/\^|\$|\(\?<?[=!]|\\B/.test(src);
    prefilterOk.set(re, ok);
  }
  return ok;
}

/** Where a field is, in words, for explanations. */
export function where(field: string): string {
  const nm = field.match(/^notes\.(\w+)(?:\[(\d+)\])?/);
  if (nm) {
    if (nm[1] === 'pasted') return `pasted text ${Number(nm[2]) + 1} in your notes`;
    if (nm[1] === 'checklist') return 'your interview checklist';
    if (nm[1] === 'shippingAddress' || nm[1] === 'previousAddresses') return 'the shipping addresses in your notes';
    return 'your notes';
  }
  const m = field.match(/^(\w+)(?:\[(\d+)\])?/);
  if (!m) return field;
  const n = m[2] !== undefined ? Number(m[2]) + 1 : null;
  switch (m[1]) {
    case 'overview':
      return 'the overview';
    case 'headline':
      return 'the headline';
    case 'reviews':
      return `review ${n}`;
    case 'paymentMentions':
      return 'a payment note on the page';
    case 'employment':
      return `employment entry ${n}`;
    case 'education':
      return `education entry ${n}`;
    default:
      return field;
  }
}

/** A list of places in words: "the overview and review 2". */
export function places(evidence: readonly Evidence[]): string {
  const ws = [...new Set(evidence.map((e) => where(e.field)))];
  return ws.length <= 1 ? (ws[0] ?? '') : `${ws.slice(0, -1).join(', ')} and ${ws[ws.length - 1]}`;
}

/** Months since year 0 for a DatePoint; a bare year is read as its first or last month (`side`). */
export function monthIndex(d: DatePoint, side: 'first' | 'last'): number {
  const y = Number(d.slice(0, 4));
  return y * 12 + (d.length > 4 ? Number(d.slice(5, 7)) - 1 : side === 'first' ? 0 : 11);
}

export function monthOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Upper-case the first letter (for sentences that start with a place). */
export function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
