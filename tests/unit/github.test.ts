import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/check';
import { github } from '../../lib/extractors/github';
import { PROFILE_FIELDS, Profile } from '../../lib/profile/schema';
import { NOW } from './helpers';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/github');

function load(name: string): { html: string; url: string } {
  const html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
  const url = html.match(/<!--([\s\S]*?)-->/)?.[1]?.match(/^\s*URL:\s*(\S+)/m)?.[1];
  if (!url) throw new Error(`fixture ${name} has no URL line`);
  return { html, url };
}

function extract(name: string): Profile {
  const { html, url } = load(name);
  return github.extract(parseHtmlDocument(html), { url, now: NOW });
}

const docOf = (html: string) => parseHTML(html).document as unknown as Document;

describe('github fixtures', () => {
  it('each fixture URL is a GitHub profile URL the extractor handles', () => {
    for (const n of ['full', 'sparse', 'older-layout-flagged']) {
      const { url } = load(n);
      expect(url).toMatch(/^https:\/\/github\.com\/[A-Za-z0-9-]+$/);
      expect(github.handles(new URL(url))).toBe(true);
    }
  });
});

describe('github extractor: full.html', () => {
  const p = extract('full');

  it('is a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({ platform: 'github', url: 'https://github.com/mira-okafor', profileId: 'mira-okafor', capturedAt: NOW.toISOString() });
  });

  it('reads name, bio, location and local time from the vcard microdata', () => {
    expect(p.name).toBe('Mira Okafor');
    expect(p.headline).toBe('Backend engineer. Go, Postgres, distributed systems. Maintainer of pgqueue.');
    expect(p.location).toEqual({ raw: 'Lisbon, Portugal', city: 'Lisbon', country: 'PT' });
    expect(p.localTime).toBe('14:05 (UTC +00:00)');
    expect(p.provenance).toMatchObject({ name: 'attributes', headline: 'attributes', location: 'attributes', localTime: 'attributes' });
  });

  it('reads the vcard avatar, not the header avatar of the viewer', () => {
    expect(p.photo).toEqual({ url: 'https://avatars.githubusercontent.com/u/4812345?v=4', alt: "View mira-okafor's full-sized avatar" });
  });

  it('takes the profile README as the overview', () => {
    expect(p.overview).toBe(
      "Hi, I'm Mira 👋 I build queues and storage layers at Northwind Labs. Previously SRE at a payments startup. Talks, posts and side projects live at mira.dev.",
    );
    expect(p.provenance.overview).toBe('markup');
  });

  it('reads pinned repository languages once each as skills', () => {
    expect(p.skills).toEqual(['Go', 'Rust']);
  });

  it('reads the company as a current employer without the @', () => {
    expect(p.employment).toEqual([
      { company: 'northwind-labs', title: null, location: null, country: null, start: null, end: null, description: null, raw: '@northwind-labs' },
    ]);
  });

  it('reads the website and social links', () => {
    expect(p.links).toEqual([
      { url: 'https://mira.dev/', kind: 'other' },
      { url: 'https://www.linkedin.com/in/miraokafor', kind: 'linkedin' },
      { url: 'https://hachyderm.io/@mira', kind: 'other' },
    ]);
  });

  it('takes the earliest contribution year as member since', () => {
    expect(p.account.memberSince).toBe('2014');
    expect(p.provenance.account).toBe('markup');
  });

  it('misses only what GitHub never shows', () => {
    expect(p.missing).toEqual(['languages', 'education', 'reviews']);
    expect(p.paymentMentions).toEqual([]);
    expect(p.rawText).toContain('Mira Okafor');
  });
});

describe('github extractor: older-layout-flagged.html', () => {
  const p = extract('older-layout-flagged');

  it('reads the older vcard (bio from .p-note, avatar from img.avatar)', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Kevin Li');
    expect(p.headline).toBe('Senior full-stack developer | React, Node.js, Web3 | open to long-term contracts');
    expect(p.provenance.headline).toBe('markup');
    expect(p.location).toEqual({ raw: 'Dallas, TX', city: 'Dallas', country: 'US' });
    expect(p.photo).toEqual({ url: 'https://avatars.githubusercontent.com/u/152000333?s=460&v=4', alt: null });
    expect(p.provenance.photo).toBe('markup');
    expect(p.localTime).toBeNull();
  });

  it('reads the listed front company as the employer', () => {
    expect(p.employment).toHaveLength(1);
    expect(p.employment[0]).toMatchObject({ company: 'Shenyang Tonywang Technology LTD', start: null, end: null });
  });

  it('reads the "Joined on" date from relative-time', () => {
    expect(p.account.memberSince).toBe('2024-11');
  });

  it('reads the website, skills and the payment mention of the README', () => {
    expect(p.links).toEqual([{ url: 'http://kevinli-dev.netlify.app/', kind: 'portfolio' }]);
    expect(p.skills).toEqual(['TypeScript', 'JavaScript']);
    expect(p.paymentMentions).toEqual(["I prefer payment in USDT or via my partner's Payoneer account."]);
  });
});

describe('github extractor: sparse.html', () => {
  const p = extract('sparse');

  it('is a valid partial Profile with the identicon only', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBeNull();
    expect(p.headline).toBeNull();
    expect(p.photo?.url).toBe('https://avatars.githubusercontent.com/u/190000017?v=4');
    expect(p.provenance).toEqual({ photo: 'attributes' });
    expect([...p.missing].sort()).toEqual(PROFILE_FIELDS.filter((f) => f !== 'photo').sort());
  });
});

describe('github extractor: odd pages never throw', () => {
  const url = 'https://github.com/someone';

  it('an empty document gives a valid, empty Profile', () => {
    for (const html of ['', '<html></html>', '<!doctype html><html><head></head><body></body></html>']) {
      const p = github.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
      expect([...p.missing].sort()).toEqual([...PROFILE_FIELDS].sort());
      expect(p.provenance).toEqual({});
    }
  });

  it('garbage and hostile markup give a valid Profile', () => {
    const pages = [
      '<div><<>>><p>unclosed <table><td><tr></div></span>&amp;&#xZZZ;<script>{{{</script>',
      '<main><li itemprop="homeLocation"></li><li itemprop="worksFor">@</li><img class="avatar" src="javascript:alert(1)">' +
        '<li itemprop="url"><a href="mailto:x@y.z">mail</a></li><a class="js-year-link">19999</a><span>Joined on never</span></main>',
    ];
    for (const html of pages) {
      let p: Profile | undefined;
      expect(() => (p = github.extract(docOf(html), { url, now: NOW }))).not.toThrow();
      expect(Profile.safeParse(p).success).toBe(true);
      expect(p!.photo).toBeNull();
      expect(p!.links).toEqual([]);
      expect(p!.account.memberSince).toBeNull();
    }
  });
});

describe('github.handles', () => {
  it('accepts user profile pages only', () => {
    const ok = ['https://github.com/octocat', 'https://github.com/octocat/', 'https://github.com/a-b-c?tab=repositories'];
    const no = [
      'https://github.com/',
      'https://github.com/orgs/github/people',
      'https://github.com/settings',
      'https://github.com/features',
      'https://github.com/topics',
      'https://github.com/marketplace',
      'https://github.com/login',
      'https://github.com/octocat/hello-world',
      'https://github.com/-bad',
      'https://gist.github.com/octocat',
      'http://github.com/octocat',
      'https://github.com.evil.example/octocat',
    ];
    for (const u of ok) expect(github.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(github.handles(new URL(u)), u).toBe(false);
    expect(github.matches).toEqual(['https://github.com/*']);
  });
});
