import { describe, expect, it } from 'vitest';
import { acctNewRated } from '../../lib/rules/acct-new-rated';
import { eduImplausible } from '../../lib/rules/edu-implausible';
import { empFront } from '../../lib/rules/emp-front';
import { empOverlap } from '../../lib/rules/emp-overlap';
import { empVague } from '../../lib/rules/emp-vague';
import { rateDiscount } from '../../lib/rules/rate-discount';
import { emptyAccount } from '../../lib/profile/schema';
import { edu, emp, makeProfile } from './helpers';
import { fire } from './rule-helpers';

const money = (amount: number, raw: string) => ({ amount, currency: 'USD', raw });

describe('emp-overlap', () => {
  it('fires on two full-time roles overlapping for a year', () => {
    const p = makeProfile({
      employment: [emp('Acme Corp', 'US', { start: '2020-01', end: '2021-06' }), emp('Globex', 'US', { start: '2020-06', end: null })],
    });
    const [f] = fire(empOverlap, p);
    expect(f!.evidence.map((e) => e.field)).toEqual(['employment[0].start', 'employment[1].start']);
    expect(f!.explanation).toMatch(/13 months/);
  });
  it('stays silent on a short overlap, year-only dates and freelance side work (near misses)', () => {
    expect(fire(empOverlap, makeProfile({ employment: [emp('Acme', 'US', { start: '2020-01', end: '2020-12' }), emp('Globex', 'US', { start: '2020-08', end: null })] }))).toEqual([]);
    expect(fire(empOverlap, makeProfile({ employment: [emp('Acme', 'US', { start: '2018', end: '2020' }), emp('Globex', 'US', { start: '2020', end: null })] }))).toEqual([]);
    expect(fire(empOverlap, makeProfile({ employment: [emp('Acme', 'US', { start: '2018-01', end: null }), emp('Freelance', null, { start: '2019-01', end: null })] }))).toEqual([]);
  });
  it('stays silent without dates or with one role', () => {
    expect(fire(empOverlap, makeProfile({ employment: [emp('Acme', 'US'), emp('Globex', 'US')] }))).toEqual([]);
    expect(fire(empOverlap, makeProfile({ employment: [emp('Acme', 'US', { start: '2018-01' })] }))).toEqual([]);
    expect(fire(empOverlap, makeProfile())).toEqual([]);
  });
});

describe('emp-vague', () => {
  it('fires when every employer is vague', () => {
    const p = makeProfile({ employment: [emp('Freelance', null), emp('Confidential', null), emp(null, null, { raw: 'Developer · 2019 - 2021' })] });
    const [f] = fire(empVague, p);
    expect(f!.title).toBe('None of the 3 employers is named');
    expect(f!.evidence.map((e) => e.field)).toEqual(['employment[0].company', 'employment[1].company', 'employment[2].raw']);
  });
  it('fires on a single employer under NDA', () => {
    expect(fire(empVague, makeProfile({ employment: [emp('Under NDA', null)] }))[0]!.title).toBe('The only employer is not named');
  });
  it('stays silent when one employer is named, or on a single "Freelance" entry (near misses)', () => {
    expect(fire(empVague, makeProfile({ employment: [emp('Freelance', null), emp('Acme Corp', 'US')] }))).toEqual([]);
    expect(fire(empVague, makeProfile({ employment: [emp('Self-employed', null)] }))).toEqual([]);
  });
  it('stays silent with no employment', () => {
    expect(fire(empVague, makeProfile())).toEqual([]);
  });
});

describe('edu-implausible', () => {
  it('fires on a degree that ends before it starts', () => {
    const [f] = fire(eduImplausible, makeProfile({ education: [edu('Stanford University', { start: '2016', end: '2012' })] }));
    expect(f!.title).toBe('A degree ends before it starts');
    expect(f!.evidence.map((e) => e.field)).toEqual(['education[0].start', 'education[0].end']);
  });
  it('fires on a degree spanning more than 10 years', () => {
    expect(fire(eduImplausible, makeProfile({ education: [edu('Stanford University', { start: '2001', end: '2014' })] }))[0]!.title).toBe('A degree spans 13 years');
  });
  it('fires on work starting before about age 16', () => {
    const p = makeProfile({
      education: [edu('Stanford University', { degree: 'Bachelor of Science (BS)', start: '2012', end: '2016' })],
      employment: [emp('Acme', 'US', { start: '2007-01', end: '2009-01' })],
    });
    const [f] = fire(eduImplausible, p);
    expect(f!.title).toBe('Work history starts before about age 16');
    expect(f!.evidence.map((e) => e.field)).toEqual(['education[0].start', 'employment[0].start']);
  });
  it('notes an unverifiable school as information only', () => {
    const [f] = fire(eduImplausible, makeProfile({ education: [edu('Springfield Institute of Advanced Coding')] }));
    expect(f!.severity).toBe('info');
    expect(f!.explanation).toMatch(/not a red flag/);
  });
  it('stays silent on plausible dates, work before a master\'s and listed schools (near misses)', () => {
    const p = makeProfile({
      education: [edu('Stanford University', { degree: 'Master of Science', start: '2014', end: '2016' }), edu('University of Tokyo', { start: '2008', end: '2012' })],
      employment: [emp('Acme', 'US', { start: '2012-06', end: '2014-01' })],
    });
    expect(fire(eduImplausible, p)).toEqual([]);
  });
  it('leaves DPRK institutions to emp-front, which covers edu-dprk', () => {
    const p = makeProfile({ education: [edu('Kim Chaek University of Technology')] });
    expect(fire(eduImplausible, p)).toEqual([]);
    const [f] = fire(empFront, p);
    expect(f!.title).toMatch(/DPRK institution/);
    expect(f!.nextStep).toMatch(/degree/);
  });
  it('stays silent with no education', () => {
    expect(fire(eduImplausible, makeProfile({ employment: [emp('Acme', 'US', { start: '2001' })] }))).toEqual([]);
  });
});

describe('acct-new-rated', () => {
  const young = (over: Partial<ReturnType<typeof emptyAccount>>) => makeProfile({ account: { ...emptyAccount(), memberSince: '2024-09', ...over } });
  it('fires on a 6-month-old account with a 5.0 rating over 25 jobs', () => {
    const p = young({ rating: 5, jobsCompleted: 25 });
    const [f] = fire(acctNewRated, p);
    expect(f!.title).toBe('Account 6 months old with a 5 rating over 25 jobs');
    expect(f!.evidence.map((e) => e.field)).toEqual(['account.memberSince', 'account.rating', 'account.jobsCompleted']);
  });
  it('fires on high earnings for a young account', () => {
    expect(fire(acctNewRated, young({ totalEarnings: money(50000, '$50K+') }))[0]!.evidence.map((e) => e.field)).toContain('account.totalEarnings');
  });
  it('stays silent on an older account, few jobs, or modest earnings (near misses)', () => {
    expect(fire(acctNewRated, makeProfile({ account: { ...emptyAccount(), memberSince: '2022-01', rating: 5, jobsCompleted: 80 } }))).toEqual([]);
    expect(fire(acctNewRated, young({ rating: 5, jobsCompleted: 3 }))).toEqual([]);
    expect(fire(acctNewRated, young({ totalEarnings: money(4000, '$4K+') }))).toEqual([]);
  });
  it('stays silent without a join date', () => {
    expect(fire(acctNewRated, makeProfile({ account: { ...emptyAccount(), rating: 5, jobsCompleted: 99 } }))).toEqual([]);
  });
});

describe('rate-discount', () => {
  const acct = (rate: number, rating: number | null) => ({ ...emptyAccount(), hourlyRate: money(rate, `$${rate}.00/hr`), rating });
  it('fires on a senior, top-rated profile at $8/hr', () => {
    const [f] = fire(rateDiscount, makeProfile({ headline: 'Senior Full-Stack Engineer', account: acct(8, 5) }));
    expect(f!.evidence.map((e) => e.field)).toEqual(['account.hourlyRate', 'account.rating', 'headline']);
  });
  it('stays silent at a market rate or without the senior claim (near misses)', () => {
    expect(fire(rateDiscount, makeProfile({ headline: 'Senior Full-Stack Engineer', account: acct(45, 5) }))).toEqual([]);
    expect(fire(rateDiscount, makeProfile({ headline: 'Junior web developer', account: acct(8, 5) }))).toEqual([]);
  });
  it('stays silent without a rate or a rating', () => {
    expect(fire(rateDiscount, makeProfile({ headline: 'Senior Engineer' }))).toEqual([]);
    expect(fire(rateDiscount, makeProfile({ headline: 'Senior Engineer', account: acct(8, null) }))).toEqual([]);
  });
});
