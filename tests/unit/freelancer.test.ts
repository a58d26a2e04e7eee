import { describe, expect, it } from 'vitest';
import { freelancer } from '../../lib/extractors/freelancer';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { docOf, extractSite, firedRules, fixtureNames, loadSiteFixture, NOW } from './site-fixtures';

const P = 'freelancer';
const SEEDED = ['photo-missing', 'edu-asia-emp-west', 'emp-front'];

describe('freelancer: URLs', () => {
  it('has the three fixtures, each at a distinct profile URL the extractor handles', () => {
    expect(fixtureNames(P)).toEqual(['clean-legacy', 'full-flagged', 'sparse-logged-out']);
    const urls = fixtureNames(P).map((n) => loadSiteFixture(P, n).url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(freelancer.handles(new URL(u))).toBe(true);
  });

  it('accepts /u/<username> and /u/<username>.html only', () => {
    const ok = ['https://www.freelancer.com/u/jkwon.dev', 'https://www.freelancer.com/u/some_user-1/', 'https://www.freelancer.com/u/old.html'];
    const no = [
      'https://www.freelancer.com/jobs/php/',
      'https://www.freelancer.com/freelancers/skills/all/1',
      'https://www.freelancer.com/search/users?q=react',
      'https://www.freelancer.com/users/settings',
      'https://www.freelancer.com/u/',
      'https://www.freelancer.com/u/name/reviews',
      'https://www.freelancer.com.evil.example/u/name',
      'https://www.upwork.com/u/name',
    ];
    for (const u of ok) expect(freelancer.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(freelancer.handles(new URL(u)), u).toBe(false);
    expect(freelancer.matches).toEqual(['https://www.freelancer.com/u/*']);
  });
});

describe('freelancer: full-flagged.html (embedded state + fl-* markup)', () => {
  const p = extractSite(freelancer, P, 'full-flagged');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({ platform: 'freelancer', url: 'https://www.freelancer.com/u/jkwon.dev', profileId: 'jkwon.dev', capturedAt: NOW.toISOString() });
  });

  it('reads name, headline, location and local time', () => {
    expect(p.name).toBe('Jae K.');
    expect(p.headline).toBe('Senior Full Stack Developer | React, Node.js, AWS');
    expect(p.location).toEqual({ raw: 'Los Angeles, United States', city: 'Los Angeles', country: 'US' });
    expect(p.localTime).toBe('9:41 PM');
  });

  it('finds no photo', () => {
    expect(p.photo).toBeNull();
    expect(p.missing).toEqual(['photo', 'languages']);
  });

  it('reads overview, skills and links', () => {
    expect(p.overview).toMatch(/^Full stack developer with 8 years/);
    expect(p.skills).toEqual(['PHP', 'JavaScript', 'React.js', 'Node.js']);
    expect(p.links).toEqual([{ url: 'https://github.com/jkwon-dev-la', kind: 'github' }]);
  });

  it('reads the education entry from the fl-* markup', () => {
    expect(p.education).toEqual([
      {
        school: 'Harbin Institute of Technology',
        degree: "Bachelor's Degree",
        field: 'Computer Science',
        start: '2010',
        end: '2014',
        raw: "Harbin Institute of Technology · Bachelor's Degree, Computer Science · China 2010 - 2014",
      },
    ]);
  });

  it('reads each employer with title, place and dates', () => {
    expect(p.employment.map((e) => [e.company, e.title, e.location, e.country, e.start, e.end])).toEqual([
      ['Tony WKJ LLC', 'Lead Developer', 'Los Angeles, United States', 'US', '2021-01', null],
      ['Nexwave Digital Inc.', 'Full Stack Engineer', 'San Jose, CA, United States', 'US', '2017-06', '2020-12'],
      ['Daeil Soft', 'Software Developer', 'Seoul, South Korea', 'KR', '2015-03', '2017-05'],
    ]);
    expect(p.employment[0]!.description).toBe('Built B2B web apps for logistics clients.');
  });

  it('reads the account figures from the state', () => {
    expect(p.account).toEqual({
      memberSince: '2019-03',
      verified: { payment: true, email: true, phone: true, identity: false },
      rating: 4.9,
      jobSuccess: 97,
      reviewCount: 27,
      jobsCompleted: 31,
      totalEarnings: null,
      hourlyRate: { amount: 40, currency: 'USD', raw: '40 USD/hr' },
    });
  });

  it('prefers the reputation block\'s own completion_rate for the success figure', () => {
    const { html, url } = loadSiteFixture(P, 'full-flagged');
    const variant = html.replace('"entire_history":{"overall":4.9,', '"entire_history":{"completion_rate":0.84,"overall":4.9,');
    expect(variant).not.toBe(html);
    expect(freelancer.extract(docOf(variant), { url, now: NOW }).account.jobSuccess).toBe(84);
  });

  it('reads the reviews and quotes the payment mention', () => {
    expect(p.reviews).toEqual([
      { date: '2 months ago', rating: 5, text: 'Fast and skilled. He asked to be paid in USDT outside the site, which we declined.' },
      { date: '6 months ago', rating: 4.8, text: 'Good React work, delivered on time.' },
    ]);
    expect(p.paymentMentions.some((m) => /USDT/.test(m))).toBe(true);
  });

  it('records the tier of each field', () => {
    expect(p.provenance).toEqual({
      name: 'structured',
      headline: 'structured',
      location: 'structured',
      localTime: 'markup',
      overview: 'structured',
      skills: 'structured',
      education: 'markup',
      employment: 'markup',
      links: 'attributes',
      account: 'structured',
      reviews: 'markup',
    });
  });

  it('is caught by the seeded rules', () => {
    expect(firedRules(p)).toEqual(expect.arrayContaining(SEEDED));
  });
});

describe('freelancer: clean-legacy.html (/u/<name>.html, JSON-LD and headings)', () => {
  const p = extractSite(freelancer, P, 'clean-legacy');

  it('reads the header fields and photo', () => {
    expect(p.source.profileId).toBe('mfernandez');
    expect(p.name).toBe('Marisol Fernandez');
    expect(p.headline).toBe('Data Analyst (SQL, Power BI)');
    expect(p.location).toEqual({ raw: 'Madrid, Spain', city: 'Madrid', country: 'ES' });
    expect(p.photo).toEqual({ url: 'https://cdn2.f-cdn.com/ppic/88231907/logo/4452/profile_logo_4452.jpg', alt: 'Marisol Fernandez' });
    expect(p.overview).toBe('I turn messy spreadsheets into clear dashboards. Ten years in retail analytics.');
  });

  it('reads education, employment and languages by heading', () => {
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Universidad Complutense de Madrid', degree: "Master's degree", field: 'Statistics', start: '2013', end: '2015' }),
    ]);
    expect(p.employment.map((e) => [e.company, e.title, e.country, e.start, e.end])).toEqual([
      ['Mercado Norte S.A.', 'Senior Data Analyst', 'ES', '2019-02', null],
      ['Lumen Retail GmbH', 'Data Analyst', 'DE', '2015-09', '2019-01'],
    ]);
    expect(p.languages).toEqual([
      { name: 'Spanish', level: 'Native' },
      { name: 'English', level: 'Fluent' },
    ]);
    expect(p.provenance).toMatchObject({ education: 'generic', employment: 'generic', languages: 'generic', name: 'structured' });
  });

  it('reads the links and the account figures from the markup', () => {
    expect(p.links).toEqual([{ url: 'https://www.linkedin.com/in/marisol-fernandez-data', kind: 'linkedin' }]);
    expect(p.account).toMatchObject({ memberSince: '2018-05', rating: 5, reviewCount: 12, jobSuccess: 100, hourlyRate: { amount: 35, currency: 'USD' } });
    expect(p.provenance.account).toBe('markup');
  });

  it('raises none of the seeded flags', () => {
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('freelancer: sparse-logged-out.html', () => {
  const p = extractSite(freelancer, P, 'sparse-logged-out');

  it('reads what is shown and lists the rest as missing', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Priya S.');
    expect(p.headline).toBe('Web Developer');
    expect(p.location).toEqual({ raw: 'Pune, India', city: 'Pune', country: 'IN' });
    expect(p.photo).toEqual({ url: 'https://cdn3.f-cdn.com/ppic/251377204/logo/9120/profile_logo_9120.jpg', alt: 'Priya S.' });
    expect(p.skills).toEqual(['HTML']);
    expect(p.account.reviewCount).toBe(0);
    expect(p.missing).toEqual(['localTime', 'overview', 'languages', 'education', 'employment', 'links', 'reviews']);
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('freelancer: odd pages', () => {
  const url = 'https://www.freelancer.com/u/nobody';
  const cases: Record<string, string> = {
    empty: '<html><body></body></html>',
    'broken state': '<html><head><script id="ng-state" type="application/json">{"users": [</script></head><body><fl-col class="SummaryHeader"><h3>Ok Name</h3></fl-col></body></html>',
    'state of another shape': '<html><head><script id="ng-state" type="application/json">[1,2,{"username":42}]</script></head><body></body></html>',
    'odd values': '<html><head><script id="ng-state" type="application/json">{"u":{"username":"nobody","public_name":"","reputation":{"entire_history":{"overall":17,"reviews":-1}},"registration_date":"soon","jobs":"php","location":{"country":7}}}</script></head><body><fl-bit class="ExperienceItem"></fl-bit><fl-bit class="EducationItem"><fl-text>x</fl-text></fl-bit></body></html>',
  };
  for (const [label, html] of Object.entries(cases)) {
    it(`gives a valid Profile without throwing: ${label}`, () => {
      const p = freelancer.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
      expect(p.source.profileId).toBe('nobody');
    });
  }

  it('an empty page lists every field as missing', () => {
    const p = freelancer.extract(docOf('<html><body></body></html>'), { url, now: NOW });
    expect(p.missing).toEqual([...PROFILE_FIELDS]);
  });

  it('the broken state falls through to the markup', () => {
    const p = freelancer.extract(docOf(cases['broken state']!), { url, now: NOW });
    expect(p.name).toBe('Ok Name');
    expect(p.provenance.name).toBe('markup');
  });
});
