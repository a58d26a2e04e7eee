/**
 * Whole profiles through the whole rule set: clean ones of several origins stay at none, and seeded ones reach the
 * level the scoring promises. Every profile is read at NOW (2025-03-01 12:00 UTC); clean local times fit their zones.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { emptyAccount, type Profile } from '../../lib/profile/schema';
import { Report, type Level } from '../../lib/report/schema';
import { edu, emp, makeProfile, NOW, resolvePath } from './helpers';

const loc = (raw: string, country: string, city: string | null = null) => ({ raw, city, country });
const money = (amount: number, raw: string) => ({ amount, currency: 'USD', raw });
const review = (text: string) => ({ date: null, rating: 5, text });

const japan = makeProfile({
  name: 'Haruto S.',
  headline: 'Backend Engineer (Go, Kubernetes)',
  location: loc('Tokyo, Japan', 'JP', 'Tokyo'),
  localTime: '9:02 pm local time',
  overview: 'Backend engineer in Tokyo. Ten years of payment systems and logistics platforms. Milestones through the platform, please.',
  languages: [{ name: 'Japanese', level: 'Native or Bilingual' }, { name: 'English', level: 'Fluent' }],
  education: [edu('University of Tokyo', { degree: 'Bachelor of Engineering', start: '2009', end: '2013' })],
  employment: [emp('Mercari', 'JP', { start: '2013-04', end: '2019-03' }), emp('SmartNews', 'JP', { start: '2019-04', end: null })],
  account: { ...emptyAccount(), memberSince: '2019-05', rating: 4.9, jobsCompleted: 31, hourlyRate: money(70, '$70.00/hr') },
});

const korea = makeProfile({
  name: 'Ji-woo P.',
  headline: 'Android Developer (Kotlin)',
  location: loc('Seoul, South Korea', 'KR', 'Seoul'),
  localTime: '8:58 PM',
  overview: 'Android developer in Seoul. 안녕하세요! Kotlin, Jetpack Compose, and payments SDKs.',
  languages: [{ name: 'Korean', level: 'Native or Bilingual' }, { name: 'English', level: 'Conversational' }],
  education: [edu('Seoul National University', { degree: 'Bachelor of Science', start: '2012', end: '2016' })],
  employment: [emp('Kakao', 'KR', { start: '2016-03', end: '2021-02' }), emp('Toss', 'KR', { start: '2021-03', end: null })],
});

const usa = makeProfile({
  name: 'Maria G.',
  headline: 'Data Engineer (Python, Airflow, dbt)',
  location: loc('Austin, TX, US', 'US', 'Austin'),
  localTime: '6:01 am local time',
  overview: "I build reliable data pipelines. I'm based in Austin, TX and work with US-based startups. Happy to start with a paid trial milestone.",
  languages: [{ name: 'English', level: 'Native or Bilingual' }, { name: 'Spanish', level: 'Conversational' }],
  education: [edu('The University of Texas at Austin', { degree: 'Master of Science (MS)', start: '2014', end: '2016' })],
  employment: [emp('Cedar Health Analytics', 'US', { start: '2020-02', end: null }), emp('Lone Star Retail Group', null, { start: '2016-07', end: '2020-01' })],
});

const malaysia = makeProfile({
  name: 'Aisyah R.',
  headline: 'Full-Stack Developer (Laravel, Vue)',
  location: loc('Kuala Lumpur, Malaysia', 'MY', 'Kuala Lumpur'),
  localTime: '8:00 pm',
  overview: 'Laravel and Vue developer. I integrated Alipay and WeChat Pay checkout for a travel client. Paid via PayPal or Payoneer.',
  languages: [{ name: 'Malay', level: 'Native' }, { name: 'English', level: 'Fluent' }],
  education: [edu('Universiti Malaya', { degree: 'Bachelor of Computer Science', start: '2013', end: '2017' })],
  employment: [emp('Grab', 'SG', { start: '2017-07', end: '2021-12' }), emp('Freelance', null, { start: '2022-01', end: null })],
  account: { ...emptyAccount(), hourlyRate: money(25, '$25.00/hr'), rating: 4.8 },
});

const china = makeProfile({
  name: 'Wei L.',
  headline: 'Machine Learning Engineer',
  location: loc('Shenzhen, China', 'CN', 'Shenzhen'),
  localTime: '8:03 pm',
  overview: 'ML engineer working on recommendation systems.',
  education: [edu('Dalian University of Technology', { degree: 'Bachelor of Engineering', start: '2011', end: '2015' })],
  employment: [emp('Tencent', 'CN', { start: '2015-07', end: null })],
});

/** A US profile to seed flags into. */
const seed = (over: Partial<Profile>) =>
  makeProfile({
    name: 'Daniel K.',
    headline: 'Senior Full-Stack Engineer (React, Node.js)',
    location: loc('Dallas, TX, United States', 'US', 'Dallas'),
    localTime: '6:10 am local time',
    overview: 'Full-stack engineer with 9 years of experience.',
    languages: [{ name: 'English', level: 'Fluent' }],
    employment: [emp('Brightline Software Inc.', 'US', { start: '2017-06', end: '2020-12' }), emp('Northwind Labs', 'US', { start: '2021-01', end: null })],
    ...over,
  });

const SCENARIOS: { name: string; profile: Profile; level: Level; rules: string[] }[] = [
  { name: 'a Japanese engineer schooled and working in Japan', profile: japan, level: 'none', rules: [] },
  { name: 'a Korean engineer in Seoul writing some Korean', profile: korea, level: 'none', rules: [] },
  { name: 'a US engineer in Austin ("based in Austin", "US-based startups")', profile: usa, level: 'none', rules: [] },
  { name: 'a Malaysian developer who integrated Alipay for a client and takes PayPal or Payoneer', profile: malaysia, level: 'none', rules: [] },
  { name: 'a Chinese engineer schooled and working in China', profile: china, level: 'none', rules: [] },
  { name: 'the US profile, clean', profile: seed({}), level: 'none', rules: [] },
  {
    name: '1 weak flag: Korean among the languages on a US profile',
    profile: seed({ languages: [{ name: 'English', level: 'Fluent' }, { name: 'Korean', level: 'Native or Bilingual' }] }),
    level: 'low',
    rules: ['lang-korean'],
  },
  {
    name: '2 weak flags: no photo and a Telegram handle',
    profile: seed({ photo: null, overview: 'Full-stack engineer. Contact me on Telegram @dan_fs.' }),
    level: 'low',
    rules: ['off-platform', 'photo-missing'],
  },
  {
    name: '3 weak flags in 3 categories: no photo, Korean, Telegram',
    profile: seed({ photo: null, overview: 'Contact me on Telegram @dan_fs.', languages: [{ name: 'Korean', level: 'Native or Bilingual' }] }),
    level: 'medium',
    rules: ['lang-korean', 'off-platform', 'photo-missing'],
  },
  {
    name: '1 medium flag: asks for USDT',
    profile: seed({ overview: 'For long contracts I prefer payment in USDT.' }),
    level: 'medium',
    rules: ['pay-crypto'],
  },
  {
    name: '2 medium flags in 2 categories: a young top-rated account and "US-based" while in Vietnam',
    profile: seed({
      headline: 'US-based Senior React Developer',
      location: loc('Hanoi, Vietnam', 'VN', 'Hanoi'),
      localTime: '7:00 pm',
      account: { ...emptyAccount(), memberSince: '2024-10', rating: 5, jobsCompleted: 34 },
    }),
    level: 'medium',
    rules: ['acct-new-rated', 'loc-claim'],
  },
  {
    name: '3+ medium flags: a 9 pm clock in Dallas, USDT, and overlapping full-time jobs',
    profile: seed({
      localTime: '9:00 pm local time',
      overview: 'I accept payment in USDT. I need an advance payment of 50% before starting.',
      employment: [emp('Brightline Software Inc.', 'US', { start: '2019-01', end: null }), emp('Northwind Labs', 'US', { start: '2020-01', end: null })],
    }),
    level: 'high',
    rules: ['emp-overlap', 'loc-time', 'pay-advance', 'pay-crypto'],
  },
  {
    name: "a strong flag: reviews say payment went to a friend's account",
    profile: seed({ reviews: [review('Good work.'), review("Paid to his friend's PayPal account as he asked.")] }),
    level: 'high',
    rules: ['pay-third-party'],
  },
  {
    name: 'a strong flag: an employer on the front-company list',
    profile: seed({ employment: [emp('HopanaTech', null, { start: '2021-01', end: null })] }),
    level: 'high',
    rules: ['emp-front'],
  },
  {
    name: 'Korean text and Asian schooling only (weak, two categories): stays low',
    profile: seed({
      overview: 'Engineer. 안녕하세요.',
      education: [edu('Dalian University of Technology', { start: '2010', end: '2014' })],
    }),
    level: 'low',
    rules: ['edu-asia-emp-west', 'lang-korean'],
  },
  {
    name: 'an unverifiable school is information only',
    profile: seed({ education: [edu('Springfield Institute of Advanced Coding', { start: '2008', end: '2012' })] }),
    level: 'none',
    rules: ['edu-implausible'],
  },
];

describe('scenarios', () => {
  for (const s of SCENARIOS) {
    it(`${s.name} → ${s.level}`, () => {
      const r = analyze(s.profile, { now: NOW });
      expect(Report.safeParse(r).success).toBe(true);
      expect([...new Set(r.findings.map((f) => f.ruleId))].sort(), r.findings.map((f) => f.title).join('; ')).toEqual(s.rules);
      expect(r.level, r.levelReason).toBe(s.level);
      for (const f of r.findings) for (const ev of f.evidence) expect(resolvePath(s.profile, ev.field), ev.field).not.toBeUndefined();
    });
  }

  it('has at least 10 scenarios, clean ones of several origins', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SCENARIOS.filter((s) => s.level === 'none').map((s) => s.profile.location?.country)).size).toBeGreaterThanOrEqual(4);
  });
});
