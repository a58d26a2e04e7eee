import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/check';
import { fiverr } from '../../lib/extractors/fiverr';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { NOW } from './helpers';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/fiverr');

function load(name: string): { html: string; url: string } {
  const html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
  const url = html.match(/<!--([\s\S]*?)-->/)?.[1]?.match(/^\s*URL:\s*(\S+)/m)?.[1];
  if (!url) throw new Error(`fixture ${name} has no URL line`);
  return { html, url };
}

function extract(name: string): Profile {
  const { html, url } = load(name);
  return fiverr.extract(parseHtmlDocument(html), { url, now: NOW });
}

const docOf = (html: string) => parseHTML(html).document as unknown as Document;

describe('fiverr fixtures', () => {
  it('each fixture URL is a seller URL the extractor handles', () => {
    for (const n of ['full', 'sparse', 'de-flagged']) expect(fiverr.handles(new URL(load(n).url)), n).toBe(true);
  });
});

describe('fiverr extractor: full.html (perseus payload)', () => {
  const p = extract('full');

  it('reads every seller field from the perseus JSON', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toMatchObject({ platform: 'fiverr', profileId: 'lucia_designs' });
    expect(p.name).toBe('Lucia M.');
    expect(p.headline).toBe('Brand identity and logo designer');
    expect(p.location).toEqual({ raw: 'Argentina', city: null, country: 'AR' });
    expect(p.photo).toEqual({
      url: 'https://fiverr-res.cloudinary.com/t_profile_original,q_auto,f_auto/attachments/profile/photo/8d1e2c3b4a/lucia.jpg',
      alt: 'Lucia M.',
    });
    expect(p.overview).toBe('I help small businesses build a clear, memorable brand: logos, palettes and brand guides.');
    expect(p.skills).toEqual(['Logo design', 'Brand identity', 'Adobe Illustrator']);
    expect(p.languages).toEqual([
      { name: 'Spanish', level: 'Native/Bilingual' },
      { name: 'English', level: 'Fluent' },
    ]);
    expect(p.account).toMatchObject({ memberSince: '2018-04', rating: 4.9, reviewCount: 312 });
    for (const f of ['name', 'headline', 'location', 'photo', 'overview', 'skills', 'languages', 'account'] as const)
      expect(p.provenance[f], f).toBe('structured');
    expect(p.missing).toEqual(['localTime', 'education', 'employment', 'links', 'reviews']);
  });

  it('falls back to the seller card when the perseus JSON is broken', () => {
    const { html, url } = load('full');
    const broken = html.replace('{"userId"', '{{{"userId"');
    const q = fiverr.extract(parseHtmlDocument(broken), { url, now: NOW });
    expect(q.name).toBe('Lucia M.');
    expect(q.provenance.name).toBe('markup');
    expect(q.location).toEqual({ raw: 'Argentina', city: null, country: 'AR' });
    expect(q.account).toMatchObject({ memberSince: '2018-04', rating: 4.9, reviewCount: 312 });
    expect(q.languages).toEqual([
      { name: 'Spanish', level: 'Native/Bilingual' },
      { name: 'English', level: 'Fluent' },
    ]);
    expect(q.skills).toEqual(['Logo design', 'Brand identity', 'Adobe Illustrator']);
  });
});

describe('fiverr extractor: de-flagged.html (German UI, other key spellings)', () => {
  const p = extract('de-flagged');

  it('maps displayName, countryCode and epoch memberDate', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Daniel K.');
    expect(p.location).toEqual({ raw: 'US', city: null, country: 'US' });
    expect(p.account).toMatchObject({ memberSince: '2024-10', rating: 5, reviewCount: 3 });
    expect(p.languages).toEqual([
      { name: 'English', level: null },
      { name: 'Korean', level: null },
    ]);
  });

  it('has no photo and quotes the payment request', () => {
    expect(p.photo).toBeNull();
    expect(p.missing).toContain('photo');
    expect(p.paymentMentions).toEqual(['Payment via USDT or Payoneer outside Fiverr gets a 20% discount.']);
  });

  it('reads the German seller card when the JSON is absent', () => {
    const { html, url } = load('de-flagged');
    const q = fiverr.extract(parseHtmlDocument(html.replace(/<script[\s\S]*?<\/script>/, '')), { url, now: NOW });
    expect(q.location).toEqual({ raw: 'Vereinigte Staaten', city: null, country: null });
    expect(q.account.memberSince).toBe('2024-10');
    expect(q.provenance.account).toBe('markup');
  });
});

describe('fiverr extractor: sparse.html (markup only)', () => {
  const p = extract('sparse');

  it('reads the seller card', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('codeking_77');
    expect(p.location).toEqual({ raw: 'Pakistan', city: null, country: 'PK' });
    expect(p.photo?.url).toBe('https://fiverr-res.cloudinary.com/t_profile_original,q_auto,f_auto/attachments/profile/photo/0a9b/ck77.png');
    expect(p.account.memberSince).toBe('2025-01');
    expect(p.provenance).toEqual({ name: 'markup', location: 'markup', photo: 'markup', account: 'markup' });
    expect(p.missing).toEqual(['headline', 'localTime', 'overview', 'skills', 'languages', 'education', 'employment', 'links', 'reviews']);
  });
});

describe('fiverr extractor: odd pages never throw', () => {
  const url = 'https://www.fiverr.com/someone';

  it('an empty document gives a valid, empty Profile', () => {
    for (const html of ['', '<html></html>', '<!doctype html><html><head></head><body></body></html>']) {
      const p = fiverr.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
      expect([...p.missing].sort()).toEqual([...PROFILE_FIELDS].sort());
    }
  });

  it('odd payloads give a valid Profile', () => {
    const pages = [
      '<script id="perseus-initial-props" type="application/json">null</script>',
      '<script id="perseus-initial-props" type="application/json">[1,2,3]</script>',
      '<script id="perseus-initial-props" type="application/json">{"seller":{"name":{"x":1},"country":42,"languages":"en","skills":[null,{}],"rating":99,"memberSince":-5,"profileImageUrl":"javascript:alert(1)"}}</script>',
      '<div><<>>><p>unclosed <ul class="user-stats"><li><span>From</span></li></ul>',
    ];
    for (const html of pages) {
      let p: Profile | undefined;
      expect(() => (p = fiverr.extract(docOf(html), { url, now: NOW }))).not.toThrow();
      expect(Profile.safeParse(p).success).toBe(true);
      expect(p!.photo).toBeNull();
      expect(p!.account.rating).toBeNull();
    }
  });
});

describe('fiverr.handles', () => {
  it('accepts seller pages only', () => {
    for (const u of ['https://www.fiverr.com/lucia_designs', 'https://www.fiverr.com/lucia_designs/?source=gig_page', 'https://de.fiverr.com/webpro_daniel'])
      expect(fiverr.handles(new URL(u)), u).toBe(true);
    for (const u of [
      'https://www.fiverr.com/',
      'https://www.fiverr.com/categories',
      'https://www.fiverr.com/categories/graphics-design',
      'https://www.fiverr.com/search/gigs?query=logo',
      'https://www.fiverr.com/gigs/logo',
      'https://www.fiverr.com/lucia_designs/design-a-minimalist-logo',
      'https://www.fiverr.com/start_selling',
      'https://www.fiverr.com/login',
      'http://www.fiverr.com/lucia_designs',
      'https://fiverr.com.evil.example/lucia_designs',
    ])
      expect(fiverr.handles(new URL(u)), u).toBe(false);
  });
});
