/**
 * The generic extractor on real-shaped non-marketplace pages (tests/fixtures/generic): JSON-LD ProfilePage, schema.org
 * microdata, microformats2 h-card with headings, and h-resume. Field-level checks per page, the tier each field came
 * from, and the CLI check with --generic on each.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHtml, parseHtmlDocument } from '../../lib/cli/check';
import { enrichProfile } from '../../lib/data/places';
import { siteExtractorFor } from '../../lib/extractors';
import { generic } from '../../lib/extractors/generic';
import { Profile } from '../../lib/profile/schema';
import { extractSite, FIXTURES_ROOT, firedRules, fixtureNames, loadSiteFixture, NOW } from './site-fixtures';

const read = (name: string) => extractSite(generic, 'generic', name);
const brief = (p: Profile) => ({
  edu: p.education.map((e) => [e.school, e.degree, e.start, e.end]),
  emp: p.employment.map((e) => [e.company, e.title, e.country, e.start, e.end]),
});

describe('generic fixtures', () => {
  it('has at least three pages, none of them on a supported marketplace', () => {
    const names = fixtureNames('generic');
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const n of names) expect(siteExtractorFor(loadSiteFixture('generic', n).url)).toBeNull();
  });

  it.each(fixtureNames('generic'))('%s gives a schema-valid generic Profile with a name and dated history', (name) => {
    const p = read(name);
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source.platform).toBe('generic');
    expect(p.name).toBeTruthy();
    expect(p.education.length + p.employment.length).toBeGreaterThan(0);
    expect(p.missing).not.toContain('name');
  });
});

describe('portfolio-jsonld (ProfilePage + Person with Roles)', () => {
  const p = read('portfolio-jsonld');
  it('reads the person from the ProfilePage mainEntity, not the og:title or h1', () => {
    expect(p.name).toBe('Mei Tanaka');
    expect(p.headline).toBe('Frontend Engineer');
    expect(p.location).toEqual({ raw: 'Osaka, JP', city: 'Osaka', country: 'JP' });
    expect(p.photo).toEqual({ url: 'https://mei-tanaka.dev/img/mei-tanaka.jpg', alt: null });
    expect(p.overview).toMatch(/^Frontend engineer in Osaka/);
  });
  it('reads roles with dates, degrees and employer locations', () => {
    expect(brief(p)).toEqual({
      edu: [['Osaka University', 'Bachelor of Engineering', '2011-04', '2015-03']],
      emp: [
        ['Kansai Digital Works K.K.', 'Senior Frontend Engineer', 'JP', '2020-07', null],
        ['Naniwa Systems Co., Ltd.', 'Web Developer', 'JP', '2015-04', '2020-06'],
      ],
    });
    expect(p.employment[1]!.location).toBe('Kobe, Japan');
  });
  it('reads skills, languages (Language objects), sameAs links and the profile creation date', () => {
    expect(p.skills).toEqual(['TypeScript', 'React', 'Web accessibility', 'Performance']);
    expect(p.languages.map((l) => l.name)).toEqual(['Japanese', 'English']);
    expect(p.links).toEqual(
      expect.arrayContaining([
        { url: 'https://github.com/meitanaka', kind: 'github' },
        { url: 'https://www.linkedin.com/in/mei-tanaka-dev', kind: 'linkedin' },
        { url: 'https://x.com/meitanaka', kind: 'other' },
      ]),
    );
    expect(p.account.memberSince).toBe('2019-06');
  });
  it('records the structured tier for what JSON-LD gave', () => {
    for (const f of ['name', 'headline', 'location', 'photo', 'education', 'employment', 'skills', 'languages', 'account'] as const)
      expect(p.provenance[f]).toBe('structured');
    expect(p.missing).toEqual(['localTime', 'reviews']);
  });
});

describe('resume-microdata (schema.org microdata)', () => {
  const p = read('resume-microdata');
  it('reads name, title, nested PostalAddress, image and description from the Person item', () => {
    expect(p.name).toBe('Daniel Zhou');
    expect(p.headline).toBe('Senior Full-Stack Developer');
    expect(p.location).toEqual({ raw: 'San Jose, CA, United States', city: 'San Jose', country: 'US' });
    expect(p.photo).toEqual({ url: 'https://www.danielzhou-cv.com/images/daniel-zhou.jpg', alt: 'Daniel Zhou' });
    expect(p.overview).toContain('USDT');
    expect(p.paymentMentions.join(' ')).toContain('USDT');
  });
  it('reads OrganizationRole items: employer (not the nested address), title, dates, location', () => {
    expect(brief(p)).toEqual({
      edu: [['Dalian University of Technology', 'Bachelor of Science', '2011-09', '2015-06']],
      emp: [
        ['Brightline Analytics Inc.', 'Senior Software Engineer', 'US', '2019-03', null],
        ['Northgate Logistics LLC', 'Software Engineer', 'US', '2015-07', '2019-02'],
      ],
    });
    expect(p.employment.map((e) => e.location)).toEqual(['Austin, TX', 'Chicago, IL']);
    expect(p.employment[0]!.description).toBe('Payments dashboard, Node.js services on AWS.');
  });
  it('reads knowsAbout, knowsLanguage and sameAs/url links; tiers are attributes', () => {
    expect(p.skills).toEqual(['Node.js', 'React', 'AWS', 'PostgreSQL']);
    expect(p.languages).toEqual([
      { name: 'English', level: null },
      { name: 'Chinese', level: null },
    ]);
    expect(p.links).toContainEqual({ url: 'https://github.com/dzhou-dev', kind: 'github' });
    expect(p.provenance.education).toBe('attributes');
    expect(p.provenance.employment).toBe('attributes');
  });
  it('is seeded: schooling in Asia with US employers, and crypto payment', () => {
    expect(firedRules(p)).toEqual(expect.arrayContaining(['edu-asia-emp-west', 'pay-crypto']));
  });
});

describe('personal-hcard (h-card + headings)', () => {
  const p = read('personal-hcard');
  it('reads the representative h-card', () => {
    expect(p.name).toBe('Chiamaka Obi');
    expect(p.headline).toBe('Data Engineer');
    expect(p.photo).toEqual({ url: 'https://chiamaka-obi.com/me.jpg', alt: 'Chiamaka Obi' });
    expect(p.overview).toMatch(/^Data engineer\. I build reliable pipelines/);
    expect(p.links.map((l) => l.url)).toEqual(['https://chiamaka-obi.com/', 'https://github.com/chiamaka-obi', 'https://www.linkedin.com/in/chiamaka-obi']);
  });
  it('leaves a city-only location without a country in the extractor; enrichment fills it from the city data', () => {
    expect(p.location).toEqual({ raw: 'Lagos', city: null, country: null });
    expect(enrichProfile(p).location).toEqual({ raw: 'Lagos', city: 'Lagos', country: 'NG', countryFrom: 'city' });
  });
  it('reads "Work history", "Education" and "Languages" headings', () => {
    expect(brief(p)).toEqual({
      edu: [['University of Lagos', 'Bachelor of Science', '2013', '2017']],
      emp: [
        ['Paystack', 'Data Engineer', 'NG', '2021-02', null],
        ['Andela', 'Data Analyst', 'NG', '2018-06', '2021-01'],
      ],
    });
    expect(p.languages).toEqual([
      { name: 'English', level: 'Fluent' },
      { name: 'Igbo', level: 'Native' },
      { name: 'French', level: 'Basic' },
    ]);
    expect(p.provenance).toMatchObject({ name: 'attributes', education: 'generic', employment: 'generic', languages: 'generic' });
  });
  it('has no red flags', () => {
    expect(firedRules(enrichProfile(p))).toEqual([]);
  });
});

describe('indieweb-hresume (h-resume)', () => {
  const p = read('indieweb-hresume');
  it('reads the p-contact h-card and p-summary', () => {
    expect(p.name).toBe('Ravi Kumar');
    expect(p.headline).toBe('Backend Developer');
    expect(p.location).toEqual({ raw: 'Toronto, Canada', city: 'Toronto', country: 'CA' });
    expect(p.photo?.url).toBe('https://ravi-k.net/ravi.png');
    expect(p.overview).toBe('Backend developer (Java, Kotlin, Go). Open to long-term contracts.');
    expect(p.skills).toEqual(['Java', 'Kotlin', 'Go', 'Kafka']);
  });
  it('reads p-experience and p-education h-events with the organisation from their h-card', () => {
    expect(brief(p)).toEqual({
      edu: [['University of Mumbai', 'Master of Computer Applications', '2014-07', '2017-05']],
      emp: [
        ['Maple Ledger Corp.', 'Senior Backend Developer', 'CA', '2019-01', null],
        ['Harbour Freight Systems Inc.', 'Backend Developer', 'US', '2018-05', '2022-08'],
      ],
    });
    expect(p.provenance.employment).toBe('attributes');
  });
  it('is seeded: overlapping full-time roles', () => {
    expect(firedRules(p)).toContain('emp-overlap');
  });
});

describe('CLI check --generic on every generic fixture', () => {
  it.each(fixtureNames('generic'))('%s: checkHtml reads it and reports', (name) => {
    const { html, url } = loadSiteFixture('generic', name);
    const out = checkHtml(html, url, { generic: true, now: NOW });
    expect(out.profile.source.platform).toBe('generic');
    expect(out.report.name).toBe(out.profile.name);
    // Without --generic the CLI refuses a page no site extractor handles.
    expect(() => checkHtml(html, url, { now: NOW })).toThrow(/--generic/);
  });

  it('the command prints the level for a generic page (npm run check -- … --generic)', () => {
    const { url } = loadSiteFixture('generic', 'indieweb-hresume');
    const out = execFileSync('npx', ['tsx', 'lib/cli/check.ts', resolve(FIXTURES_ROOT, 'generic/indieweb-hresume.html'), '--url', url, '--generic', '--format', 'json'], {
      cwd: resolve(FIXTURES_ROOT, '../..'),
      encoding: 'utf8',
    });
    const json = JSON.parse(out) as { profile: Profile; report: { level: string; findings: { ruleId: string }[] } };
    expect(json.profile.name).toBe('Ravi Kumar');
    expect(json.report.findings.map((f) => f.ruleId)).toContain('emp-overlap');
  }, 60_000);
});

describe('generic extractor: odd microdata and microformats never throw', () => {
  const odd = [
    '<main itemscope itemtype="https://schema.org/Person"><span itemprop="alumniOf">Plain text school 2010 - 2014</span><span itemprop="worksFor" itemscope></span><span itemprop="address" itemscope></span></main>',
    '<div itemscope itemtype="http://schema.org/Person"><div itemprop="worksFor" itemscope itemtype="http://schema.org/OrganizationRole"><time itemprop="startDate" datetime="not a date"></time></div></div>',
    '<div class="h-card"><img class="u-photo" src="javascript:alert(1)"><a class="u-url" href="::::"></a></div><div class="h-resume"><div class="p-experience h-event"><time class="dt-start" datetime="20xx"></time></div><div class="p-education h-event"></div></div>',
    '<div class="h-card h-card"><span class="p-name"><span class="value">Ada</span> <span class="value">Lovelace</span></span><abbr class="p-country-name" title="United Kingdom">UK</abbr></div>',
    '<script type="application/ld+json">{"@type":"ProfilePage","dateCreated":42,"mainEntity":{"@type":"Person","worksFor":[{"@type":"EmployeeRole","worksFor":null},{"@type":"EmployeeRole"}],"alumniOf":[[]],"address":{"address":{"address":"Lagos"}}}}</script>',
  ];
  it.each(odd.map((h, i) => [i, h] as const))('page %i gives a valid Profile', (_i, body) => {
    const p = generic.extract(parseHtmlDocument(`<!doctype html><html><body>${body}</body></html>`), { url: 'https://example.org/me', now: NOW });
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.photo?.url ?? '').not.toMatch(/^javascript:/);
  });

  it('reads value-class names and abbr titles per the microformats2 parsing rules', () => {
    const p = generic.extract(parseHtmlDocument(`<!doctype html><html><body>${odd[3]}</body></html>`), { url: 'https://example.org/me', now: NOW });
    expect(p.name).toBe('AdaLovelace'); // value-class parts are concatenated, as the mf2 parsing spec says
    expect(p.location).toMatchObject({ raw: 'United Kingdom', country: 'GB' });
  });
});
