import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { clip, profileTexts, sentences } from './text';

/** Payment providers and methods, by display name. */
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
const CHANGE = /\b(chang(?:e|ed|ing)|switch(?:ed|ing)?|new|different|another)\s+(?:\w+\s+){0,2}(payment|bank|account|paypal|payoneer|wallet|payment method)/i;
const INTEGRATION = /\b(integrat\w*|sdk|api|gateway|checkout|plugin)\b/i;

export const payChanging: Rule = {
  meta: {
    id: 'pay-changing',
    title: 'Several payment providers, or payment details that change',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Counts the payment providers named in the overview, payment notes and review texts, and looks for payment details that changed. The FBI guidance (2023) and the 2022 advisory list varying payment providers, bank accounts and methods as a red flag. Three or more providers alone is a low-severity finding; a stated change of account is medium.',
  },
  check(p) {
    const found = new Map<string, Evidence>();
    const changes: Evidence[] = [];
    for (const t of profileTexts(p)) {
      for (const s of sentences(t.text)) {
        if (INTEGRATION.test(s)) continue;
        for (const [name, re] of PROVIDERS) if (re.test(s) && !found.has(name)) found.set(name, { field: t.field, excerpt: clip(s) });
        if (CHANGE.test(s) && PROVIDERS.some(([, re]) => re.test(s) || /\b(payment|bank|account)\b/i.test(s))) changes.push({ field: t.field, excerpt: clip(s) });
      }
    }
    if (changes.length) {
      return [
        {
          title: 'Payment details changed',
          explanation: `The profile text says the payment account or method changed ("${changes[0]!.excerpt}"). The FBI guidance (PSA 2023) and the 2022 advisory list changing payment providers or bank accounts as a red flag, since it can hide who receives the money.`,
          evidence: changes,
          nextStep: 'Pay only through the platform to the verified account holder, and ask why the payment details changed.',
        },
      ];
    }
    if (found.size < 3) return [];
    const names = [...found.keys()];
    const evidence = [...new Map([...found.values()].map((e) => [`${e.field}|${e.excerpt}`, e])).values()];
    return [
      {
        severity: 'low',
        title: `${found.size} payment providers mentioned`,
        explanation: `The profile mentions ${found.size} different payment providers or methods (${names.join(', ')}). The FBI guidance (PSA 2023) and the 2022 advisory note that IT workers using false identities often use varying payment providers and accounts. Accepting several methods is also common; this is a low-severity sign.`,
        evidence,
        nextStep: 'Pay only through the platform to the verified account holder.',
      },
    ];
  },
};
