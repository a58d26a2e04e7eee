/**
 * Word patterns shared by the page rules (profile text) and the notes analysis (lib/notes/analyze.ts, pasted payment
 * instructions and messages), so both read the same sentence the same way. Pure data: no imports.
 */

/** Virtual currencies and their networks. */
export const CRYPTO =
  /\b(usdt|usdc|tether|bitcoin|btc|ethereum|eth|crypto(?:currenc(?:y|ies))?|stablecoins?|litecoin|ltc|monero|xmr|binance pay|trc-?20|erc-?20|bep-?20|virtual currenc(?:y|ies)|digital currenc(?:y|ies))\b/i;
/** Words that make a sentence about how someone is paid (building crypto products is ordinary work). */
export const PAYMENT_CONTEXT = /\b(pay|paid|payment|payments|payout|invoice|wallet|transfer|send|sent|receive|accept|prefer|settle)/i;

export const ADVANCE =
  /\b(advance payment|payment in advance|paid in advance|pay(?:ment)? (?:in )?up[- ]?front|up[- ]?front (?:payment|deposit)|pre-?payment|prepaid|pay(?:ment)? before (?:i )?start(?:ing)?|\d{1,3}\s?% (?:up[- ]?front|in advance|before (?:i )?start(?:ing)?|advance|deposit)|deposit before|full payment before)/i;
/** "No upfront payment needed" is the opposite of the sign. */
export const ADVANCE_NEGATED = /\b(no|without|never|don'?t (?:need|ask|require)|not required)\b[^.]{0,25}(advance|up[- ]?front|pre-?pay)/i;

const OTHER_PERSON = "(?:partner|friend|brother|sister|cousin|wife|husband|colleague|relative|uncle|aunt|father|mother|boss|manager|teammate|agent|someone else|another person|other person|third[- ]party)";
const ACCOUNT = '(?:account|paypal|payoneer|wise|bank|card|wallet|iban)';
export const THIRD_PARTY = new RegExp(
  [
    `\\b${OTHER_PERSON}(?:'s|’s|s')?\\s+(?:\\w+\\s+){0,3}${ACCOUNT}`,
    `\\b${ACCOUNT}\\s+(?:\\w+\\s+){0,3}(?:registered|opened|held|in)\\s+(?:to|under|in)?\\s*(?:a |an )?(?:different|another|other|someone else'?s|my \\w+'?s) name`,
    `\\b(?:different|another) (?:person'?s )?name on the (?:account|payment)`,
    `\\bpay(?:ment)? (?:to|into|via) (?:my|his|her) ${OTHER_PERSON}`,
  ].join('|'),
  'i',
);

export const PRC =
  /\b(alipay|wechat ?pay|weixin ?pay|tenpay|union ?pay|china unionpay|chinese bank(?: account)?|bank of china|icbc|china construction bank|agricultural bank of china|bank(?: account)? in (?:china|the prc)|prc bank)\b/i;
/** Building payment integrations for clients is ordinary work. */
export const INTEGRATION = /\b(integrat\w*|sdk|api|gateway|checkout|plugin|module|implemented|built|developed|e-?commerce|mini[- ]?program)\b/i;

/** Payment providers and methods, by display name; `prc` marks the PRC-linked ones (ADV22). */
export const PROVIDERS: [string, RegExp][] = [
  ['PayPal', /\bpay ?pal\b/i],
  ['Payoneer', /\bpayoneer\b/i],
  ['Wise', /\b(Wise|TransferWise|wise\.com)\b/],
  ['Skrill', /\bskrill\b/i],
  ['Western Union', /\bwestern union\b/i],
  ['MoneyGram', /\bmoney ?gram\b/i],
  ['Revolut', /\brevolut\b/i],
  ['Alipay', /\balipay\b/i],
  ['WeChat Pay', /\bwe ?chat ?pay\b/i],
  ['UnionPay', /\bunion ?pay\b/i],
  ['cryptocurrency', /\b(usdt|usdc|bitcoin|btc|crypto(?:currency)?)\b/i],
  ['bank transfer', /\b(bank transfer|wire transfer|swift|iban)\b/i],
];
export const PRC_PROVIDERS: ReadonlySet<string> = new Set(['Alipay', 'WeChat Pay', 'UnionPay']);
/** A stated change of payment account or method. */
export const PAYMENT_CHANGE = /\b(chang(?:e|ed|ing)|switch(?:ed|ing)?|new|different|another)\s+(?:\w+\s+){0,2}(payment|bank|account|paypal|payoneer|wallet|payment method)/i;

const APP = '(?:telegram|whats ?app|skype|signal|discord|wechat|weixin|kakao ?talk|viber|line (?:id|app))';
/** A handle, number or id next to a messaging app, or an invitation to talk there. */
export const OFF_PLATFORM = new RegExp(
  [
    `\\b${APP}\\b\\s*(?:id|handle|number|no\\.?)?\\s*[:\\-]?\\s*(?:@[\\w.]{3,}|\\+?\\d[\\d \\-]{6,}|live:[\\w.]+|t\\.me/\\w+)`,
    `\\b(?:contact|reach|message|text|ping|add|call|talk(?:\\s+to)?|chat(?:\\s+with)?|find|dm)\\s+me\\b[^.!?]{0,40}\\b${APP}\\b`,
    `\\b(?:let'?s|we can|we could|please)\\s+(?:talk|chat|connect|continue|discuss|move)\\b[^.!?]{0,30}\\b(?:on|via|over|to)\\s+${APP}\\b`,
    `\\bt\\.me/\\w+`,
    `\\b(?:outside (?:of )?(?:upwork|fiverr|freelancer|the platform|this platform|the site)|off[- ]platform)\\b`,
  ].join('|'),
  'i',
);

/** Hangul (Korean script): jamo, compatibility jamo and syllables. */
export const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]+/;

/**
 * `\b(?:w1|w2|…)` case-insensitive, with the words grouped by their first letter (`\b(?:a(?:ccount|dvance)|b(?:ank|tc)…)`):
 * the same matches, but at each word start the regex engine tries one group instead of every word (about three times
 * faster on profile texts; tests/unit/patterns-gates.test.ts compares it with the plain alternation). Each word is a
 * regex source that starts with a plain letter or digit not followed by a quantifier.
 */
export function wordsAtStart(words: readonly string[]): RegExp {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const head = w[0]!.toLowerCase();
    if (!/^[a-z0-9]$/.test(head) || /^[?*+{]/.test(w.slice(1))) throw new Error(`wordsAtStart: "${w}" does not start with a plain letter`);
    groups.set(head, [...(groups.get(head) ?? []), w.slice(1)]);
  }
  const alts = [...groups].map(([head, rests]) => (rests.length === 1 ? head + rests[0] : `${head}(?:${rests.join('|')})`));
  return new RegExp(`\\b(?:${alts.join('|')})`, 'i');
}

/** `wordsAtStart` for literal words (lower case; `.`, `/` and the like taken as themselves). */
export function literalWords(words: readonly string[]): RegExp {
  return wordsAtStart(words.map(escapeWord));
}
const escapeWord = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Word families: for each, the words (lower case, at a word start, case-insensitively) one of which every text a
 * pattern of the family matches contains. `familyMask` finds which families a text names in one pass, so a rule whose
 * family is absent skips the text without running its pattern. tests/unit/patterns-gates.test.ts checks each pattern
 * against its families, and `familyMask` against `literalWords` of each list.
 */
export const FAMILY_WORDS = {
  /** Any payment word: every payment pattern (CRYPTO, ADVANCE, PRC, THIRD_PARTY, PAYMENT_CHANGE, PROVIDERS) needs one (or a digit and "%"). */
  pay: 'account|pay|paid|wise|transferwise|bank|card|wallet|iban|usdt|usdc|tether|bitcoin|btc|eth|crypto|stablecoin|litecoin|ltc|monero|xmr|binance pay|trc|erc|bep|virtual currenc|digital currenc|advance|upfront|up-front|up front|prepa|pre-pa|deposit|full payment|alipay|wechat|we chat|weixin|tenpay|union|china|chinese|icbc|agricultural|prc|skrill|western union|moneygram|money gram|revolut|wire transfer|swift'.split('|'),
  /** CRYPTO's alternatives. */
  crypto: 'usdt|usdc|tether|bitcoin|btc|ethereum|eth|crypto|stablecoin|litecoin|ltc|monero|xmr|binance pay|trc|erc|bep|virtual currenc|digital currenc'.split('|'),
  /** ADVANCE: each alternative has one of these (or a digit and "%"). */
  advance: 'advance|upfront|up-front|up front|prepa|pre-pa|before|deposit'.split('|'),
  /** PRC's alternatives. */
  prc: 'alipay|wechat|we chat|weixin|tenpay|union|china|chinese|bank|icbc|agricultural|prc'.split('|'),
  /** ANY_PROVIDER: every one of PROVIDERS. */
  provider: 'paypal|pay pal|payoneer|wise|transferwise|skrill|western union|moneygram|money gram|revolut|alipay|wechatpay|wechat pay|we chatpay|we chat pay|unionpay|union pay|usdt|usdc|bitcoin|btc|crypto|bank transfer|wire transfer|swift|iban'.split('|'),
  /** THIRD_PARTY: every alternative needs an account word (paypal and payoneer start with "pay") or "pay… to my partner". */
  thirdParty: 'account|pay|wise|bank|card|wallet|iban'.split('|'),
  /** THIRD_PARTY also needs another person or a name: each alternative names one (OTHER_PERSON) or says "… name". */
  otherPerson: 'partner|friend|brother|sister|cousin|wife|husband|colleague|relative|uncle|aunt|father|mother|boss|manager|teammate|agent|someone else|another person|other person|third party|third-party|name'.split('|'),
  /** PAYMENT_CHANGE's first words. */
  change: 'chang|switch|new|different|another'.split('|'),
  /** OFF_PLATFORM: the messaging apps, t.me links, "outside" and "off-platform". */
  offPlatform: 'telegram|whatsapp|whats app|skype|signal|discord|wechat|weixin|kakaotalk|kakao talk|viber|line id|line app|t.me/|outside|off-platform|off platform'.split('|'),
  /** lib/rules/loc-claim.ts CLAIM_WORD ("-based", "located in", …). */
  claim: 'based|located|living|residing|live|reside'.split('|'),
  // Each of PROVIDERS (PROVIDER_FAMILY), so a text is tested only for the providers whose words it has.
  pPayPal: ['paypal', 'pay pal'],
  pPayoneer: ['payoneer'],
  pWise: ['wise', 'transferwise'],
  pSkrill: ['skrill'],
  pWesternUnion: ['western union'],
  pMoneyGram: ['moneygram', 'money gram'],
  pRevolut: ['revolut'],
  pAlipay: ['alipay'],
  pWeChatPay: ['wechatpay', 'wechat pay', 'we chatpay', 'we chat pay'],
  pUnionPay: ['unionpay', 'union pay'],
  pCrypto: ['usdt', 'usdc', 'bitcoin', 'btc', 'crypto'],
  pBank: ['bank transfer', 'wire transfer', 'swift', 'iban'],
} as const;
export type Family = keyof typeof FAMILY_WORDS;
/** One bit per family, for `familyMask`. */
export const FAMILY = Object.fromEntries(Object.keys(FAMILY_WORDS).map((f, i) => [f, 1 << i])) as Record<Family, number>;

const PERCENT = /\d\s?%/;
/** ADVANCE and the payment family also match a digit followed by "%" ("50% upfront"). */
const PERCENT_BITS = FAMILY.pay | FAMILY.advance;
/** Each word with the families of every word that is a prefix of it (they match where it does). */
const WORD_BITS = new Map<string, number>();
const FAMILY_SCAN = (() => {
  const own = new Map<string, number>();
  for (const [f, ws] of Object.entries(FAMILY_WORDS)) for (const w of ws) own.set(w, (own.get(w) ?? 0) | FAMILY[f as Family]);
  for (const w of own.keys()) {
    let bits = 0;
    for (const [u, b] of own) if (w.startsWith(u)) bits |= b;
    WORD_BITS.set(w, bits);
  }
  // Grouped by first letter, longest first in each group: at a word start the match is the longest word there, and
  // every shorter word that matches there is its prefix (so its bits are in the longest word's).
  const groups = new Map<string, string[]>();
  for (const w of [...own.keys()].sort((a, b) => b.length - a.length)) groups.set(w[0]!, [...(groups.get(w[0]!) ?? []), w]);
  return new RegExp(`\\b(?:${[...groups].map(([h, ws]) => `${escapeWord(h)}(?:${ws.map((w) => escapeWord(w.slice(1))).join('|')})`).join('|')})`, 'gi');
})();
const ALL_BITS = Object.values(FAMILY).reduce((a, b) => a | b, 0);

/**
 * The families (FAMILY bits) whose words the text names: bit f is set exactly when `literalWords(FAMILY_WORDS[f])`
 * matches the text (pay and advance also on a digit followed by "%"). One pass over the text for every family.
 */
export function familyMask(s: string): number {
  let mask = s.includes('%') && PERCENT.test(s) ? PERCENT_BITS : 0;
  const re = FAMILY_SCAN;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    mask |= WORD_BITS.get(m[0].toLowerCase()) ?? ALL_BITS;
    if (mask === ALL_BITS) break;
    // Next position, not past the match: a word inside the match ("binance pay") may start a longer one.
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  return mask;
}

/**
 * Gates: for a slow pattern, a simpler one that matches wherever it does (at the same word start), so a text the gate
 * does not match is skipped without running the pattern. Most profile texts mention no payment or messaging word, and
 * these alternations with many branches after each word cost two to five times their gate.
 * tests/unit/patterns-gates.test.ts checks every gate against generated and fixture texts.
 */
export const GATES: ReadonlyMap<RegExp, RegExp> = new Map([
  // Every alternative needs an account word (paypal and payoneer start with "pay") or "pay… to my partner".
  [THIRD_PARTY, literalWords(FAMILY_WORDS.thirdParty)],
  [OFF_PLATFORM, literalWords(FAMILY_WORDS.offPlatform)],
]);

/**
 * Payment words: a text this does not match cannot match CRYPTO, ADVANCE, PRC, THIRD_PARTY, PAYMENT_CHANGE or any of
 * PROVIDERS (each needs one of these words at a word start, or a digit and "%"). One pass over a text instead of one
 * per pattern; most profile texts say nothing about payment.
 */
const PAYMENT_WORD = literalWords(FAMILY_WORDS.pay);
/** Tested as two patterns: "%" is rare, and one alternation of words is faster without the digit branch. */
export const PAYMENT_WORDS = { test: (s: string): boolean => PAYMENT_WORD.test(s) || (s.includes('%') && PERCENT.test(s)) };
/** The patterns PAYMENT_WORDS rules out. */
export const PAYMENT_PATTERNS: ReadonlySet<RegExp> = new Set([CRYPTO, ADVANCE, PRC, THIRD_PARTY, PAYMENT_CHANGE, ...PROVIDERS.map(([, re]) => re)]);

/** Any of PROVIDERS (Wise case-insensitively here, so a superset): one pass instead of twelve on a text with none. */
export const ANY_PROVIDER = literalWords(FAMILY_WORDS.provider);

/** The family of each of PROVIDERS' words, by display name. */
const PROVIDER_FAMILY: Record<string, Family> = {
  PayPal: 'pPayPal',
  Payoneer: 'pPayoneer',
  Wise: 'pWise',
  Skrill: 'pSkrill',
  'Western Union': 'pWesternUnion',
  MoneyGram: 'pMoneyGram',
  Revolut: 'pRevolut',
  Alipay: 'pAlipay',
  'WeChat Pay': 'pWeChatPay',
  UnionPay: 'pUnionPay',
  cryptocurrency: 'pCrypto',
  'bank transfer': 'pBank',
};

/** The families a text must name for each pattern to match it (all the bits given). */
export const PATTERN_FAMILIES: ReadonlyMap<RegExp, number> = new Map([
  [CRYPTO, FAMILY.crypto],
  [ADVANCE, FAMILY.pay | FAMILY.advance],
  [PRC, FAMILY.prc],
  [THIRD_PARTY, FAMILY.pay | FAMILY.thirdParty | FAMILY.otherPerson],
  [PAYMENT_CHANGE, FAMILY.pay | FAMILY.change],
  ...PROVIDERS.map(([name, re]) => [re, FAMILY.provider | FAMILY[PROVIDER_FAMILY[name]!]] as [RegExp, number]),
  [OFF_PLATFORM, FAMILY.offPlatform],
]);
