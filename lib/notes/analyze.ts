/**
 * Analysis of the manager's pasted text (payment instructions, messages): crypto wallet addresses, crypto mentions,
 * payment services (PRC-linked ones marked), payee names compared with the profile's name, advance-payment requests,
 * payment to another person, threats to release code or data, invitations off the platform, Korean text, e-mails and
 * phone numbers that change from one paste to the next, links, and talk of renting accounts.
 *
 * Pure (no DOM, no storage, no reference data): the notes panel runs it live, and the rules read it through
 * `analysisFor()`, which caches one analysis per notes object. Every hit carries the paste index, the offset in that
 * paste's text and an excerpt, so a finding can show `notes.pasted[2]` as its evidence. The output is validated with
 * zod (`NotesAnalysis`).
 */
import { z } from 'zod';
import { ADVANCE, ADVANCE_NEGATED, CRYPTO, FAMILY, familyMask, HANGUL, OFF_PLATFORM, PATTERN_FAMILIES, PAYMENT_CHANGE, PAYMENT_CONTEXT, PRC, PRC_PROVIDERS, PROVIDERS, THIRD_PARTY } from '../rules/patterns';
import { foldText, squashSpace } from '../text/fold';
import type { ManagerNotes, PastedText } from './schema';

/** Whether a familyMask has every family of `need`. */
const has = (mask: number, need: number): boolean => (mask & need) === need;

export const HIT_KINDS = [
  'wallet',
  'crypto',
  'provider',
  'payee',
  'advance',
  'third-party',
  'payment-change',
  'threat',
  'off-platform',
  'korean',
  'contact',
  'link',
  'bank-account',
  'account-rental',
] as const;
export type HitKind = (typeof HIT_KINDS)[number];

const base = {
  /** Index of the paste in `notes.pasted`. */
  paste: z.number().int().nonnegative(),
  /** Evidence path, `notes.pasted[<paste>]`. */
  field: z.string().regex(/^notes\.pasted\[\d+\]$/),
  /** Offset of the match in the paste's text. */
  offset: z.number().int().nonnegative(),
  /** The matched text. */
  match: z.string().min(1),
  /** The sentence (or a window of it) around the match. */
  excerpt: z.string().min(1),
  /** What was found, in plain words, for lists. */
  label: z.string().min(1),
};

export const NotesHit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('wallet'),
    ...base,
    network: z.enum(['BTC', 'ETH', 'TRON']),
    /** bech32 addresses carry a cheap checksum; the others are matched by shape and length only. */
    checksum: z.enum(['valid', 'invalid', 'not-checked']),
  }),
  z.object({ kind: z.literal('provider'), ...base, provider: z.string().min(1), prc: z.boolean() }),
  z.object({
    kind: z.literal('payee'),
    ...base,
    name: z.string().min(1),
    /** Whether the payee's name fits the profile's name (case, accents and order ignored); null without a profile name. */
    sameAsProfile: z.boolean().nullable(),
  }),
  z.object({ kind: z.literal('contact'), ...base, contact: z.enum(['email', 'phone']), value: z.string().min(1), changed: z.boolean() }),
  z.object({ kind: z.literal('link'), ...base, host: z.string().min(1) }),
  /** An IBAN or a bank account number; `value` without spaces, to compare across pastes. */
  z.object({ kind: z.literal('bank-account'), ...base, value: z.string().min(1) }),
  z.object({ kind: z.enum(['crypto', 'advance', 'third-party', 'payment-change', 'threat', 'off-platform', 'korean', 'account-rental']), ...base }),
]);
export type NotesHit = z.infer<typeof NotesHit>;
export type HitOf<K extends HitKind> = NotesHit & { kind: K };

export const NotesAnalysis = z.object({
  profileName: z.string().nullable(),
  /** Number of pastes analysed. */
  pastes: z.number().int().nonnegative(),
  hits: z.array(NotesHit),
  /** Distinct payment services and methods named, in order of first appearance. */
  providers: z.array(z.string()),
});
export type NotesAnalysis = z.infer<typeof NotesAnalysis>;

// ---------------------------------------------------------------------------------------------------------------
// Text pieces

interface Segment {
  start: number;
  text: string;
}

/**
 * `[...text.matchAll(re)]` for a global regex, by `exec` on the regex itself: matchAll copies the regex for each call
 * (a RegExp construction), and the analysis reads a dozen patterns per paste. Same matches, same order.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match: step over one character (a code point with the u flag), as matchAll does.
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/g;

function pushSegment(out: Segment[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (t) out.push({ start: from + lead, text: t });
}

/** Sentences (split as the page rules split them: after . ! ? and at line breaks) with their offsets. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of execAll(SENTENCE_BREAK, text)) {
    pushSegment(out, text, last, m.index);
    last = m.index + m[0].length;
  }
  pushSegment(out, text, last, text.length);
  return out;
}

const flat = squashSpace;
/** Offset in the paste of a match in a segment (module level: no closure made per segment). */
const atIn = (seg: Segment, m: RegExpMatchArray | null): number => seg.start + (m?.index ?? 0);

/** The sentence around a match, or a window of it when long. */
function excerptAt(text: string, segs: readonly Segment[], offset: number, length: number, max = 200): string {
  const seg = segs.find((s) => offset >= s.start && offset < s.start + s.text.length);
  const s = seg ?? { start: Math.max(0, offset - 60), text: text.slice(Math.max(0, offset - 60), offset + length + 60) };
  if (s.text.length <= max) return flat(s.text);
  const rel = offset - s.start;
  const from = Math.max(0, Math.min(rel - 60, s.text.length - max + 2));
  const cut = s.text.slice(from, from + max - 2);
  return flat(`${from > 0 ? '…' : ''}${cut}${from + max - 2 < s.text.length ? '…' : ''}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Wallets

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173 / BIP-350 checksum of a bech32 or bech32m string (cheap: a polynomial over the characters). */
export function bech32Valid(address: string): boolean {
  const a = address.toLowerCase();
  if (address !== a && address !== address.toUpperCase()) return false; // mixed case is invalid
  const sep = a.lastIndexOf('1');
  if (sep < 1 || a.length - sep < 7) return false;
  const hrp = a.slice(0, sep);
  const data: number[] = [];
  for (const c of a.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(c);
    if (v < 0) return false;
    data.push(v);
  }
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ BECH32_GEN[i]!) >>> 0;
  }
  const version = data[0];
  // Witness v0 uses bech32 (constant 1), v1+ (taproot) bech32m (0x2bc830a3).
  return version === 0 ? chk === 1 : chk === 0x2bc830a3;
}

const B58 = '1-9A-HJ-NP-Za-km-z';
const WALLETS: { network: 'BTC' | 'ETH' | 'TRON'; re: RegExp; label: string; ok?: (s: string) => boolean; checksum?: (s: string) => 'valid' | 'invalid' }[] = [
  {
    network: 'BTC',
    re: /\bbc1[02-9ac-hj-np-z]{39}(?:[02-9ac-hj-np-z]{20})?\b/gi,
    label: 'Bitcoin address (bech32)',
    checksum: (s) => (bech32Valid(s) ? 'valid' : 'invalid'),
  },
  // Legacy P2PKH/P2SH: base58, 26–35 characters; real ones mix digits, upper and lower case.
  { network: 'BTC', re: new RegExp(`\\b[13][${B58}]{25,34}\\b`, 'g'), label: 'Bitcoin address (legacy)', ok: (s) => /\d/.test(s.slice(1)) && /[A-Z]/.test(s) && /[a-z]/.test(s) },
  { network: 'ETH', re: /\b0x[0-9a-fA-F]{40}\b/g, label: 'Ethereum-style address (ETH, USDT/USDC ERC-20, BEP-20)' },
  { network: 'TRON', re: new RegExp(`\\bT[${B58}]{33}\\b`, 'g'), label: 'TRON address (often USDT TRC-20)', ok: (s) => /\d/.test(s) && /[a-z]/.test(s) },
];

// ---------------------------------------------------------------------------------------------------------------
// Payees and names

const PAYEE_LABEL =
  /\b(?:account[- ]holder(?:'s)?(?: name)?|beneficiary(?:'s)?(?: name)?|payee(?: name)?|recipient(?: name)?|receiver(?: name)?|name on (?:the )?(?:account|card)|account name|holder name)\s*[:=–—-]\s*([^\n,;|]{2,80})/gi;
const PAYEE_PHRASE =
  /\b(?:pay(?:ment)?|send(?: the)? (?:money|payment|funds)|(?:transfer|wire)(?: the)? (?:money|payment|funds|it)|(?:cheque|check) made out) (?:to|in the name of|under the name(?: of)?)\s+([^\n,;|.()]{2,60})|\b(?:account|payment|transfer|wallet|card)s? (?:is |are )?(?:in the name of|registered to|held by)\s+([^\n,;|.()]{2,60})/gi;
/** Words that end a name ("pay to Kim Ri via Wise", "Beneficiary: Ri Chol, account 123"). */
const NAME_END = /\s+(?:via|at|on|with|using|through|account|acct|bank|iban|swift|bic|and|or|for|by|from|in|please|thanks|thank)\b|\s*[\d@:#[(]/i;
const NOT_A_NAME = new Set(['me', 'my', 'mine', 'him', 'her', 'us', 'our', 'the', 'this', 'that', 'same', 'your', 'you', 'account', 'bank', 'wallet', 'platform', 'address', 'below', 'above', 'following', 'him/her', 'it', 'them']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx', 'sir']);

function nameTokens(s: string): string[] {
  return foldText(s)
    .split(' ')
    .filter((t) => t && !TITLES.has(t));
}

/**
 * Whether two person names fit each other: case, accents, punctuation, word order and initials ignored
 * ("Daniel K." fits "Kim, Daniel" and "DANIEL KIM"; it does not fit "Daniel Park" or "Ri Song Chol").
 */
export function namesMatch(a: string, b: string): boolean {
  const A = nameTokens(a);
  const B = nameTokens(b);
  if (!A.length || !B.length) return false;
  if (A.join('') === B.join('')) return true;
  const [short, long] = A.length <= B.length ? [A, B] : [B, A];
  const used = new Set<number>();
  let full = 0;
  for (const t of short) {
    const i = long.findIndex((u, j) => !used.has(j) && (u === t || (t.length === 1 && u.startsWith(t)) || (u.length === 1 && t.startsWith(u))));
    if (i < 0) return false;
    used.add(i);
    if (t.length > 1 && long[i]!.length > 1) full++;
  }
  return full > 0;
}

/** A person or company name from the words after a payee label or phrase, or null. */
function cleanName(raw: string, fromLabel: boolean): string | null {
  let s = raw;
  const end = s.search(NAME_END);
  if (end >= 0) s = s.slice(0, end);
  s = s.replace(/[\s.\-–]+$/, '').trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  const words = s.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6) return null;
  if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}'’.-]*$/u.test(w))) return null;
  // Without a label ("pay to …") only capitalised words count as a name, and at least two of them.
  if (!fromLabel && (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w)))) return null;
  if (PROVIDERS.some(([, re]) => re.test(s))) return null;
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Other patterns

const THREAT_OBJECT = '(?:source ?code|code(?:base)?|repo(?:s|sitor(?:y|ies))?|data(?:base)?|files|credentials|keys|secrets|customer (?:data|records))';
const THREAT_ACT = new RegExp(
  [
    `\\b(?:release|leak|publish|sell|expose|make public|post|upload|delete|destroy|wipe|encrypt|lock)\\w*\\b[^.!?\\n]{0,60}?\\b${THREAT_OBJECT}\\b`,
    `\\b${THREAT_OBJECT}\\s+(?:will|would|is going to|gets?)\\s+(?:be\\s+)?(?:released|leaked|published|sold|exposed|made public|posted|deleted|destroyed|wiped|encrypted|locked)\\b`,
  ].join('|'),
  'i',
);
const THREAT_CONDITION =
  /\b(?:unless|if you (?:don'?t|do not|won'?t|will not|refuse)|or else|otherwise|until (?:you pay|i (?:get|am|'m) paid)|pay (?:me )?(?:now|immediately|within|or)|last (?:chance|warning)|or i(?:'ll| will))\b/i;
const THREAT_BENIGN = /\bif you don'?t mind\b|\bunless you (?:prefer|want|would like|'d like)\b/i;

const ACCOUNT_RENTAL =
  /\b(?:rent|renting|rented|lease|leasing|borrow|borrowing|buy|buying|sell|selling)\s+(?:your|my|his|her|their|an?|the)?\s*(?:verified\s+)?(?:upwork|fiverr|freelancer|toptal|linkedin|github|guru|peopleperhour)?\s*(?:account|profile)s?\b|\baccount (?:owner|holder) (?:is|will be) (?:my|a) (?:friend|partner|relative|brother|sister|cousin|colleague)\b/i;

/** A PRC account or currency named near account words (not any mention of China: clients there are ordinary). */
const CHINA_ACCOUNT =
  /\b(?:cny|rmb|renminbi)\b|\b(?:account|bank|card|receiv\w*)\b[^.\n]{0,40}\b(?:china|chinese|prc|shenyang|dandong|beijing|shanghai|shenzhen|guangzhou|yanji)\b|\b(?:china|chinese|prc)\b[^.\n]{0,30}\b(?:account|bank|card)\b/i;
const CN_SWIFT = /\b[A-Z]{4}CN[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b/;
const SWIFT_WORD = /\b(?:swift|bic)\b/i;

const EMAIL = /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
const PHONE = /(?:\+\d[\d\s().-]{6,18}\d|\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const ACCOUNT_NO = /\b(?:account|acct|a\/c)(?: ?(?:no\.?|number|#))?\s*[:#]?\s*(\d[\d -]{4,30}\d)\b/gi;
const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"')\]]*/gi;

/** Only text about payment counts outside payment pastes (building a PayPal integration is work, not an instruction). */
const WORK_TALK = /\b(integrat\w*|sdk|plugin|gateway|checkout)\b/i;

// ---------------------------------------------------------------------------------------------------------------

type Draft = NotesHit extends infer H ? (H extends NotesHit ? Omit<H, 'paste' | 'field' | 'excerpt'> : never) : never;

function analysePaste(p: PastedText, profileName: string | null, segs: readonly Segment[] = segments(p.text)): Draft[] {
  const text = p.text;
  const hits: Draft[] = [];
  const payment = p.kind === 'payment';

  for (const w of WALLETS) {
    for (const m of execAll(w.re, text)) {
      if (w.ok && !w.ok(m[0])) continue;
      hits.push({ kind: 'wallet', offset: m.index, match: m[0], label: w.label, network: w.network, checksum: w.checksum ? w.checksum(m[0]) : 'not-checked' });
    }
  }

  const seenProviders = new Set<string>();
  // Patterns most pastes never match, tried on the whole paste first: a sentence is a piece of it cut at whitespace,
  // so a match in a sentence is a match in the paste (no anchors or lookbehinds in these).
  const rentalInText = ACCOUNT_RENTAL.test(text);
  const swiftInText = CN_SWIFT.test(text);
  for (const seg of segs) {
    const s = seg.text;
    // The word families the sentence names (patterns.ts familyMask, one pass): a sentence without a pattern's families
    // cannot match it (the same gates the page rules use, checked by tests/unit/patterns-gates.test.ts).
    const fam = familyMask(s);
    const pay = (fam & FAMILY.pay) !== 0;
    const aboutPay = payment || PAYMENT_CONTEXT.test(s);
    const crypto = fam & FAMILY.crypto ? s.match(CRYPTO) : null;
    if (crypto && aboutPay && !hits.some((h) => h.kind === 'wallet' && h.offset >= seg.start && h.offset < seg.start + s.length))
      hits.push({ kind: 'crypto', offset: atIn(seg, crypto), match: crypto[0], label: `Cryptocurrency named (${crypto[0]})` });
    if (aboutPay && !(WORK_TALK.test(s) && !payment)) {
      for (const [name, re] of fam & FAMILY.provider ? PROVIDERS : []) {
        if (name === 'cryptocurrency' || seenProviders.has(name) || !has(fam, PATTERN_FAMILIES.get(re)!)) continue;
        const m = s.match(re);
        if (!m) continue;
        seenProviders.add(name);
        const prc = PRC_PROVIDERS.has(name) || (name === 'Payoneer' && CHINA_ACCOUNT.test(text));
        hits.push({ kind: 'provider', offset: atIn(seg, m), match: m[0], provider: name, prc, label: prc && !PRC_PROVIDERS.has(name) ? `${name}, with a PRC account or place named` : name });
      }
      const prc = fam & FAMILY.prc ? s.match(PRC) : null;
      if (prc && !PRC_PROVIDERS.has(PROVIDERS.find(([, re]) => re.test(prc[0]))?.[0] ?? '')) {
        hits.push({ kind: 'provider', offset: atIn(seg, prc), match: prc[0], provider: 'bank in China', prc: true, label: `Bank in China (${prc[0]})` });
      }
      const swift = swiftInText ? s.match(CN_SWIFT) : null;
      if (swift && SWIFT_WORD.test(text) && !prc) {
        hits.push({ kind: 'provider', offset: atIn(seg, swift), match: swift[0], provider: 'bank in China', prc: true, label: `Bank code in China (SWIFT ${swift[0]})` });
      }
    }
    const adv = has(fam, PATTERN_FAMILIES.get(ADVANCE)!) ? s.match(ADVANCE) : null;
    if (adv && !ADVANCE_NEGATED.test(s)) hits.push({ kind: 'advance', offset: atIn(seg, adv), match: adv[0], label: 'Asks for payment in advance' });
    const tp = has(fam, PATTERN_FAMILIES.get(THIRD_PARTY)!) ? s.match(THIRD_PARTY) : null;
    if (tp) hits.push({ kind: 'third-party', offset: atIn(seg, tp), match: tp[0], label: "Payment to another person's account" });
    const ch = pay ? s.match(PAYMENT_CHANGE) : null;
    if (ch && aboutPay) hits.push({ kind: 'payment-change', offset: atIn(seg, ch), match: ch[0], label: 'Payment details changed' });
    const off = fam & FAMILY.offPlatform ? s.match(OFF_PLATFORM) : null;
    if (off) hits.push({ kind: 'off-platform', offset: atIn(seg, off), match: off[0], label: 'Asks to talk or work off the platform' });
    const rent = rentalInText ? s.match(ACCOUNT_RENTAL) : null;
    if (rent) hits.push({ kind: 'account-rental', offset: atIn(seg, rent), match: rent[0], label: 'Talk of renting, buying or borrowing an account' });
  }

  // Threats: the act (release/leak code or data) and a condition (unless/or else/pay now) within the same stretch.
  const threatInText = THREAT_ACT.test(text);
  for (const seg of segs) {
    const m = threatInText ? seg.text.match(THREAT_ACT) : null;
    if (!m) continue;
    const off = seg.start + m.index!;
    const around = text.slice(Math.max(0, off - 160), off + m[0].length + 160);
    if (THREAT_CONDITION.test(around) && !THREAT_BENIGN.test(around)) hits.push({ kind: 'threat', offset: off, match: m[0], label: 'Threat to release or destroy code or data' });
  }

  const k = text.match(HANGUL);
  if (k) hits.push({ kind: 'korean', offset: k.index!, match: k[0], label: 'Korean (Hangul) text' });

  const seenNames = new Set<string>();
  for (const [re, fromLabel] of [
    [PAYEE_LABEL, true],
    [PAYEE_PHRASE, false],
  ] as const) {
    for (const m of execAll(re, text)) {
      const raw = m[1] ?? m[2];
      if (!raw) continue;
      const name = cleanName(raw, fromLabel);
      if (!name || seenNames.has(name.toLowerCase())) continue;
      seenNames.add(name.toLowerCase());
      const offset = text.indexOf(name, m.index + m[0].indexOf(raw));
      if (offset < 0) continue;
      const sameAsProfile = profileName ? namesMatch(name, profileName) : null;
      hits.push({ kind: 'payee', offset, match: name, name, sameAsProfile, label: sameAsProfile === false ? `Payee "${name}" differs from the profile name` : `Payee "${name}"` });
    }
  }

  // Every address has an "@": no scan of each word for one when the paste has none.
  if (text.includes('@')) for (const m of execAll(EMAIL, text)) hits.push({ kind: 'contact', offset: m.index, match: m[0], contact: 'email', value: m[0].toLowerCase(), changed: false, label: `E-mail ${m[0]}` });
  for (const m of execAll(PHONE, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 15) continue;
    if (hits.some((h) => h.kind === 'wallet' && m.index >= h.offset && m.index < h.offset + h.match.length)) continue;
    hits.push({ kind: 'contact', offset: m.index, match: m[0].trim(), contact: 'phone', value: digits, changed: false, label: `Phone ${m[0].trim()}` });
  }
  for (const m of execAll(IBAN, text)) {
    hits.push({ kind: 'bank-account', offset: m.index, match: m[0], value: m[0].replace(/ /g, ''), label: `IBAN ${m[0]}` });
  }
  for (const m of execAll(ACCOUNT_NO, text)) {
    const offset = m.index + m[0].lastIndexOf(m[1]!);
    if (hits.some((h) => (h.kind === 'bank-account' || h.kind === 'contact') && offset >= h.offset && offset < h.offset + h.match.length)) continue;
    hits.push({ kind: 'bank-account', offset, match: m[1]!, value: m[1]!.replace(/\D/g, ''), label: `Account number ${m[1]}` });
  }
  for (const m of execAll(URL_RE, text)) {
    let host: string;
    try {
      host = new URL(m[0].startsWith('http') ? m[0] : `https://${m[0]}`).hostname.toLowerCase();
    } catch {
      continue;
    }
    hits.push({ kind: 'link', offset: m.index, match: m[0], host, label: `Link to ${host}` });
  }
  return hits;
}

/** Analyse every paste of the notes against the profile's name. Validated output. */
export function analyzeNotes(notes: ManagerNotes | null | undefined, profileName: string | null): NotesAnalysis {
  return analyzePasted(notes?.pasted ?? [], profileName);
}

/** The same for the pasted texts alone (the notes panel re-runs it only when they change). */
export function analyzePasted(pasted: readonly PastedText[], profileName: string | null): NotesAnalysis {
  return NotesAnalysis.parse(buildAnalysis(pasted, profileName));
}

/**
 * The analysis as built, without the schema pass: what `analysisFor` gives the rules, where the parse was a quarter of
 * the notes' share of a check. The same value as `analyzePasted` (tests/unit/notes-analyze.test.ts checks it).
 */
const byOffset = (a: { offset: number }, b: { offset: number }): number => a.offset - b.offset;

function buildAnalysis(pasted: readonly PastedText[], profileName: string | null): NotesAnalysis {
  const hits: NotesHit[] = [];
  const providers: string[] = [];
  const firstContact: Partial<Record<'email' | 'phone', string>> = {};
  pasted.forEach((p, i) => {
    const segs = segments(p.text);
    const drafts = analysePaste(p, profileName, segs).sort(byOffset);
    const field = `notes.pasted[${i}]`;
    for (const d of drafts) {
      if (d.kind === 'contact') {
        const first = firstContact[d.contact];
        if (first === undefined) firstContact[d.contact] = d.value;
        else if (first !== d.value) d.changed = true;
      }
      if (d.kind === 'provider' && !providers.includes(d.provider)) providers.push(d.provider);
      // The draft (made for this paste only) completed in place, keys in the same order as `{ ...d, paste, field,
      // excerpt }`, which V8 (Node 20) runs at microseconds per hit.
      const h = d as Draft & { paste: number; field: string; excerpt: string };
      h.paste = i;
      h.field = field;
      h.excerpt = excerptAt(p.text, segs, d.offset, d.match.length);
      hits.push(h as NotesHit);
    }
  });
  return { profileName, pastes: pasted.length, hits, providers };
}

const cache = new WeakMap<ManagerNotes, Map<string, NotesAnalysis>>();
/** The analysis of these notes for this profile name, computed once per notes object (the rules share it). */
export function analysisFor(notes: ManagerNotes, profileName: string | null): NotesAnalysis {
  let m = cache.get(notes);
  if (!m) cache.set(notes, (m = new Map()));
  const key = profileName ?? '\u0000';
  let a = m.get(key);
  if (!a) m.set(key, (a = buildAnalysis(notes.pasted, profileName)));
  return a;
}

/** The hits of some kinds. */
export function hitsOf<K extends HitKind>(a: NotesAnalysis, ...kinds: K[]): HitOf<K>[] {
  return a.hits.filter((h): h is HitOf<K> => (kinds as HitKind[]).includes(h.kind));
}
