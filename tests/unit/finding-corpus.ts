/**
 * Profiles and contexts that make every rule fire, in each of its wording variants (singular/plural, with and
 * without a note, notes/page/history/face inputs), for the catalogue tests (tests/unit/i18n.test.ts). Each case runs
 * through the whole rule set (RULES), so a rule added later is checked too once some case makes it fire.
 */
import { profileKey } from '../../lib/history/identity';
import { identityOf, snapshotOf } from '../../lib/history/record';
import { emptyMatches, type HistoryMatches, type Identity } from '../../lib/history/schema';
import type { FaceAnalysis } from '../../lib/face/schema';
import type { ManagerNotes } from '../../lib/notes/schema';
import { emptyAccount, type Profile } from '../../lib/profile/schema';
import { RULES, type FindingDraft, type RuleContext } from '../../lib/rules';
import { edu, emp, extractFixture, makeProfile, NOW } from './helpers';
import { concernOn, makeNotes, paste } from './notes-helpers';

export interface CorpusCase {
  name: string;
  profile: Profile;
  ctx: RuleContext;
}

const fiverr: Identity = { key: 'fiverr:james_w', platform: 'fiverr', profileId: 'james_w', url: 'https://www.fiverr.com/james_w', name: 'James Walker' };
const unnamed: Identity = { key: 'generic:x', platform: 'generic', profileId: 'x', url: 'https://example.org/me', name: null };
const more = (n: number): Identity[] => Array.from({ length: n }, (_, i) => ({ ...fiverr, key: `fiverr:p${i}`, profileId: `p${i}`, url: `https://www.fiverr.com/p${i}`, name: `Person ${i}` }));
const h = (m: Partial<HistoryMatches>): HistoryMatches => ({ ...emptyMatches(), ...m });

const loc = (raw: string, country: string) => ({ raw, city: null, country });
/** The same person's LinkedIn account as Vetter stored it earlier: another name, country, employers and school. */
const olena = makeProfile({
  source: { platform: 'linkedin', url: 'https://www.linkedin.com/in/olena-k', profileId: 'olena-k', capturedAt: '2026-03-01T10:00:00.000Z' },
  name: 'Olena Kovalenko',
  location: loc('Kyiv, Ukraine', 'UA'),
  employment: [emp('Kvitka Soft', null, { start: '2018' }), emp('Dnipro Systems', null, { start: '2015' })],
  education: [edu('Kyiv Polytechnic Institute')],
});
const base = makeProfile({
  name: 'Daniel K.',
  headline: 'Full-stack developer',
  overview: 'Eight years of experience building scalable web applications for startups.', location: loc('Dallas, TX, United States', 'US'), photo: { url: 'https://cdn.example.com/p/daniel.jpg', alt: null } });

const allConcerns = (note: string): ManagerNotes['checklist'] =>
  Object.fromEntries(
    ['camera', 'timeLocation', 'drugTest', 'inPerson', 'readingAnswers', 'addressChange', 'threats', 'contactChanging', 'proxyAccount', 'advancePay'].map((k) => [k, concernOn(note)]),
  ) as ManagerNotes['checklist'];

const face = (over: Partial<FaceAnalysis>): FaceAnalysis =>
  ({ faces: [], landmarks68: null, eyes: null, descriptor: null, facePhash: null, image: { width: 512, height: 512 }, framing: null, modelMs: 1, ...over }) as FaceAnalysis;
const eyes = { left: { x: 0.385, y: 0.48 }, right: { x: 0.615, y: 0.48 } };
const styleGan = face({
  faces: [{ score: 0.9, box: { x: 0.2, y: 0.2, width: 0.6, height: 0.6 } }],
  eyes,
  framing: { square: true, eyeError: 0.004, interocular: 0.23, level: 0.001, consistentWithStyleGAN: true } as NonNullable<FaceAnalysis['framing']>,
});

export function corpusCases(): CorpusCase[] {
  const c = (name: string, profile: Profile, ctx: Partial<RuleContext> = {}): CorpusCase => ({ name, profile, ctx: { now: NOW, ...ctx } });
  return [
    c('upwork full-flagged fixture', extractFixture('full-flagged')),
    c('one vague employer, reversed and long degrees, claim in the headline', {
      ...base,
      headline: 'US-based senior engineer',
      location: loc('Toronto, Canada', 'CA'),
      photo: null,
      education: [edu('Foo Polytechnic of Nowhere', { start: '2015', end: '2012' }), edu('University of Waterloo', { start: '2000', end: '2012' })],
      employment: [emp('Freelance', null, { start: '1996' }), emp('Self-employed', null), emp(null, null)],
    }),
    c('claim in the overview, only employer under NDA, local time off', {
      ...base,
      overview: 'I am based in Canada and work with clients worldwide.',
      location: loc('Hanoi, Vietnam', 'VN'),
      localTime: '3:00 am local time',
      employment: [emp('Under NDA', null)],
    }),
    c('Asian schools, US employers, overlap, Korean, young account, low rate, one page hit each', {
      ...base,
      headline: 'Senior full-stack engineer',
      overview: 'Reach me on Telegram @dk_dev. I ask for 50% upfront. Payment in USDT only. Paid via Alipay. Payment goes to my brother\'s account.',
      languages: [{ name: 'Korean', level: 'Fluent' }],
      education: [edu('Tsinghua University', { degree: 'Bachelor of Science', start: '2010', end: '2014' })],
      employment: [
        emp('Google', 'US', { title: 'Engineer', start: '2015-01', end: '2020-12' }),
        emp('Meta', 'US', { title: 'Engineer', start: '2016-01', end: '2020-12' }),
        emp(null, 'US', { title: null, start: '2017-01', end: '2019-12' }),
      ],
      account: { ...emptyAccount(), memberSince: '2024-12', rating: 5, jobsCompleted: 40, hourlyRate: { amount: 9, currency: 'USD', raw: '$9.00/hr' }, totalEarnings: { amount: 30000, currency: 'USD', raw: '$30K+' } },
    }),
    c('page hits in several places, account one month old, job success instead of rating', {
      ...base,
      headline: 'Lead developer. Contact me on WhatsApp. Advance payment required. Payment in USDT.',
      overview: 'Contact me on Telegram. I accept USDT and BTC as payment. I need payment upfront. Paid through WeChat Pay. Payment to my cousin\'s account. I switched payment account to Payoneer. PayPal, Wise and Skrill accepted.',
      reviews: [{ date: null, rating: 5, text: 'He was paid via Alipay through his friend\'s account.' }],
      account: { ...emptyAccount(), memberSince: '2025-02', jobSuccess: 98, rating: null, reviewCount: 12, hourlyRate: { amount: 8, currency: 'USD', raw: '$8.00/hr' }, totalEarnings: { amount: 25000, currency: 'USD', raw: '$25,000' } },
    }),
    c('three payment providers on the page', { ...base, overview: 'I accept PayPal, Wise and Payoneer for milestones.' }),
    c('GitHub account one month old', {
      ...base,
      source: { ...base.source, platform: 'github', url: 'https://github.com/dk-dev' },
      account: { ...emptyAccount(), memberSince: '2025-02' },
      employment: [emp('Acme', 'US', { start: '2012-01' })],
    }),
    c('GitHub account months old, years claimed in the bio', {
      ...base,
      source: { ...base.source, platform: 'github', url: 'https://github.com/dk-dev' },
      overview: 'Developer with 12 years of experience.',
      account: { ...emptyAccount(), memberSince: '2024-06' },
    }),
    c('notes: every concern with a note, addresses changed once, a forwarder, pastes of one kind each', base, {
      notes: makeNotes({
        checklist: allConcerns('Kept the camera off.'),
        shippingAddress: '88 Harbor Rd, Newark, NJ 07114 (Planet Express reshipping)',
        previousAddresses: ['1200 Elm St, Dallas, TX 75201'],
        pasted: [
          paste('message', 'If you do not pay the full amount today I will leak your source code and customer data.'),
          paste('message', 'I need 50% upfront before I start, otherwise I cannot continue.'),
          paste('payment', 'Account holder: Ri Song Chol'),
          paste('message', 'I can pay you $200 a month to rent your verified Upwork account.'),
          paste('message', '감사합니다! Let us talk on Telegram @dk_dev instead.'),
          paste('payment', 'USDT (TRC20): TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE'),
          paste('payment', 'Alipay: 138 0000 0000'),
          paste('message', 'My email: dan.k@proton.me'),
          paste('message', 'Please use dk.dev@gmail.com from now on.'),
        ],
      }),
    }),
    c('notes: concerns without a note, a mail drop, addresses changed twice, pastes of each kind twice', base, {
      notes: makeNotes({
        checklist: allConcerns(''),
        shippingAddress: 'PO Box 1234, Austin, TX 78701',
        previousAddresses: ['1200 Elm St, Dallas, TX 75201', '5 Main St, Plano, TX 75023'],
        pasted: [
          paste('message', 'Pay the last invoice by Friday or I will publish your source code on GitHub.'),
          paste('message', 'If you do not pay the full amount today I will leak your source code and customer data.'),
          paste('message', 'I need 50% upfront before I start. Let us talk on Telegram @dk_dev instead. 안녕하세요'),
          paste('message', 'Send payment upfront please. Let us talk on Telegram @dk_dev instead. 감사합니다'),
          paste('message', 'I can pay you $200 a month to rent your verified Upwork account.'),
          paste('message', 'I want to rent an Upwork account from you.'),
          paste('payment', 'Account holder: Ri Song Chol. Pay to my friend\'s account.'),
          paste('payment', 'Account holder: Chen Wei Ming. Pay to my uncle\'s account.'),
          paste('payment', 'Alipay: 138 0000 0000. USDT TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE'),
          paste('payment', 'WeChat Pay please. New wallet: TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7'),
          paste('message', 'Call me on +1 214 555 0100'),
          paste('message', 'New number: +1 469 555 0199'),
        ],
      }),
    }),
    c('notes: crypto asked for without a wallet, payment service switched, three providers', base, {
      notes: makeNotes({ pasted: [paste('payment', 'Pay via PayPal to Daniel Kim.'), paste('payment', 'Please pay via Wise now, or in bitcoin.'), paste('message', 'Or pay in USDT.')] }),
    }),
    c('notes: crypto asked for in two pastes, a stated change', base, {
      notes: makeNotes({ pasted: [paste('payment', 'PayPal is blocked, please pay via Wise.'), paste('payment', 'Or pay in USDT.'), paste('payment', 'PayPal, Wise or Payoneer, as you prefer.')] }),
    }),
    c('notes: two payees in other names, the payee and the bank account switched', base, {
      notes: makeNotes({
        pasted: [paste('payment', 'Account holder: Ri Song Chol\nIBAN: DE89370400440532013000'), paste('payment', 'Account holder: Chen Wei Ming\nPlease use my new IBAN GB29NWBK60161331926819 instead')],
      }),
    }),
    c('notes: three providers, no change', base, { notes: makeNotes({ pasted: [paste('payment', 'PayPal, Wise or Payoneer, as you prefer.')] }) }),
    c('notes: another person\'s account only', base, { notes: makeNotes({ pasted: [paste('payment', 'Please send the payment to my friend\'s account.')] }) }),
    c('notes: a front company as payee; a DPRK institution among the schools', { ...base, education: [edu('Kim Il Sung University', { start: '2008', end: '2012' })] }, {
      notes: makeNotes({ pasted: [paste('payment', 'Beneficiary: HopanaTech\nBank: ...')] }),
    }),
    c('history: the photo changed', base, {
      history: h({
        changes: [
          { field: 'photo', from: 'https://cdn.example.com/a.jpg', to: 'https://cdn.example.com/p/daniel.jpg', at: '2025-02-01T00:00:00.000Z' },
        ],
      }),
    }),
    c('history: one other profile for each match, mirrored photo, passage', base, {
      history: h({
        photo: [{ other: fiverr, distance: 3, mirrored: true }],
        photoVaries: [{ other: { ...fiverr, key: profileKey(base.source) }, url: 'https://cdn.example.com/old.jpg', distance: 30 }],
        text: [{ other: fiverr, field: 'overview', similarity: 0.72, passage: 'eight years of experience building scalable web applications' }],
        contacts: [{ other: fiverr, contact: { kind: 'email', value: 'dk.dev@proton.me', raw: 'DK.DEV@proton.me' } }],
        changes: [
          { field: 'name', from: 'Ana Costa', to: 'Daniel K.', at: '2025-02-01T00:00:00.000Z' },
          { field: 'location', from: 'Lisbon', to: 'Dallas', at: '2025-02-01T00:00:00.000Z' },
        ],
        faces: [{ other: fiverr, distance: 0.3 }],
      }),
    }),
    c('history: several other profiles, unnamed ones, no passage, similar face', base, {
      history: h({
        photo: [{ other: fiverr, distance: 3, mirrored: false }, ...more(4).map((o) => ({ other: o, distance: 4, mirrored: false }))],
        photoVaries: [{ other: fiverr, url: 'https://cdn.example.com/f.jpg', distance: 30 }, { other: unnamed, url: 'https://example.org/me.jpg', distance: 28 }],
        text: [{ other: unnamed, field: 'headline', similarity: 0.9, passage: '' }, { other: fiverr, field: 'overview', similarity: 0.8, passage: '' }],
        contacts: [
          { other: fiverr, contact: { kind: 'link', value: 'github.com/dk', raw: 'https://github.com/dk' } },
          { other: unnamed, contact: { kind: 'phone', value: '12145550100', raw: '+1 214 555 0100' } },
          { other: unnamed, contact: { kind: 'handle', value: 'telegram:dk_dev', raw: '@dk_dev' } },
        ],
        changes: [{ field: 'payment', from: null, to: 'USDT', at: '2025-02-01T00:00:00.000Z' }],
        faces: [{ other: unnamed, distance: 0.5 }],
      }),
    }),
    c('history: a linked account with another name, country, employers and schools', {
      ...base,
      employment: [emp('Acme Logistics', null, { start: '2019' }), emp('Borealis Data', null, { start: '2016' })],
      education: [edu('University of Texas at Dallas')],
    }, {
      history: h({
        linked: [{
          other: identityOf(olena),
          direction: 'links-to',
          snapshot: snapshotOf(olena),
          checkedAt: '2026-03-01T10:00:00.000Z',
        }],
      }),
    }),
    c('face: no face in the photo', base, { face: face({}) }),
    c('face: StyleGAN framing', base, { face: styleGan }),
  ];
}

export interface CorpusFinding {
  case: string;
  ruleId: string;
  draft: FindingDraft;
}

/** Every finding of every rule on every case. */
export function corpusFindings(): CorpusFinding[] {
  return corpusCases().flatMap((k) => RULES.flatMap((r) => r.check(k.profile, k.ctx).map((draft) => ({ case: k.name, ruleId: r.meta.id, draft }))));
}
