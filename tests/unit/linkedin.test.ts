import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/check';
import { isMasked, linkedin } from '../../lib/extractors/linkedin';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { NOW } from './helpers';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin');
const NAMES = ['logged-in-flagged', 'public-clean', 'sparse-masked'];

function load(name: string): { html: string; url: string } {
  const html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
  const url = html.match(/<!--([\s\S]*?)-->/)?.[1]?.match(/^\s*URL:\s*(\S+)/m)?.[1];
  if (!url) throw new Error(`fixture ${name} has no URL line`);
  return { html, url };
}

function extract(name: string): Profile {
  const { html, url } = load(name);
  return linkedin.extract(parseHtmlDocument(html), { url, now: NOW });
}

const docOf = (html: string) => parseHTML(html).document as unknown as Document;

describe('linkedin fixtures', () => {
  it('each fixture URL is a LinkedIn profile URL the extractor handles', () => {
    for (const n of NAMES) {
      const { url } = load(n);
      expect(url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+\/$/);
      expect(linkedin.handles(new URL(url))).toBe(true);
    }
  });
});

describe('linkedin extractor: logged-in-flagged.html (SPA DOM, no JSON-LD)', () => {
  const p = extract('logged-in-flagged');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toMatchObject({ platform: 'linkedin', profileId: 'jason-park-dev9', url: 'https://www.linkedin.com/in/jason-park-dev9/' });
  });

  it('reads the top card', () => {
    expect(p.name).toBe('Jason Park');
    expect(p.headline).toBe('Senior Software Engineer | React · Node.js · AWS');
    expect(p.location).toEqual({ raw: 'San Jose, California, United States', city: 'San Jose', country: 'US' });
    expect(p.provenance).toMatchObject({ name: 'markup', headline: 'markup', location: 'markup' });
  });

  it('treats the ghost avatar as no photo', () => {
    expect(p.photo).toBeNull();
    expect(p.missing).toContain('photo');
  });

  it('reads the about text once (aria-hidden span, not the visually-hidden copy)', () => {
    expect(p.overview).toBe(
      'Full-stack engineer with 8 years of experience building SaaS products for US and Korean companies. I can work US hours and start immediately.',
    );
    expect(p.provenance.overview).toBe('attributes');
  });

  it('reads each role, splitting a company with two roles and giving them its location', () => {
    expect(p.provenance.employment).toBe('attributes');
    expect(p.employment.map((e) => [e.title, e.company, e.start, e.end, e.country])).toEqual([
      ['Senior Software Engineer', 'Brightpath Software Inc.', '2022-03', null, 'US'],
      ['Software Engineer', 'Brightpath Software Inc.', '2021-01', '2022-02', 'US'],
      ['Full-Stack Developer', 'Hanul Systems', '2017-06', '2020-12', 'KR'],
    ]);
    expect(p.employment[0]).toMatchObject({ location: 'Austin, Texas, United States', description: 'Led the checkout rewrite in React and Node.js.' });
    // "· On-site" is cut from the location; the "Skills:" line is not part of the description.
    expect(p.employment[2]).toMatchObject({ location: 'Seoul, South Korea', description: 'Built internal ERP dashboards.' });
  });

  it('reads the school with degree, field and years', () => {
    expect(p.education).toEqual([
      {
        school: 'Harbin Institute of Technology',
        degree: 'Bachelor of Engineering - BE',
        field: 'Computer Science',
        start: '2012',
        end: '2016',
        raw: 'Harbin Institute of Technology · Bachelor of Engineering - BE, Computer Science · 2012 - 2016',
      },
    ]);
  });

  it('reads skills and languages with levels', () => {
    expect(p.skills).toEqual(['React.js', 'Node.js', 'Amazon Web Services (AWS)']);
    expect(p.languages).toEqual([
      { name: 'English', level: 'Full professional proficiency' },
      { name: 'Korean', level: 'Native or bilingual proficiency' },
    ]);
  });

  it('lists what the page lacks', () => {
    expect(p.missing).toEqual(['localTime', 'photo', 'links', 'account', 'reviews']);
  });
});

describe('linkedin extractor: public-clean.html (logged-out JSON-LD)', () => {
  const p = extract('public-clean');

  it('reads the Person from the @graph (structured tier)', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Anna Lindqvist');
    expect(p.headline).toBe('Staff Data Engineer at Nordlys Analytics');
    expect(p.overview).toBe('I design data platforms: streaming ingestion, lakehouse storage and the tooling around them.');
    expect(p.location).toEqual({ raw: 'Stockholm, Stockholm County, Sweden', city: 'Stockholm', country: 'SE' });
    expect(p.photo?.url).toBe(
      'https://media.licdn.com/dms/image/v2/D4D03AQ/profile-displayphoto-shrink_200_200/0/1700000000000?e=2147483647&v=beta&t=x',
    );
    for (const f of ['name', 'headline', 'overview', 'location', 'photo', 'education', 'employment', 'languages'] as const)
      expect(p.provenance[f], f).toBe('structured');
  });

  it('reads employers with dates and drops the masked one', () => {
    expect(p.employment.map((e) => [e.company, e.start, e.end, e.country])).toEqual([
      ['Nordlys Analytics', '2021-04', null, 'SE'],
      ['Kvarn Bank AB', '2017', '2021', 'SE'],
    ]);
    expect(p.employment[0]!.description).toBe('Lead of the data platform team.');
  });

  it('reads schools with degree and years', () => {
    expect(p.education.map((e) => [e.school, e.degree, e.field, e.start, e.end])).toEqual([
      ['KTH Royal Institute of Technology', 'Master of Science - MS', 'Computer Science', '2010', '2015'],
      ['Uppsala University', null, null, '2013', '2014'],
    ]);
  });

  it('reads languages and non-LinkedIn sameAs links', () => {
    expect(p.languages).toEqual([
      { name: 'Swedish', level: null },
      { name: 'English', level: null },
    ]);
    expect(p.links).toEqual([{ url: 'https://annalindqvist.se/', kind: 'other' }]);
  });
});

describe('linkedin extractor: sparse-masked.html', () => {
  const p = extract('sparse-masked');

  it('treats masked values as missing and falls back to the public top card', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('T. Nguyen');
    expect(p.headline).toBe('Software Developer');
    expect(p.provenance.headline).toBe('markup');
    expect(p.location).toEqual({ raw: 'Toronto, Ontario, Canada', city: 'Toronto', country: 'CA' });
    expect(p.employment).toEqual([]);
    expect(p.education).toEqual([]);
    expect(p.missing).toEqual(['localTime', 'photo', 'overview', 'skills', 'languages', 'education', 'employment', 'links', 'account', 'reviews']);
  });

  it('isMasked recognises redactions only', () => {
    for (const s of ['********', '··· ···', 'Acme ***', '—']) expect(isMasked(s), s).toBe(true);
    for (const s of ['Acme', 'A-B Corp', 'T. Nguyen']) expect(isMasked(s), s).toBe(false);
  });
});

describe('linkedin extractor: odd pages never throw', () => {
  const url = 'https://www.linkedin.com/in/someone/';

  it('an empty document gives a valid, empty Profile', () => {
    for (const html of ['', '<html></html>', '<!doctype html><html><head></head><body></body></html>']) {
      const p = linkedin.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
      expect([...p.missing].sort()).toEqual([...PROFILE_FIELDS].sort());
    }
  });

  it('an authwall page and broken JSON-LD give a valid Profile', () => {
    const pages = [
      '<html><head><title>Sign Up | LinkedIn</title><script type="application/ld+json">{"@graph":[{"@type":"Person","name":{"x":1},"worksFor":"nope","alumniOf":[null,1,{"name":"********"}],"image":42,"address":[]}]}</script></head><body><main><div class="authwall">Join LinkedIn to view</div></main></body></html>',
      '<main><section><div id="experience"></div><ul><li><span aria-hidden="true"></span></li><li><span aria-hidden="true">Present - Present</span></li></ul></section><section><div id="education"></div><ul><li></li></ul></section></main>',
      '<div><<>>><p>unclosed <table><td><tr></div></span>&amp;&#xZZZ;<script type="application/ld+json">{{{</script>',
    ];
    for (const html of pages) {
      let p: Profile | undefined;
      expect(() => (p = linkedin.extract(docOf(html), { url, now: NOW }))).not.toThrow();
      expect(Profile.safeParse(p).success).toBe(true);
      expect(p!.name).toBeNull();
      expect(p!.education).toEqual([]);
    }
  });
});

describe('linkedin.handles', () => {
  it('accepts /in/<vanity>/ profile pages only', () => {
    for (const u of ['https://www.linkedin.com/in/jane-doe/', 'https://www.linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/%E9%87%91-abc/?trk=x'])
      expect(linkedin.handles(new URL(u)), u).toBe(true);
    for (const u of [
      'https://www.linkedin.com/',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/in/jane-doe/details/experience/',
      'https://www.linkedin.com/company/acme/',
      'https://www.linkedin.com/jobs/view/123/',
      'http://www.linkedin.com/in/jane-doe/',
      'https://linkedin.com.evil.example/in/jane-doe/',
    ])
      expect(linkedin.handles(new URL(u)), u).toBe(false);
  });
});
