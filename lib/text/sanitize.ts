/**
 * Text sanitisation for everything Vetter reads from a page before it becomes part of a Profile (and so of the badge,
 * the popup, exports and history). Page text is data, never markup: React and the CLI print it as text, and these
 * helpers remove what can still mislead a reader when shown as text: bidirectional overrides that reorder what is
 * displayed ("moc.elgoog" shown as "google.com"), zero-width and other invisible characters that hide or split
 * words, control characters, and strings so long they swamp the UI.
 */

/**
 * Bidirectional embedding/override/isolate controls and directional marks (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C). Natural right-to-left text (Arabic, Hebrew) needs none of them to display correctly.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * Invisible format characters: zero-width space/non-joiner/joiner, word joiner and invisible operators, BOM,
 * Mongolian vowel separator, soft hyphen, Hangul fillers, interlinear annotation marks, tag characters.
 */
export const INVISIBLES = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF\u115F\u1160\u3164\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

/** C0 and C1 control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Remove bidi controls, invisible characters and control characters; keeps tabs and line breaks. */
export function stripInvisible(s: string): string {
  if (PLAIN.test(s)) return s; // the common case: printable ASCII, tabs and line breaks
  return s.replace(ALL_INVISIBLE, '');
}
const PLAIN = /^[\x20-\x7E\t\n\r]*$/;
const ALL_INVISIBLE = new RegExp(`${BIDI_CONTROLS.source}|${INVISIBLES.source}|${CONTROLS.source}`, 'g');

/**
 * Cut a string to at most `max` characters (UTF-16 units), ending with "…" when cut, without splitting a surrogate
 * pair. `max` < 1 gives ''.
 */
export function capLength(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max < 1) return '';
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1; // a high surrogate would be left alone
  return `${s.slice(0, end)}…`;
}

/** Text fit for display: invisible characters removed, white space collapsed, trimmed, capped at `max`. */
export function displayText(s: string | null | undefined, max = Infinity): string {
  if (!s) return '';
  return capLength(
    stripInvisible(s)
      .replace(/[\s\u00A0]+/g, ' ')
      .trim(),
    max,
  );
}

/** Longest string kept per kind of field in a Profile. */
export const FIELD_CAPS = {
  /** names, titles, companies, schools, skills, locations, levels, dates as written… */
  short: 300,
  /** overview, entry descriptions and raw entry text, review text */
  long: 5_000,
  /** links and photo addresses */
  url: 2_048,
} as const;

/** Most entries kept in any list of a Profile (skills, employment, reviews…). */
export const LIST_CAP = 200;

const LONG_KEYS = new Set(['overview', 'description', 'raw', 'text']);
const URL_KEYS = new Set(['url']);

/**
 * Clean every string and cap every list inside a value read from a page: invisible characters removed
 * (stripInvisible), strings capped by their key (see FIELD_CAPS), lists at LIST_CAP entries. Returns a new value;
 * keys listed in `skip` (at the top level) are left as they are.
 */
export function sanitizeValues<T>(value: T, skip: ReadonlySet<string> = new Set()): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') {
      const max = key && LONG_KEYS.has(key) ? FIELD_CAPS.long : key && URL_KEYS.has(key) ? FIELD_CAPS.url : FIELD_CAPS.short;
      return capLength(stripInvisible(v), max);
    }
    if (Array.isArray(v)) return v.slice(0, LIST_CAP).map((x) => walk(x, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    return v;
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return walk(value, null) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) out[k] = skip.has(k) ? x : walk(x, k);
  return out as T;
}

/** True for an absolute http(s) address: the only kind Vetter keeps as a link or renders as one. */
export function isHttpUrl(s: string | null | undefined): s is string {
  if (!s) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A photo address Vetter keeps: http(s), or an inline raster image (some sites inline small avatars). */
export function isSafeImageUrl(s: string | null | undefined): s is string {
  return isHttpUrl(s) || (!!s && /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i.test(s));
}
