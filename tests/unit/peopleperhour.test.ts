import { describe, expect, it } from 'vitest';
import { peopleperhour } from '../../lib/extractors/peopleperhour';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { docOf, extractSite, firedRules, fixtureNames, loadSiteFixture, NOW } from './site-fixtures';

const P = 'peopleperhour';
const SEEDED = ['photo-missing', 'edu-asia-emp-west', 'emp-front'];
const FULL_URL = 'https://www.peopleperhour.com/freelancer/technology-programming/minjun-lee-full-stack-developer-zqxvwyk';

describe('peopleperhour: URLs', () => {
  it('has the three fixtures, each at a distinct profile URL the extractor handles', () => {
    expect(fixtureNames(P)).toEqual(['full-flagged', 'legacy-clean', 'sparse']);
    const urls = fixtureNames(P).map((n) => loadSiteFixture(P, n).url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(peopleperhour.handles(new URL(u))).toBe(true);
  });

  it('accepts the three profile address forms, not account or listing pages', () => {
    const ok = [FULL_URL, 'https://www.peopleperhour.com/freelancer/mahmoud/front-end-developer-ui-ux-designer/1526559', 'https://www.peopleperhour.com/freelancer/jane-smith'];
    const no = [
      'https://www.peopleperhour.com/freelancer/dashboard',
      'https://www.peopleperhour.com/freelancer/edit-profile',
      'https://www.peopleperhour.com/freelance-jobs',
      'https://www.peopleperhour.com/hire-freelancers?page=2',
      'https://www.peopleperhour.com/freelancer/',
      'https://www.peopleperhour.com/freelancer/a/b/not-a-number',
      'https://www.peopleperhour.com/freelancer/a/b/1/c',
      'https://peopleperhour.com.example.org/freelancer/x',
    ];
    for (const u of ok) expect(peopleperhour.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(peopleperhour.handles(new URL(u)), u).toBe(false);
  });
});

describe('peopleperhour: full-flagged.html (__NEXT_DATA__)', () => {
  const p = extractSite(peopleperhour, P, 'full-flagged');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({ platform: 'peopleperhour', url: FULL_URL, profileId: 'zqxvwyk', capturedAt: NOW.toISOString() });
  });

  it('reads name, headline, location, overview, skills, languages and links', () => {
    expect(p.name).toBe('Minjun Lee');
    expect(p.headline).toBe('Full Stack Developer - Laravel, React');
    expect(p.location).toEqual({ raw: 'New York, United States', city: 'New York', country: 'US' });
    expect(p.photo).toBeNull();
    expect(p.overview).toMatch(/^I build web apps for US and Korean clients/);
    expect(p.skills).toEqual(['Laravel', 'React', 'MySQL']);
    expect(p.languages).toEqual([
      { name: 'English', level: 'Fluent' },
      { name: 'Korean', level: 'Native' },
    ]);
    expect(p.links).toEqual([{ url: 'https://github.com/minjun-lee-fs', kind: 'github' }]);
  });

  it('reads education and employment with dates', () => {
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Huazhong University of Science and Technology', degree: 'Bachelor', field: 'Software Engineering', start: '2012', end: '2016' }),
    ]);
    expect(p.employment.map((e) => [e.company, e.title, e.location, e.country, e.start, e.end])).toEqual([
      ['Shenyang Tonywang Technology LTD', 'Software Engineer', 'New York, NY, United States', 'US', '2020-03', null],
      ['Hanbit Webworks', 'Web Developer', 'Seoul, South Korea', 'KR', '2016-09', '2020-02'],
    ]);
  });

  it('reads the account figures and reviews', () => {
    expect(p.account).toEqual({
      memberSince: '2021-06',
      verified: {},
      rating: 4.7,
      jobSuccess: null,
      reviewCount: 14,
      jobsCompleted: 19,
      totalEarnings: null,
      hourlyRate: { amount: 25, currency: 'USD', raw: '25 USD/hr' },
    });
    expect(p.reviews).toEqual([{ date: '2025-01-20', rating: 5, text: "Good work, but he asked to be paid through a friend's PayPal." }]);
    expect(p.paymentMentions.some((m) => /PayPal/.test(m))).toBe(true);
  });

  it('records the tiers', () => {
    expect(p.missing).toEqual(['localTime', 'photo']);
    expect(p.provenance).toMatchObject({ name: 'structured', education: 'structured', employment: 'structured', account: 'structured', reviews: 'markup' });
  });

  it('is caught by the seeded rules', () => {
    expect(firedRules(p)).toEqual(expect.arrayContaining(SEEDED));
  });
});

describe('peopleperhour: legacy-clean.html (older address, JSON-LD + headings)', () => {
  const p = extractSite(peopleperhour, P, 'legacy-clean');

  it('reads the header, photo and links', () => {
    expect(p.source.profileId).toBe('2081734');
    expect(p.name).toBe('Oliver Bennett');
    expect(p.headline).toBe('Copywriter and SEO Writer');
    expect(p.location).toEqual({ raw: 'Leeds, United Kingdom', city: 'Leeds', country: 'GB' });
    expect(p.photo).toEqual({ url: 'https://dy5jo0nsuf6ys.cloudfront.net/photos/2081734/oliver.jpg', alt: 'Oliver Bennett' });
    expect(p.links).toEqual([{ url: 'https://www.linkedin.com/in/oliver-bennett-copy', kind: 'linkedin' }]);
  });

  it('reads the sections by heading and the header metrics', () => {
    expect(p.education).toEqual([expect.objectContaining({ school: 'University of Leeds', degree: 'BA', field: 'English Literature', start: '2009', end: '2012' })]);
    expect(p.employment.map((e) => [e.company, e.title, e.country, e.start, e.end])).toEqual([['Northgate Media Ltd', 'Content Lead', 'GB', '2016-01', null]]);
    expect(p.languages).toEqual([{ name: 'English', level: 'Native' }]);
    expect(p.account).toMatchObject({ memberSince: '2014-03', reviewCount: 41, hourlyRate: { amount: 30, currency: 'GBP' } });
    expect(p.provenance).toMatchObject({ education: 'generic', employment: 'generic', account: 'markup' });
  });

  it('raises none of the seeded flags', () => {
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('peopleperhour: sparse.html', () => {
  const p = extractSite(peopleperhour, P, 'sparse');

  it('reads the few fields shown and lists the rest as missing', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source.profileId).toBe('ana-costa-translator');
    expect(p.name).toBe('Ana Costa');
    expect(p.headline).toBe('Portuguese Translator');
    expect(p.location).toEqual({ raw: 'Porto, Portugal', city: 'Porto', country: 'PT' });
    expect(p.photo?.url).toBe('https://dy5jo0nsuf6ys.cloudfront.net/photos/3310442/ana.jpg');
    expect(p.missing).toEqual(['localTime', 'overview', 'skills', 'languages', 'education', 'employment', 'links', 'account', 'reviews']);
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('peopleperhour: odd pages', () => {
  const url = 'https://www.peopleperhour.com/freelancer/nobody';
  const cases: Record<string, string> = {
    empty: '<html><body></body></html>',
    'broken __NEXT_DATA__': '<html><head><script id="__NEXT_DATA__" type="application/json">{{{</script></head><body><main><section class="profile-header"><h1>Header Name</h1><p>$abc/hr</p></section></main></body></html>',
    'odd values': '<html><head><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"freelancer":{"fullName":"Q","location":null,"rating":99,"hourlyRate":{"amount":-5},"experiences":[{}],"educations":[{"school":""}],"skills":[null,{"name":"Go"}]}}}}</script></head><body></body></html>',
  };
  for (const [label, html] of Object.entries(cases)) {
    it(`gives a valid Profile without throwing: ${label}`, () => {
      const p = peopleperhour.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
    });
  }

  it('empty → everything missing; broken state → markup; odd values dropped', () => {
    expect(peopleperhour.extract(docOf(cases['empty']!), { url, now: NOW }).missing).toEqual([...PROFILE_FIELDS]);
    const b = peopleperhour.extract(docOf(cases['broken __NEXT_DATA__']!), { url, now: NOW });
    expect([b.name, b.provenance.name, b.account.hourlyRate]).toEqual(['Header Name', 'markup', null]);
    const o = peopleperhour.extract(docOf(cases['odd values']!), { url, now: NOW });
    expect(o.account.rating).toBeNull();
    expect(o.account.hourlyRate).toBeNull();
    expect(o.employment).toEqual([]);
    expect(o.education).toEqual([]);
    expect(o.skills).toEqual(['Go']);
  });
});
