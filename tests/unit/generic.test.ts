import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/check';
import { analyze } from '../../lib/engine';
import { extractProfile, SITE_MATCHES, siteExtractorFor } from '../../lib/extractors';
import { generic } from '../../lib/extractors/generic';
import { upwork } from '../../lib/extractors/upwork';
import { Profile } from '../../lib/profile/schema';
import { NOW } from './helpers';

const PAGE_URL = 'https://jane.example.com/about';

const PERSON = {
  '@context': 'https://schema.org',
  '@type': 'Person',
  name: 'Jane Roe',
  jobTitle: 'Backend Engineer',
  description: 'I write Go and Rust services.',
  image: '/img/jane.jpg',
  address: { '@type': 'PostalAddress', addressLocality: 'Toronto', addressRegion: 'ON', addressCountry: 'Canada' },
  alumniOf: [{ '@type': 'CollegeOrUniversity', name: 'University of Waterloo' }],
  worksFor: { '@type': 'Organization', name: 'Globex Corporation' },
  sameAs: ['https://github.com/janeroe', 'https://www.linkedin.com/in/janeroe'],
  knowsLanguage: ['English', 'French'],
};

function ldPage(person: object): string {
  return `<!doctype html><html><head><title>Jane's page</title>
<script type="application/ld+json">${JSON.stringify(person)}</script></head>
<body><main><h1>Someone Else</h1><p>Welcome to my page.</p></main></body></html>`;
}

/** Flat markup: h2 headings followed by lists, no section wrappers, no JSON-LD. */
function headingsPage(entryTag: 'strong' | 'h3'): string {
  const t = (s: string) => `<${entryTag}>${s}</${entryTag}>`;
  return `<!doctype html><html><head><title>Sam Lee</title></head><body><main>
<h1>Sam Lee</h1>
<p>Freelance developer.</p>
<h2>Experience</h2>
<ul>
 <li>${t('Backend Engineer at Globex Corporation')}<p>Mar 2019 - Present</p><p>Berlin, Germany</p></li>
 <li>${t('Developer | Initech')}<p>2015 - 2019</p></li>
</ul>
<h2>Education</h2>
<ul>
 <li>${t('Kyoto University')}<p>Bachelor of Science in Physics</p><p>2011 - 2015</p></li>
</ul>
<h2>Languages</h2>
<ul><li>English: Fluent</li><li>Japanese: Native</li></ul>
</main></body></html>`;
}

describe('generic extractor: JSON-LD Person', () => {
  const p = generic.extract(parseHtmlDocument(ldPage(PERSON)), { url: PAGE_URL, now: NOW });

  it('is a valid generic Profile', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toMatchObject({ platform: 'generic', url: PAGE_URL, profileId: null, capturedAt: NOW.toISOString() });
  });

  it('prefers the JSON-LD name over the page h1', () => {
    expect(p.name).toBe('Jane Roe');
    expect(p.provenance.name).toBe('structured');
  });

  it('reads jobTitle, description and address', () => {
    expect(p.headline).toBe('Backend Engineer');
    expect(p.overview).toBe('I write Go and Rust services.');
    expect(p.location).toEqual({ raw: 'Toronto, ON, Canada', city: 'Toronto', country: 'CA' });
    expect(p.provenance.location).toBe('structured');
  });

  it('resolves a relative image against the page URL', () => {
    expect(p.photo).toEqual({ url: 'https://jane.example.com/img/jane.jpg', alt: null });
  });

  it('turns alumniOf into education and worksFor into employment', () => {
    expect(p.education).toEqual([{ school: 'University of Waterloo', degree: null, field: null, start: null, end: null, raw: 'University of Waterloo' }]);
    expect(p.provenance.education).toBe('structured');
    expect(p.employment).toHaveLength(1);
    expect(p.employment[0]).toMatchObject({ company: 'Globex Corporation', title: null, country: null, start: null, end: null });
    expect(p.provenance.employment).toBe('structured');
  });

  it('classifies sameAs links', () => {
    expect(p.links).toEqual([
      { url: 'https://github.com/janeroe', kind: 'github' },
      { url: 'https://www.linkedin.com/in/janeroe', kind: 'linkedin' },
    ]);
  });

  it('reads knowsLanguage without levels', () => {
    expect(p.languages).toEqual([
      { name: 'English', level: null },
      { name: 'French', level: null },
    ]);
  });

  it('lists what the page lacks', () => {
    expect([...p.missing].sort()).toEqual(['account', 'localTime', 'reviews', 'skills']);
  });

  it('accepts a single alumniOf object, a string address and a Person inside @graph', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'About' },
        { '@type': 'Person', name: 'Kim Lee', address: 'Seoul, South Korea', alumniOf: { '@type': 'CollegeOrUniversity', name: 'Kim Il Sung University' }, worksFor: [{ name: 'HopanaTech' }] },
      ],
    };
    const q = generic.extract(parseHtmlDocument(ldPage(graph)), { url: PAGE_URL, now: NOW });
    expect(q.name).toBe('Kim Lee');
    expect(q.location).toEqual({ raw: 'Seoul, South Korea', city: 'Seoul', country: 'KR' });
    expect(q.education.map((e) => e.school)).toEqual(['Kim Il Sung University']);
    expect(q.employment.map((e) => e.company)).toEqual(['HopanaTech']);
    // Both names are on the front-company list: the rules see what the generic reader produced.
    const report = analyze(q, { now: NOW });
    const front = report.findings.filter((f) => f.ruleId === 'emp-front');
    expect(front.map((f) => f.evidence[0]!.field).sort()).toEqual(['education[0].school', 'employment[0].company']);
    expect(report.level).toBe('high');
  });
});

describe('generic extractor: section headings only', () => {
  const p = generic.extract(parseHtmlDocument(headingsPage('strong')), { url: 'https://sam.example.org/', now: NOW });

  it('is a valid Profile named by the h1', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Sam Lee');
    expect(p.provenance.name).toBe('markup');
  });

  it('reads the "Experience" section', () => {
    expect(p.provenance.employment).toBe('generic');
    expect(p.employment).toHaveLength(2);
    expect(p.employment[0]).toMatchObject({
      title: 'Backend Engineer',
      company: 'Globex Corporation',
      start: '2019-03',
      end: null,
      location: 'Berlin, Germany',
      country: 'DE',
    });
    expect(p.employment[1]).toMatchObject({ title: 'Developer', company: 'Initech', start: '2015', end: '2019', country: null });
  });

  it('reads the "Education" section', () => {
    expect(p.provenance.education).toBe('generic');
    expect(p.education).toHaveLength(1);
    expect(p.education[0]).toMatchObject({
      school: 'Kyoto University',
      degree: 'Bachelor of Science',
      field: 'Physics',
      start: '2011',
      end: '2015',
    });
  });

  it('reads the "Languages" section with levels', () => {
    expect(p.languages).toEqual([
      { name: 'English', level: 'Fluent' },
      { name: 'Japanese', level: 'Native' },
    ]);
  });

  it('does not invent what is not there', () => {
    expect(p.headline).toBeNull();
    expect(p.location).toBeNull();
    expect(p.photo).toBeNull();
    expect(p.missing).toEqual(expect.arrayContaining(['headline', 'location', 'photo', 'links', 'account']));
    expect(p.missing).not.toContain('education');
    expect(p.missing).not.toContain('employment');
  });

  it('reads the same in a browser-like DOM (happy-dom)', () => {
    const doc = new DOMParser().parseFromString(headingsPage('strong'), 'text/html');
    expect(generic.extract(doc, { url: 'https://sam.example.org/', now: NOW })).toEqual(p);
  });

  // Regression (fixed; lib/extractors/sections.ts readEmploymentEntry, description): the location line is removed from the
  // description only when written with a trailing period ("Berlin, Germany."), so here it is repeated as the description.
  it('a location-only line is not repeated as the description', () => {
    expect(p.employment[0]!.description).toBeNull();
  });

  // Regression (fixed; lib/extractors/dom.ts sectionByHeading, flat-markup branch): collection stops at the first sibling
  // that contains ANY heading, so entries with their own h3 under an h2 section yield an empty section.
  it('entries with h3 sub-headings under a flat h2 section are read', () => {
    const q = generic.extract(parseHtmlDocument(headingsPage('h3')), { url: 'https://sam.example.org/', now: NOW });
    expect(q.education.map((e) => e.school)).toEqual(['Kyoto University']);
    expect(q.employment.map((e) => e.company)).toEqual(['Globex Corporation', 'Initech']);
  });
});

describe('generic extractor: odd pages', () => {
  it('an empty page gives a valid Profile with everything missing but nothing thrown', () => {
    const p = generic.extract(parseHtmlDocument('<html><body></body></html>'), { url: PAGE_URL, now: NOW });
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBeNull();
    expect(p.rawText).toBe('');
  });

  it('skips broken JSON-LD and reads the rest', () => {
    const html = '<html><head><script type="application/ld+json">{"@type":"Person",</script><meta property="og:image" content="/me.png"></head><body><h1>Lee</h1></body></html>';
    const p = generic.extract(parseHtmlDocument(html), { url: PAGE_URL, now: NOW });
    expect(p.name).toBe('Lee');
    expect(p.photo).toEqual({ url: 'https://jane.example.com/me.png', alt: null });
    expect(p.provenance.photo).toBe('markup');
  });
});

describe('extractor registry', () => {
  it('siteExtractorFor returns upwork for profile URLs', () => {
    expect(siteExtractorFor('https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1')).toBe(upwork);
    expect(siteExtractorFor('https://www.upwork.com/freelancers/janedoe')).toBe(upwork);
    expect(siteExtractorFor('https://www.upwork.com/fl/janedoe')).toBe(upwork);
  });

  it('siteExtractorFor returns null for non-profile pages and other sites', () => {
    for (const u of [
      'https://www.upwork.com/jobs/123',
      'https://www.upwork.com/nx/jobs/search/',
      'https://www.upwork.com/',
      'https://www.linkedin.com/feed/',
      'https://github.com/settings/profile',
      'https://example.com/x',
      'https://upwork.com.evil.example/freelancers/~01f3a9c2b7d4e5a6b1',
      'not a url',
      '',
    ]) {
      expect(siteExtractorFor(u), u).toBeNull();
    }
  });

  it('each platform profile URL goes to its own extractor', () => {
    const cases: [string, string][] = [
      ['https://www.linkedin.com/in/janedoe/', 'linkedin'],
      ['https://github.com/janedoe', 'github'],
      ['https://www.fiverr.com/janedoe', 'fiverr'],
      ['https://www.freelancer.com/u/janedoe', 'freelancer'],
      ['https://www.toptal.com/resume/jane-doe', 'toptal'],
      ['https://www.guru.com/freelancers/jane-doe', 'guru'],
      ['https://www.peopleperhour.com/freelancer/jane-doe', 'peopleperhour'],
    ];
    for (const [u, id] of cases) expect(siteExtractorFor(u)?.id, u).toBe(id);
  });

  it('the content-script match patterns cover the Upwork profile paths', () => {
    expect(SITE_MATCHES).toEqual(expect.arrayContaining(['https://www.upwork.com/freelancers/*', 'https://www.upwork.com/fl/*']));
  });

  it('extractProfile picks the site extractor, the generic one elsewhere, or generic when forced', () => {
    const doc = parseHtmlDocument(ldPage(PERSON));
    expect(extractProfile(doc, { url: 'https://www.upwork.com/freelancers/janedoe', now: NOW }).source.platform).toBe('upwork');
    expect(extractProfile(doc, { url: 'https://example.com/x', now: NOW }).source.platform).toBe('generic');
    expect(extractProfile(doc, { url: 'https://www.upwork.com/freelancers/janedoe', now: NOW, forceGeneric: true }).source.platform).toBe('generic');
  });
});
