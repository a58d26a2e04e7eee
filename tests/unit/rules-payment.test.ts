import { describe, expect, it } from 'vitest';
import { payAdvance } from '../../lib/rules/pay-advance';
import { payChanging } from '../../lib/rules/pay-changing';
import { payCrypto } from '../../lib/rules/pay-crypto';
import { payPrc } from '../../lib/rules/pay-prc';
import { payThirdParty } from '../../lib/rules/pay-third-party';
import { makeProfile } from './helpers';
import { fire } from './rule-helpers';

const review = (text: string) => ({ date: null, rating: 5, text });

describe('pay-crypto', () => {
  it('fires on a request to be paid in USDT in the overview', () => {
    const p = makeProfile({ overview: 'Senior dev. For long contracts I prefer payment in USDT (crypto).' });
    const [f] = fire(payCrypto, p);
    expect(f!.evidence).toEqual([{ field: 'overview', excerpt: 'For long contracts I prefer payment in USDT (crypto).' }]);
    expect(f!.explanation).toMatch(/virtual currency/);
  });
  it('fires on a review saying payment was sent in Bitcoin', () => {
    const p = makeProfile({ reviews: [review('Great work.'), review('Paid him in bitcoin as requested.')] });
    expect(fire(payCrypto, p)[0]!.evidence[0]!.field).toBe('reviews[1].text');
  });
  it('stays silent on crypto as the work itself (near miss)', () => {
    expect(fire(payCrypto, makeProfile({ overview: 'I build crypto trading bots and Ethereum smart contracts.' }))).toEqual([]);
  });
  it('stays silent with no text', () => {
    expect(fire(payCrypto, makeProfile())).toEqual([]);
  });
  it('reports a payment excerpt once, at its original place', () => {
    const s = 'I accept payment in USDT only.';
    const p = makeProfile({ overview: s, paymentMentions: [s] });
    expect(fire(payCrypto, p)[0]!.evidence).toHaveLength(1);
  });
  it('uses a payment excerpt that is not elsewhere in the profile', () => {
    const p = makeProfile({ paymentMentions: ['Payment via USDT wallet (TRC20).'] });
    expect(fire(payCrypto, p)[0]!.evidence[0]!.field).toBe('paymentMentions[0]');
  });
});

describe('pay-advance', () => {
  it('fires on a 50% advance payment', () => {
    const p = makeProfile({ overview: 'I require an advance payment of 50% before starting.' });
    expect(fire(payAdvance, p)).toHaveLength(1);
  });
  it('fires on "pay upfront" in a review', () => {
    expect(fire(payAdvance, makeProfile({ reviews: [review('He insisted I pay upfront for the whole project.')] }))).toHaveLength(1);
  });
  it('stays silent on milestones and "no upfront payment" (near miss)', () => {
    const p = makeProfile({ overview: 'Happy to start with a paid trial milestone through Upwork. No upfront payment needed.' });
    expect(fire(payAdvance, p)).toEqual([]);
  });
  it('stays silent with no text', () => {
    expect(fire(payAdvance, makeProfile())).toEqual([]);
  });
});

describe('pay-third-party', () => {
  it("fires on payment sent to a partner's Payoneer account (review)", () => {
    const p = makeProfile({ reviews: [review('Great developer. Payment was sent to his partner\'s Payoneer account as he asked.')] });
    const [f] = fire(payThirdParty, p);
    expect(f!.evidence[0]!.field).toBe('reviews[0].text');
    expect(f!.explanation).toMatch(/another person's account/);
  });
  it('fires on an account registered to a different name', () => {
    expect(fire(payThirdParty, makeProfile({ overview: 'Please pay to my PayPal account registered under a different name.' }))).toHaveLength(1);
  });
  it("stays silent on the freelancer's own account and on a partner mentioned otherwise (near miss)", () => {
    const p = makeProfile({ overview: 'Paid through my own Payoneer account. I worked with a partner agency on design.' });
    expect(fire(payThirdParty, p)).toEqual([]);
  });
  it('stays silent with no text', () => {
    expect(fire(payThirdParty, makeProfile())).toEqual([]);
  });
});

describe('pay-prc', () => {
  it('fires on payment by Alipay or WeChat Pay', () => {
    const [f] = fire(payPrc, makeProfile({ overview: 'I accept payment by Alipay or WeChat Pay.' }));
    expect(f!.explanation).toMatch(/Alipay/);
  });
  it('fires on a transfer to a Chinese bank account in a payment note', () => {
    expect(fire(payPrc, makeProfile({ paymentMentions: ['Send the money to my Bank of China account.'] }))).toHaveLength(1);
  });
  it('stays silent on integrating Alipay for clients (near miss)', () => {
    expect(fire(payPrc, makeProfile({ overview: 'I integrated Alipay and WeChat Pay checkout for e-commerce clients.' }))).toEqual([]);
  });
  it('stays silent with no text', () => {
    expect(fire(payPrc, makeProfile())).toEqual([]);
  });
});

describe('pay-changing', () => {
  it('reports three or more payment providers at low severity', () => {
    const p = makeProfile({ overview: 'I accept PayPal, Payoneer and Wise.', reviews: [review('Paid by Skrill, fine.')] });
    const [f] = fire(payChanging, p);
    expect(f!.severity).toBe('low');
    expect(f!.title).toBe('4 payment providers mentioned');
  });
  it('reports a changed payment account at medium severity', () => {
    const [f] = fire(payChanging, makeProfile({ reviews: [review('Halfway through he asked me to use a new PayPal account.')] }));
    expect(f!.severity).toBeUndefined(); // the rule's medium
    expect(f!.title).toBe('Payment details changed');
  });
  it('stays silent on two providers and on the word "otherwise" (near miss)', () => {
    expect(fire(payChanging, makeProfile({ overview: 'Payment via PayPal or Payoneer, otherwise through Upwork.' }))).toEqual([]);
  });
  it('stays silent with no text', () => {
    expect(fire(payChanging, makeProfile())).toEqual([]);
  });
});
