import { describe, expect, it } from 'vitest';
import { guru } from '../../lib/extractors/guru';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { docOf, extractSite, firedRules, fixtureNames, loadSiteFixture, NOW } from './site-fixtures';

const P = 'guru';
const SEEDED = ['photo-missing', 'edu-asia-emp-west', 'emp-front'];

describe('guru: URLs', () => {
  it('has the three fixtures, each at a distinct profile URL the extractor handles', () => {
    expect(fixtureNames(P)).toEqual(['full-flagged', 'jsonld-clean', 'sparse']);
    const urls = fixtureNames(P).map((n) => loadSiteFixture(P, n).url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(guru.handles(new URL(u))).toBe(true);
  });

  it('accepts /freelancers/<slug> only', () => {
    const ok = ['https://www.guru.com/freelancers/rdavis-webworks', 'https://www.guru.com/freelancers/charles-kibet/'];
    const no = [
      'https://www.guru.com/d/jobs',
      'https://www.guru.com/d/freelancers/',
      'https://www.guru.com/freelancers/',
      'https://www.guru.com/freelancers/search',
      'https://www.guru.com/freelancers/rdavis-webworks/portfolio',
      'https://www.guru.com/pro/settings',
      'https://guru.com.example.net/freelancers/x',
    ];
    for (const u of ok) expect(guru.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(guru.handles(new URL(u)), u).toBe(false);
  });
});

describe('guru: full-flagged.html (microdata + class markup)', () => {
  const p = extractSite(guru, P, 'full-flagged');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({ platform: 'guru', url: 'https://www.guru.com/freelancers/rdavis-webworks', profileId: 'rdavis-webworks', capturedAt: NOW.toISOString() });
  });

  it('reads name, title, location, photo (a default avatar) and overview', () => {
    expect(p.name).toBe('Ryan Davis');
    expect(p.headline).toBe('Web Developer - PHP, Laravel, Vue');
    expect(p.location).toEqual({ raw: 'Austin, TX, United States', city: 'Austin', country: 'US' });
    expect(p.photo).toEqual({ url: 'https://res.cloudinary.com/gurucom/image/upload/avatars/default-avatar.png', alt: 'Ryan Davis' });
    expect(p.overview).toContain('crypto wallet');
    expect(p.skills).toEqual(['PHP', 'Laravel', 'Vue.js', 'MySQL']);
    expect(p.links).toEqual([{ url: 'https://rdavis-webworks.netlify.app/', kind: 'portfolio' }]);
  });

  it('reads education and employment with dates', () => {
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Tokyo Institute of Technology', degree: 'Bachelor of Engineering', field: 'Information Science', start: '2011', end: '2015' }),
    ]);
    expect(p.employment.map((e) => [e.company, e.title, e.location, e.country, e.start, e.end])).toEqual([
      ['Independent Lab LLC', 'Senior Developer', 'Austin, TX, United States', 'US', '2020-02', null],
      ['Hanul Networks', 'PHP Developer', 'Busan, South Korea', 'KR', '2016-07', '2020-01'],
    ]);
  });

  it('reads the account figures from the stats labels', () => {
    expect(p.account).toEqual({
      memberSince: '2016',
      verified: {},
      rating: 4.9,
      jobSuccess: 99.2,
      reviewCount: 1,
      jobsCompleted: null,
      totalEarnings: { amount: 48_250, currency: 'USD', raw: '$48,250' },
      hourlyRate: { amount: 30, currency: 'USD', raw: '$30/hr' },
    });
  });

  it('reads the feedback and quotes the payment mention', () => {
    expect(p.reviews).toEqual([{ date: 'Jan 12, 2025', rating: 5, text: 'Quick turnaround on our Laravel upgrade.' }]);
    expect(p.paymentMentions).toEqual(['Payment via crypto wallet is possible for faster delivery.']);
  });

  it('records the tiers', () => {
    expect(p.missing).toEqual(['localTime', 'languages']);
    expect(p.provenance).toMatchObject({ name: 'attributes', location: 'attributes', photo: 'attributes', skills: 'markup', education: 'markup', employment: 'markup', account: 'markup' });
  });

  it('is caught by the seeded rules', () => {
    expect(firedRules(p)).toEqual(expect.arrayContaining(SEEDED));
  });
});

describe('guru: jsonld-clean.html (JSON-LD + headings)', () => {
  const p = extractSite(guru, P, 'jsonld-clean');

  it('reads the JSON-LD fields', () => {
    expect(p.name).toBe('Sophie Martin');
    expect(p.headline).toBe('Brand and Logo Designer');
    expect(p.location).toEqual({ raw: 'Lyon, FR', city: 'Lyon', country: 'FR' });
    expect(p.photo).toEqual({ url: 'https://res.cloudinary.com/gurucom/image/upload/u/991204/sophie.jpg', alt: 'Sophie Martin' });
    expect(p.skills).toEqual(['Logo Design', 'Adobe Illustrator', 'Branding']);
    expect(p.languages).toEqual([
      { name: 'French', level: null },
      { name: 'English', level: null },
    ]);
    expect(p.links).toEqual([{ url: 'https://www.behance.net/sophiemartin-design', kind: 'portfolio' }]);
    expect(p.provenance).toMatchObject({ name: 'structured', skills: 'structured', languages: 'structured' });
  });

  it('reads education, employment and the dl stats', () => {
    expect(p.education).toEqual([
      expect.objectContaining({ school: 'Ecole Normale Supérieure de Lyon', degree: "Master's degree", field: 'Visual Communication', start: '2012', end: '2017' }),
    ]);
    expect(p.employment.map((e) => [e.company, e.title, e.country, e.start, e.end])).toEqual([['Atelier Rhône SARL', 'Art Director', 'FR', '2018', null]]);
    expect(p.account).toMatchObject({ memberSince: '2017-09', jobSuccess: 100, totalEarnings: { amount: 12_400, currency: 'USD' } });
  });

  it('raises none of the seeded flags', () => {
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('guru: sparse.html', () => {
  const p = extractSite(guru, P, 'sparse');

  it('reads the few fields shown and lists the rest as missing', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Tanya Mwangi');
    expect(p.headline).toBe('Virtual Assistant');
    expect(p.location).toEqual({ raw: 'Nairobi, Kenya', city: 'Nairobi', country: 'KE' });
    expect(p.photo?.url).toBe('https://res.cloudinary.com/gurucom/image/upload/u/4412098/tanya.jpg');
    expect(p.overview).toBe('Organised assistant for calendars, inboxes and data entry.');
    expect(p.missing).toEqual(['localTime', 'skills', 'languages', 'education', 'employment', 'links', 'account', 'reviews']);
    expect(firedRules(p).filter((r) => SEEDED.includes(r))).toEqual([]);
  });
});

describe('guru: odd pages', () => {
  const url = 'https://www.guru.com/freelancers/nobody';
  const cases: Record<string, string> = {
    empty: '<html><body></body></html>',
    'broken JSON-LD': '<html><head><script type="application/ld+json">{"@type":"Person",</script></head><body><h1 class="profile-name">Plain Name</h1></body></html>',
    'odd values': '<html><body><div itemscope itemtype="https://schema.org/Person"><span itemprop="name"></span><img itemprop="image" src="data:image/png;base64,AAAA"></div><ul class="profile-stats"><li><span class="stat-value">n/a</span><span class="stat-label">Earnings</span></li><li><span class="stat-value">900</span><span class="stat-label">Rating</span></li></ul></body></html>',
  };
  for (const [label, html] of Object.entries(cases)) {
    it(`gives a valid Profile without throwing: ${label}`, () => {
      const p = guru.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
    });
  }

  it('empty → everything missing; broken JSON-LD → the class markup; odd values are dropped', () => {
    expect(guru.extract(docOf(cases['empty']!), { url, now: NOW }).missing).toEqual([...PROFILE_FIELDS]);
    const b = guru.extract(docOf(cases['broken JSON-LD']!), { url, now: NOW });
    expect([b.name, b.provenance.name]).toEqual(['Plain Name', 'markup']);
    const o = guru.extract(docOf(cases['odd values']!), { url, now: NOW });
    expect(o.photo).toBeNull();
    expect(o.account.rating).toBeNull();
    expect(o.account.totalEarnings).toBeNull();
  });
});
