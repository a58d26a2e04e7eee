/**
 * The rules over the manager's own evidence (ctx.notes): each fires on a concern or on pasted text, stays silent on a
 * near miss, and stays silent when there are no notes. Evidence paths resolve into the notes (`notes.pasted[1]`).
 */
import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../lib/notes/schema';
import { address } from '../../lib/rules/address';
import { camera } from '../../lib/rules/camera';
import { cheating } from '../../lib/rules/cheating';
import { contactChanging } from '../../lib/rules/contact-changing';
import { drugTest } from '../../lib/rules/drug-test';
import { empFront } from '../../lib/rules/emp-front';
import { extortion } from '../../lib/rules/extortion';
import { langKorean } from '../../lib/rules/lang-korean';
import { offPlatform } from '../../lib/rules/off-platform';
import { payAdvance } from '../../lib/rules/pay-advance';
import { payChanging } from '../../lib/rules/pay-changing';
import { payCrypto } from '../../lib/rules/pay-crypto';
import { payPrc } from '../../lib/rules/pay-prc';
import { payThirdParty } from '../../lib/rules/pay-third-party';
import { proxyAccount } from '../../lib/rules/proxy-account';
import type { Rule } from '../../lib/rules';
import { makeProfile } from './helpers';
import { fireN, makeNotes, paste } from './notes-helpers';

const P = makeProfile({ name: 'Daniel K.', location: { raw: 'Dallas, TX, United States', city: 'Dallas', country: 'US' } });
const withChecklist = (item: ChecklistItem, answer: 'concern' | 'no-concern' | 'unknown', note = '') => makeNotes({ checklist: { [item]: { answer, note } } });
const pasted = (...ps: ReturnType<typeof paste>[]) => makeNotes({ pasted: ps });

/** Checklist rules: a concern fires with the manager's note as evidence; other answers and null notes are silent. */
const CHECKLIST: [Rule, ChecklistItem, RegExp][] = [
  [camera, 'camera', /camera/i],
  [camera, 'timeLocation', /time or place/i],
  [drugTest, 'drugTest', /drug test/i],
  [drugTest, 'inPerson', /in-person/i],
  [cheating, 'readingAnswers', /read answers/i],
  [address, 'addressChange', /address/i],
  [extortion, 'threats', /threat/i],
  [contactChanging, 'contactChanging', /contact/i],
  [proxyAccount, 'proxyAccount', /account/i],
  [payAdvance, 'advancePay', /advance/i],
];

describe('checklist concerns', () => {
  for (const [rule, item, title] of CHECKLIST) {
    it(`${rule.meta.id} fires on a "${item}" concern with the note as evidence`, () => {
      const [f, ...rest] = fireN(rule, P, withChecklist(item, 'concern', 'Kept the camera off, said the webcam was broken.'));
      expect(rest).toEqual([]);
      expect(f!.title).toMatch(title);
      expect(f!.evidence[0]).toEqual({ field: `notes.checklist.${item}`, excerpt: 'Kept the camera off, said the webcam was broken.' });
      expect(f!.explanation).toContain('Kept the camera off');
    });
    it(`${rule.meta.id} is silent on "no-concern" and "not checked" for "${item}" (near miss)`, () => {
      expect(fireN(rule, P, withChecklist(item, 'no-concern', 'All fine.'))).toEqual([]);
      expect(fireN(rule, P, withChecklist(item, 'unknown'))).toEqual([]);
    });
  }
  it('a concern without a note still shows what was marked', () => {
    expect(fireN(camera, P, withChecklist('camera', 'concern'))[0]!.evidence[0]!.excerpt).toBe('Marked as a concern (no note written)');
  });
  it('every notes rule is silent without notes (missing data)', () => {
    for (const rule of [camera, drugTest, cheating, address, extortion, contactChanging, proxyAccount]) {
      expect(fireN(rule, P, null), rule.meta.id).toEqual([]);
      expect(fireN(rule, P, makeNotes()), rule.meta.id).toEqual([]);
    }
  });
  it('camera wording asks for a live video call with the camera on, never a verdict', () => {
    expect(fireN(camera, P, withChecklist('camera', 'concern'))[0]!.nextStep).toMatch(/live video call with the camera on/);
  });
});

describe('address', () => {
  it('fires high on a changed shipping address, with the earlier and the current one as evidence', () => {
    const notes = makeNotes({ shippingAddress: '88 Harbor Rd, Newark, NJ 07114', previousAddresses: ['1200 Elm St, Dallas, TX 75201'] });
    const [f] = fireN(address, P, notes);
    expect(f!.severity).toBeUndefined(); // the rule's high
    expect(f!.evidence.map((e) => e.field)).toEqual(['notes.previousAddresses[0]', 'notes.shippingAddress']);
    expect(f!.nextStep).toMatch(/verify the ID against the shipping address/i);
  });
  it('is silent when the "previous" address is the same one typed differently (near miss)', () => {
    expect(fireN(address, P, makeNotes({ shippingAddress: '1200 Elm St., Dallas TX 75201', previousAddresses: ['1200 elm st, dallas, tx 75201'] }))).toEqual([]);
    expect(fireN(address, P, makeNotes({ shippingAddress: '1200 Elm St, Dallas, TX 75201' }))).toEqual([]);
  });
  it('a checklist concern and a recorded change make one finding with both as evidence', () => {
    const notes = makeNotes({
      checklist: { addressChange: { answer: 'concern', note: 'Asked to ship to a friend after the offer.' } },
      shippingAddress: '88 Harbor Rd, Newark, NJ 07114',
      previousAddresses: ['1200 Elm St, Dallas, TX 75201'],
    });
    const f = fireN(address, P, notes);
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.map((e) => e.field)).toEqual(['notes.checklist.addressChange', 'notes.previousAddresses[0]', 'notes.shippingAddress']);
    expect(f[0]!.explanation).toMatch(/changed once: from "1200 Elm St, Dallas, TX 75201" to "88 Harbor Rd, Newark, NJ 07114"/);
  });
  it('fires high on a parcel forwarder and medium on a PO box', () => {
    const [fw] = fireN(address, P, makeNotes({ shippingAddress: 'c/o Shipito, 1710 Yale Ave, Hawthorne CA — package forwarding' }));
    expect(fw!.title).toMatch(/forwarding service/);
    expect(fw!.severity).toBeUndefined();
    const [po] = fireN(address, P, makeNotes({ shippingAddress: 'PO Box 4411, Dallas, TX 75208' }));
    expect(po!.severity).toBe('medium');
  });
});

describe('extortion', () => {
  it('fires on a pasted threat with the paste as evidence', () => {
    const notes = pasted(paste('message', 'Thanks for the work.'), paste('message', 'Pay the last invoice by Friday or I will publish your source code on GitHub.'));
    const [f] = fireN(extortion, P, notes);
    expect(f!.evidence).toEqual([{ field: 'notes.pasted[1]', excerpt: 'Pay the last invoice by Friday or I will publish your source code on GitHub.' }]);
    expect(f!.explanation).toMatch(/pasted text 2/);
  });
  it('is silent on a promise to deliver the code after payment (near miss)', () => {
    expect(fireN(extortion, P, pasted(paste('message', 'I will release the source code to your repo once the milestone is approved.')))).toEqual([]);
  });
});

describe('contact-changing and proxy-account from pasted text', () => {
  it('contact-changing fires when a later paste gives another e-mail, and shows both', () => {
    const notes = pasted(paste('message', 'My email: dan.k@proton.me'), paste('message', 'Please use dk.dev@gmail.com from now on.'));
    const [f] = fireN(contactChanging, P, notes);
    expect(f!.evidence.map((e) => e.field)).toEqual(['notes.pasted[0]', 'notes.pasted[1]']);
  });
  it('contact-changing is silent when the same e-mail is repeated (near miss)', () => {
    expect(fireN(contactChanging, P, pasted(paste('message', 'Mail: dan.k@proton.me'), paste('message', 'Again: Dan.K@proton.me')))).toEqual([]);
  });
  it('proxy-account fires on talk of renting an account, silent on ordinary account talk (near miss)', () => {
    expect(fireN(proxyAccount, P, pasted(paste('message', 'I can pay you $200 a month to rent your verified Upwork account.')))).toHaveLength(1);
    expect(fireN(proxyAccount, P, pasted(paste('message', 'I created a new account on your staging server.')))).toEqual([]);
  });
});

describe('payment rules read the pasted text', () => {
  it('pay-crypto fires on a wallet address in a payment paste', () => {
    const [f] = fireN(payCrypto, P, pasted(paste('payment', 'USDT (TRC20): TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')));
    expect(f!.title).toMatch(/wallet address/);
    expect(f!.evidence[0]!.field).toBe('notes.pasted[0]');
    expect(f!.explanation).toMatch(/TRON/);
  });
  it('pay-crypto is silent on crypto as the work in a message (near miss) and without notes', () => {
    expect(fireN(payCrypto, P, pasted(paste('message', 'I deployed the ERC-20 token contract yesterday.')))).toEqual([]);
    expect(fireN(payCrypto, P, null)).toEqual([]);
  });
  it('pay-third-party fires on a payee name that differs from the profile', () => {
    const [f] = fireN(payThirdParty, P, pasted(paste('payment', 'Bank transfer.\nBeneficiary: Ri Song Chol\nIBAN: DE89 3704 0044 0532 0130 00')));
    expect(f!.explanation).toContain('"Ri Song Chol", which does not match the profile name "Daniel K."');
    expect(f!.nextStep).toMatch(/verified account holder/);
  });
  it("pay-third-party is silent when the payee is the profile's own name in another order (near miss), and with no profile name", () => {
    expect(fireN(payThirdParty, P, pasted(paste('payment', 'Account holder: KIM DANIEL')))).toEqual([]);
    expect(fireN(payThirdParty, makeProfile({ name: null }), pasted(paste('payment', 'Account holder: Ri Song Chol')))).toEqual([]);
  });
  it('pay-third-party fires on "my brother\'s PayPal" in a message', () => {
    expect(fireN(payThirdParty, P, pasted(paste('message', "Please send it to my brother's PayPal, mine is limited.")))).toHaveLength(1);
  });
  it('pay-prc fires on Alipay in a payment paste, silent on Alipay integration talk in a message (near miss)', () => {
    expect(fireN(payPrc, P, pasted(paste('payment', 'Alipay: 138 0000 0000')))[0]!.title).toMatch(/PRC-linked/);
    expect(fireN(payPrc, P, pasted(paste('message', 'I integrated the Alipay SDK for your checkout.')))).toEqual([]);
  });
  it('pay-advance fires on a pasted advance demand, silent on milestones (near miss)', () => {
    expect(fireN(payAdvance, P, pasted(paste('message', 'I need 50% upfront before I start, otherwise I cannot continue.')))).toHaveLength(1);
    expect(fireN(payAdvance, P, pasted(paste('message', 'No upfront payment needed; milestones through Upwork are fine.')))).toEqual([]);
  });
  it('pay-changing fires when a later payment paste names only another service', () => {
    const notes = pasted(paste('payment', 'Pay via PayPal to Daniel Kim.'), paste('message', 'thanks'), paste('payment', 'PayPal is blocked, please pay via Wise.'));
    const [none] = fireN(payChanging, P, notes);
    expect(none).toBeUndefined(); // the third paste names PayPal too: not a clean switch
    const [f] = fireN(payChanging, P, pasted(paste('payment', 'Pay via PayPal to Daniel Kim.'), paste('payment', 'Please pay via Wise now.')));
    expect(f!.explanation).toMatch(/between pasted text 1 \(PayPal\) and pasted text 2 \(Wise\)/);
    expect(f!.severity).toBeUndefined();
  });
  it('pay-changing: different payee names across payment pastes are a change', () => {
    const notes = pasted(paste('payment', 'Account holder: Daniel Kim'), paste('payment', 'Account holder: Chen Wei Ming'));
    const [f] = fireN(payChanging, P, notes);
    expect(f!.explanation).toMatch(/the payee name differs between pasted text 1 \(Daniel Kim\) and pasted text 2 \(Chen Wei Ming\)/);
  });
  it('pay-changing: a different IBAN in a later paste is a change; the same IBAN with other spacing is not (near miss)', () => {
    const [f] = fireN(payChanging, P, pasted(paste('payment', 'Bank transfer to IBAN DE89 3704 0044 0532 0130 00'), paste('payment', 'Please use my new IBAN GB29NWBK60161331926819 instead')));
    expect(f!.evidence.map((e) => e.field)).toEqual(['notes.pasted[0]', 'notes.pasted[1]']);
    expect(f!.explanation).toMatch(/bank account differs between pasted text 1 \(DE89370400440532013000\) and pasted text 2 \(GB29NWBK60161331926819\)/);
    expect(fireN(payChanging, P, pasted(paste('payment', 'IBAN DE89 3704 0044 0532 0130 00'), paste('payment', 'IBAN: DE89370400440532013000')))).toEqual([]);
  });
  it('pay-changing: different wallets across pastes are a change; one paste with two services is not (near miss); three services are low', () => {
    expect(fireN(payChanging, P, pasted(paste('payment', 'USDT TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE'), paste('payment', 'New wallet: TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7')))).toHaveLength(1);
    expect(fireN(payChanging, P, pasted(paste('payment', 'PayPal or Wise, as you prefer.')))).toEqual([]);
    expect(fireN(payChanging, P, pasted(paste('payment', 'PayPal, Wise or Payoneer, as you prefer.')))[0]!.severity).toBe('low');
  });
});

describe('off-platform, emp-front and lang-korean read the pasted text', () => {
  it('off-platform fires on a pasted invitation to Telegram, silent on a message without one (near miss)', () => {
    expect(fireN(offPlatform, P, pasted(paste('message', "Let's continue on Telegram, my handle is @dankdev.")))[0]!.evidence[0]!.field).toBe('notes.pasted[0]');
    expect(fireN(offPlatform, P, pasted(paste('message', 'I will send the build through the platform tomorrow.')))).toEqual([]);
  });
  it('emp-front fires on a pasted payee or link matching a named front company, not on an ordinary one (near miss)', () => {
    const f = fireN(empFront, P, pasted(paste('payment', 'Beneficiary: HopanaTech\nBank: ...'), paste('message', 'Our site: https://www.example.org')));
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence[0]!.field).toBe('notes.pasted[0]');
    expect(f[0]!.explanation).toMatch(/^Your pasted text 1/);
    expect(fireN(empFront, P, pasted(paste('payment', 'Beneficiary: Northwind Labs LLC')))).toEqual([]);
  });
  it('lang-korean fires on Korean in a pasted message on a US profile; silent for a Korea profile or an unknown location', () => {
    const notes = pasted(paste('message', '네, 내일 보내드리겠습니다. Will send tomorrow.'));
    const [f] = fireN(langKorean, P, notes);
    expect(f!.evidence.map((e) => e.field)).toEqual(['notes.pasted[0]', 'location.country']);
    expect(fireN(langKorean, makeProfile({ location: { raw: 'Seoul, South Korea', city: 'Seoul', country: 'KR' } }), notes)).toEqual([]);
    expect(fireN(langKorean, makeProfile({ location: null }), notes)).toEqual([]);
  });
});
