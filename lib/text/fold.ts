/** Text folded for comparing names and addresses: lower case, no accents, runs of anything but letters and digits as one space ("Nordlys Analytics AB" → "nordlys analytics ab", "São Paulo, SP" → "sao paulo sp"). */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Any whitespace other than a plain space, or two spaces in a row: where `s.replace(/\s+/g, ' ')` changes something. */
const UNEVEN_SPACE = /[^\S ]| {2}/;
const SPACES = /\s+/g;
/**
 * `s.replace(/\s+/g, ' ').trim()`: runs of whitespace as one space, trimmed. Without the replace (and its new string)
 * when the text has only single plain spaces, as most excerpts do.
 */
export function squashSpace(s: string): string {
  return UNEVEN_SPACE.test(s) ? s.replace(SPACES, ' ').trim() : s.trim();
}
