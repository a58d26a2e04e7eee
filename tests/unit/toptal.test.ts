import { describe, expect, it } from 'vitest';
import { toptal } from '../../lib/extractors/toptal';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { docOf, extractSite, firedRules, fixtureNames, loadSiteFixture, NOW } from './site-fixtures';

const P = 'toptal';
const SEEDED = ['photo-missing', 'edu-asia-emp-west', 'emp-front'];

describe('toptal: URLs', () => {
  it('has the three fixtures, each at a distinct resume URL the extractor handles', () => {
    expect(fixtureNames(P)).toEqual(['full-flagged', 'skill-path-clean', 'sparse']);
    const urls = fixtureNames(P).map((n) => loadSiteFixture(P, n).url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(toptal.handles(new URL(u))).toBe(true);
  });

  it('accepts /resume/<first-last> and /<skill>/resume/<first-last> only', () => {
    const ok = ['https://www.toptal.com/resume/kevin-zhao-dev', 'https://www.toptal.com/python/resume/lena-hoffmann', 'https://www.toptal.com/resume/ana-li/'];
    const no = [
      'https://www.toptal.com/resume',
      'https://www.toptal.com/resume/',
      'https://www.toptal.com/python',
      'https://www.toptal.com/developers/python',
      'https://www.toptal.com/freelance-jobs/faq',
      'https://www.toptal.com/a/b/resume/name',
      'https://www.toptal.com/resume/name/extra',
      'https://toptal.com.example.org/resume/name',
    ];
    for (const u of ok) expect(toptal.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(toptal.handles(new URL(u)), u).toBe(false);
    expect(toptal.matches).toEqual(['https://www.toptal.com/resume/*', 'https://www.toptal.com/*/resume/*']);
  });
});

describe('toptal: full-flagged.html (__NEXT_DATA__)', () => {
  const p = extractSite(toptal, P, 'full-flagged');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({ platform: 'toptal', url: 'https://www.toptal.com/resume/kevin-zhao-dev', profileId: 'kevin-zhao-dev', capturedAt: NOW.toISOString() });
  });

  it('reads name, role, location, overview, skills and links', () => {
    expect(p.name).toBe('Kevin Zhao');
    expect(p.headline).toBe('Full-stack Developer');
    expect(p.location).toEqual({ raw: 'Seattle, WA, United States', city: 'Seattle', country: 'US' });
    expect(p.overview).toMatch(/^Full-stack engineer with nine years/);
    expect(p.skills).toEqual(['React', 'Go', 'PostgreSQL', 'Kubernetes']);
    expect(p.links).toEqual([{ url: 'https://github.com/kzhao-builds', kind: 'github' }]);
    expect(p.photo).toBeNull();
  });

  it('reads the education entry with years', () => {
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Zhejiang University', degree: "Bachelor's Degree", field: 'Computer Science', start: '2012', end: '2016' }),
    ]);
  });

  it('reads each employer with place and dates (current role: end null)', () => {
    expect(p.employment.map((e) => [e.company, e.title, e.location, e.country, e.start, e.end, e.description])).toEqual([
      ['HopanaTech', 'Senior Software Engineer', 'Seattle, WA, United States', 'US', '2021-02', null, 'Payments platform in Go.'],
      ['Northwind Ledger Ltd.', 'Software Engineer', 'Toronto, ON, Canada', 'CA', '2017-08', '2021-01', 'React dashboards for accounting teams.'],
    ]);
  });

  it('reads member since as the only account figure', () => {
    expect(p.account).toMatchObject({ memberSince: '2020-04', rating: null, reviewCount: null, hourlyRate: null });
  });

  it('takes every field it found from the structured tier', () => {
    expect(p.missing).toEqual(['localTime', 'photo', 'languages', 'reviews']);
    for (const f of ['name', 'headline', 'location', 'overview', 'skills', 'education', 'employment', 'links', 'account'] as const) {
      expect(p.provenance[f], f).toBe('structured');
    }
  });

  it('is caught by the seeded rules', () => {
    expect(firedRules(p)).toEqual(expect.arrayContaining(SEEDED));
  });
});

describe('toptal: skill-path-clean.html (JSON-LD + headings)', () => {
  const p = extractSite(toptal, P, 'skill-path-clean');

  it('reads the header fields, photo and links', () => {
    expect(p.source.profileId).toBe('lena-hoffmann');
    expect(p.name).toBe('Lena Hoffmann');
    expect(p.headline).toBe('Python Developer');
    expect(p.location).toEqual({ raw: 'Munich, Germany', city: 'Munich', country: 'DE' });
    expect(p.photo).toEqual({ url: 'https://uploads.toptal.io/user/photo/1209931/large_lena.jpg', alt: 'Lena Hoffmann' });
    expect(p.links.map((l) => l.kind)).toEqual(['github', 'linkedin']);
    expect(p.account.memberSince).toBe('2019-03');
  });

  it('reads the sections by heading', () => {
    expect(p.overview).toBe('Backend engineer focused on data pipelines and Django APIs.');
    expect(p.skills).toEqual(['Python', 'Django', 'Apache Kafka']);
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Technische Universität München', degree: "Master's Degree", field: 'Informatics', start: '2012', end: '2014' }),
    ]);
    expect(p.employment.map((e) => [e.company, e.title, e.country, e.start, e.end])).toEqual([
      ['Alpenwerk Logistics GmbH', 'Senior Backend Engineer', 'DE', '2019', null],
      ['Rheinsoft AG', 'Software Developer', 'DE', '2014', '2019'],
    ]);
    expect(p.languages).toEqual([
      { name: 'German', level: 'Native' },
      { name: 'English', level: 'Fluent' },
    ]);
    expect(p.provenance).toMatchObject({ name: 'structured', education: 'generic', employment: 'generic', skills: 'generic' });
  });

  it('raises none of the seeded flags', () => {
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('toptal: sparse.html', () => {
  const p = extractSite(toptal, P, 'sparse');

  it('reads the few fields shown and lists the rest as missing', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Amara Okafor');
    expect(p.headline).toBe('UI Designer');
    expect(p.location).toEqual({ raw: 'Lagos, Nigeria', city: 'Lagos', country: 'NG' });
    expect(p.photo).toEqual({ url: 'https://uploads.toptal.io/user/photo/2200417/large_amara.jpg', alt: 'Amara Okafor' });
    expect(p.skills).toEqual(['Figma', 'Design Systems']);
    expect(p.missing).toEqual(['localTime', 'overview', 'languages', 'education', 'employment', 'links', 'account', 'reviews']);
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('toptal: odd pages', () => {
  const url = 'https://www.toptal.com/resume/no-one';
  const cases: Record<string, string> = {
    empty: '<html><body></body></html>',
    'broken __NEXT_DATA__': '<html><head><script id="__NEXT_DATA__" type="application/json">{"props":</script></head><body><main><h1>Only Heading</h1></main></body></html>',
    'odd values': '<html><head><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"resume":{"fullName":"X Y","role":5,"employments":[null,1,{"company":7}],"educations":"none","memberSince":"later","photo":{"url":"javascript:alert(1)"}}}}}</script></head><body></body></html>',
  };
  for (const [label, html] of Object.entries(cases)) {
    it(`gives a valid Profile without throwing: ${label}`, () => {
      const p = toptal.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
    });
  }

  it('an empty page lists every field as missing; a broken state falls through to the heading', () => {
    expect(toptal.extract(docOf(cases['empty']!), { url, now: NOW }).missing).toEqual([...PROFILE_FIELDS]);
    const p = toptal.extract(docOf(cases['broken __NEXT_DATA__']!), { url, now: NOW });
    expect(p.name).toBe('Only Heading');
    expect(p.provenance.name).toBe('markup');
  });

  it('never takes a javascript: address as the photo', () => {
    const p = toptal.extract(docOf(cases['odd values']!), { url, now: NOW });
    expect(p.name).toBe('X Y');
    expect(p.photo).toBeNull();
  });
});
