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

/**
 * Gates: for a slow pattern, a simpler one that matches wherever it does (at the same word start), so a text the gate
 * does not match is skipped without running the pattern. Most profile texts mention no payment or messaging word, and
 * these alternations with many branches after each word cost two to five times their gate.
 * tests/unit/patterns-gates.test.ts checks every gate against generated and fixture texts.
 */
export const GATES: ReadonlyMap<RegExp, RegExp> = new Map([
  // Every alternative needs an account word (paypal and payoneer start with "pay") or "pay… to my partner".
  [THIRD_PARTY, /\b(?:account|pay|wise|bank|card|wallet|iban)/i],
  [OFF_PLATFORM, wordsAtStart(['telegram', 'whats ?app', 'skype', 'signal', 'discord', 'wechat', 'weixin', 'kakao ?talk', 'viber', 'line (?:id|app)', 't\\.me\\/', 'outside', 'off[- ]platform'])],
]);

/**
 * Payment words: a text this does not match cannot match CRYPTO, ADVANCE, PRC, THIRD_PARTY, PAYMENT_CHANGE or any of
 * PROVIDERS (each needs one of these words at a word start, or a digit and "%"). One pass over a text instead of one
 * per pattern; most profile texts say nothing about payment.
 */
const PAYMENT_WORD = wordsAtStart(
  'account|pay|paid|wise|transferwise|bank|card|wallet|iban|usdt|usdc|tether|bitcoin|btc|eth|crypto|stablecoin|litecoin|ltc|monero|xmr|binance pay|trc|erc|bep|virtual currenc|digital currenc|advance|up[- ]?front|pre-?pa|deposit|full payment|alipay|we ?chat|weixin|tenpay|union|china|chinese|icbc|agricultural|prc|skrill|western union|money ?gram|revolut|wire transfer|swift'.split('|'),
);
const PERCENT = /\d\s?%/;
/** Tested as two patterns: "%" is rare, and one alternation of words is faster without the digit branch. */
export const PAYMENT_WORDS = { test: (s: string): boolean => PAYMENT_WORD.test(s) || (s.includes('%') && PERCENT.test(s)) };
/** The patterns PAYMENT_WORDS rules out. */
export const PAYMENT_PATTERNS: ReadonlySet<RegExp> = new Set([CRYPTO, ADVANCE, PRC, THIRD_PARTY, PAYMENT_CHANGE, ...PROVIDERS.map(([, re]) => re)]);

/** Any of PROVIDERS (Wise case-insensitively here, so a superset): one pass instead of twelve on a text with none. */
export const ANY_PROVIDER =
  /\b(?:pay ?pal|payoneer|wise|transferwise|skrill|western union|money ?gram|revolut|alipay|we ?chat ?pay|union ?pay|usdt|usdc|bitcoin|btc|crypto|bank transfer|wire transfer|swift|iban)/i;
