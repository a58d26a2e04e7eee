/**
 * Whole profiles with the manager's notes through the whole rule set: the level each reaches, and that strong notes
 * findings (camera refusal, extortion, a third-party payee, an address change) raise a clean page to high while
 * "no concern" answers and ordinary payment instructions leave it at none.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import type { ManagerNotes } from '../../lib/notes/schema';
import type { Profile } from '../../lib/profile/schema';
import { Report, type Level } from '../../lib/report/schema';
import { emp, makeProfile, NOW, resolvePath } from './helpers';
import { concernOn, makeNotes, paste } from './notes-helpers';

const loc = (raw: string, country: string, city: string | null = null) => ({ raw, city, country });

/** A clean US profile; the page alone gives no flags. */
const dallas = makeProfile({
  name: 'Daniel K.',
  headline: 'Senior Full-Stack Engineer (React, Node.js)',
  location: loc('Dallas, TX, United States', 'US', 'Dallas'),
  localTime: '6:10 am local time',
  overview: 'Full-stack engineer with 9 years of experience.',
  languages: [{ name: 'English', level: 'Fluent' }],
  employment: [emp('Brightline Software Inc.', 'US', { start: '2017-06', end: '2020-12' }), emp('Northwind Labs', 'US', { start: '2021-01', end: null })],
});
const berlin = makeProfile({
  name: 'Lena Müller',
  headline: 'Frontend Developer (Vue, TypeScript)',
  location: loc('Berlin, Germany', 'DE', 'Berlin'),
  localTime: '1:05 pm',
  overview: 'Frontend developer in Berlin.',
  employment: [emp('Zalando', 'DE', { start: '2018-01', end: null })],
});

const SCENARIOS: { name: string; profile: Profile; notes: ManagerNotes | null; level: Level; rules: string[] }[] = [
  { name: 'clean page, no notes', profile: dallas, notes: null, level: 'none', rules: [] },
  {
    name: 'clean page; every checklist item checked with no concern; own-name PayPal instructions',
    profile: dallas,
    notes: makeNotes({
      checklist: { camera: { answer: 'no-concern', note: 'Camera on for 45 minutes.' }, drugTest: { answer: 'no-concern', note: '' }, addressChange: { answer: 'unknown', note: '' } },
      shippingAddress: '1200 Elm St, Dallas, TX 75201',
      pasted: [paste('payment', 'Please pay through Upwork milestones. Account holder: Daniel Kim (PayPal).')],
    }),
    level: 'none',
    rules: [],
  },
  {
    name: 'Berlin developer whose payee is her own name with accents dropped and order swapped',
    profile: berlin,
    notes: makeNotes({ pasted: [paste('payment', 'Beneficiary: MULLER, Lena\nIBAN DE89 3704 0044 0532 0130 00 (bank transfer)')] }),
    level: 'none',
    rules: [],
  },
  {
    name: 'camera kept off in the interview (strong): a clean page goes high',
    profile: dallas,
    notes: makeNotes({ checklist: { camera: concernOn('Would not turn the camera on in two calls.') } }),
    level: 'high',
    rules: ['camera'],
  },
  {
    name: 'a threat to publish the code unless paid (strong): high',
    profile: berlin,
    notes: makeNotes({ pasted: [paste('message', 'If you do not pay the full amount today I will leak your source code and customer data.')] }),
    level: 'high',
    rules: ['extortion'],
  },
  {
    name: 'payee name differs from the profile (strong): high',
    profile: dallas,
    notes: makeNotes({ pasted: [paste('payment', 'Wire transfer.\nAccount holder: Chen Wei Ming\nBank: Bank of China, SWIFT BKCHCNBJ')] }),
    level: 'high',
    rules: ['pay-prc', 'pay-third-party'],
  },
  {
    name: 'shipping address changed after the offer (strong): high',
    profile: dallas,
    notes: makeNotes({ shippingAddress: '88 Harbor Rd, Newark, NJ 07114', previousAddresses: ['1200 Elm St, Dallas, TX 75201'] }),
    level: 'high',
    rules: ['address'],
  },
  {
    name: 'reading answers (medium) alone: medium',
    profile: dallas,
    notes: makeNotes({ checklist: { readingAnswers: concernOn('Long pauses, eyes moving left to right.') } }),
    level: 'medium',
    rules: ['cheating'],
  },
  {
    name: 'a changed e-mail (weak) alone: low',
    profile: berlin,
    notes: makeNotes({ pasted: [paste('message', 'Mail me at lena.m@posteo.de'), paste('message', 'New mail: lm.dev@gmail.com')] }),
    level: 'low',
    rules: ['contact-changing'],
  },
  {
    name: 'USDT wallet plus an advance demand in the notes (medium, one category): medium',
    profile: dallas,
    notes: makeNotes({ pasted: [paste('payment', 'Pay 50% upfront in USDT TRC20 to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')] }),
    level: 'medium',
    rules: ['pay-advance', 'pay-crypto'],
  },
  {
    name: 'reading answers, drug-test worry and Telegram (medium signs in two categories, one weak): medium',
    profile: dallas,
    notes: makeNotes({ checklist: { readingAnswers: concernOn(), drugTest: concernOn('Asked three times whether the test is required.') }, pasted: [paste('message', "Let's talk on Telegram @dk_dev")] }),
    level: 'medium',
    rules: ['cheating', 'drug-test', 'off-platform'],
  },
  {
    name: 'Korean in a pasted message on a US profile (weak) alone: low',
    profile: dallas,
    notes: makeNotes({ pasted: [paste('message', '감사합니다! I will send the update tomorrow.')] }),
    level: 'low',
    rules: ['lang-korean'],
  },
];

describe('scenarios with the manager\'s notes', () => {
  for (const s of SCENARIOS) {
    it(`${s.name} → ${s.level}`, () => {
      const r = analyze(s.profile, { now: NOW, notes: s.notes });
      expect(Report.safeParse(r).success).toBe(true);
      expect([...new Set(r.findings.map((f) => f.ruleId))].sort(), r.findings.map((f) => f.title).join('; ')).toEqual(s.rules);
      expect(r.level, r.levelReason).toBe(s.level);
      for (const f of r.findings) for (const ev of f.evidence) expect(resolvePath({ ...s.profile, notes: s.notes }, ev.field), ev.field).not.toBeUndefined();
    });
  }

  it('the same profile without its notes stays at none (the level comes from the notes)', () => {
    for (const s of SCENARIOS.filter((x) => x.level !== 'none')) expect(analyze(s.profile, { now: NOW }).level, s.name).toBe('none');
  });

  it('a notes rule switched off in the settings no longer raises the level', () => {
    const s = SCENARIOS.find((x) => x.rules.join() === 'camera')!;
    expect(analyze(s.profile, { now: NOW, notes: s.notes, disabled: new Set(['camera']) }).level).toBe('none');
  });

  it('has at least 5 scenarios reaching each of none, low, medium and high', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(SCENARIOS.map((s) => s.level))).toEqual(new Set(['none', 'low', 'medium', 'high']));
  });
});
