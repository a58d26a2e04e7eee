import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/check';
import { statValue, upwork } from '../../lib/extractors/upwork';
import { PROFILE_FIELDS, Profile, RAW_TEXT_CAP } from '../../lib/profile/schema';
import { extractFixture, FIXTURE_NAMES, loadFixture, NOW } from './helpers';

const URL_OF = {
  flagged: loadFixture('full-flagged').url,
  clean: loadFixture('clean').url,
  sparse: loadFixture('sparse-logged-out').url,
};

function docOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('fixture URLs', () => {
  it('each fixture names an Upwork profile URL the extractor handles', () => {
    for (const u of Object.values(URL_OF)) {
      expect(u).toMatch(/^https:\/\/www\.upwork\.com\/freelancers\/~01[0-9a-f]{16}$/);
      expect(upwork.handles(new URL(u))).toBe(true);
    }
  });
});

describe('upwork extractor: full-flagged.html', () => {
  const p = extractFixture('full-flagged');

  it('produces a valid Profile with its source', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source).toEqual({
      platform: 'upwork',
      url: URL_OF.flagged,
      profileId: '~01f3a9c2b7d4e5a6b1',
      capturedAt: NOW.toISOString(),
    });
  });

  it('reads name, headline, location and local time', () => {
    expect(p.name).toBe('Daniel K.');
    expect(p.headline).toBe('Senior Full-Stack Engineer (React, Node.js)');
    // The location spans are "Dallas, TX" and "United States"; the local-time span is not part of it.
    expect(p.location).toEqual({ raw: 'Dallas, TX, United States', city: 'Dallas', country: 'US' });
    expect(p.localTime).toBe('3:12 am local time');
  });

  it('reads the avatar img (a default avatar), not og:image', () => {
    expect(p.photo).toEqual({
      url: 'https://www.upwork.com/static/assets/TopNavSsi/visitor-v2/default-avatar.svg',
      alt: 'Daniel K.',
    });
  });

  it('reads the overview text', () => {
    expect(p.overview).toContain('senior full-stack engineer with 9 years of experience');
    expect(p.overview).toContain('payment in USDT (crypto)');
    expect(p.overview).toContain('Telegram @dank_dev');
    // White space is collapsed to single spaces.
    expect(p.overview).not.toMatch(/\s{2,}|\n/);
  });

  it('reads skills once each, in page order', () => {
    expect(p.skills).toEqual(['React', 'Node.js', 'TypeScript', 'PostgreSQL', 'AWS']);
  });

  it('reads languages with their levels', () => {
    expect(p.languages).toEqual([
      { name: 'English', level: 'Fluent' },
      { name: 'Korean', level: 'Native or Bilingual' },
    ]);
  });

  it('reads the education entry', () => {
    expect(p.education).toHaveLength(1);
    expect(p.education[0]).toMatchObject({
      school: 'Dalian University of Technology',
      degree: 'Bachelor of Engineering (BEng)',
      field: 'Computer Science',
      start: '2010',
      end: '2014',
    });
    expect(p.education[0]!.raw).toContain('Dalian University of Technology');
  });

  it('reads each employment entry', () => {
    expect(p.employment.map((e) => [e.title, e.company])).toEqual([
      ['Senior Software Engineer', 'HopanaTech'],
      ['Full-Stack Developer', 'Brightline Software Inc.'],
      ['Software Developer', 'Hanbit Systems'],
    ]);
    const [hopana, brightline, hanbit] = p.employment;
    // "January 2021 - Present": the role is current, so end is null.
    expect(hopana).toMatchObject({ start: '2021-01', end: null, country: null, location: null });
    expect(hopana!.description).toBe('Led a team building B2B web applications for US clients.');
    expect(brightline).toMatchObject({ start: '2017-06', end: '2020-12', country: 'US', location: 'Seattle, WA, United States' });
    expect(brightline!.description).toBe('React and Node.js development for e-commerce clients.');
    expect(hanbit).toMatchObject({ start: '2015-03', end: '2017-05', country: 'KR', location: 'Seoul, South Korea' });
  });

  it('reads the linked GitHub account', () => {
    expect(p.links).toEqual([{ url: 'https://github.com/dank-dev-2021', kind: 'github' }]);
  });

  it('reads the account stats, verifications and the work-history rating', () => {
    expect(p.account.jobSuccess).toBe(100);
    expect(p.account.totalEarnings).toMatchObject({ amount: 80_000, currency: 'USD' });
    expect(p.account.jobsCompleted).toBe(42);
    expect(p.account.hourlyRate).toMatchObject({ amount: 45, currency: 'USD' });
    expect(p.account.verified).toEqual({ id: true, phone: true });
    // Two work-history items, both rated 5.0.
    expect(p.account.reviewCount).toBe(2);
    expect(p.account.rating).toBe(5);
    expect(p.account.memberSince).toBeNull();
  });

  it('reads the reviews with date, rating and text', () => {
    expect(p.reviews).toEqual([
      { date: 'Mar 12, 2024 - Apr 30, 2024', rating: 5, text: 'Daniel was excellent, fast and responsive. Would hire again.' },
      {
        date: 'Jan 5, 2024 - Feb 20, 2024',
        rating: 5,
        text: "Great developer. Payment was sent to his partner's Payoneer account as he asked.",
      },
    ]);
  });

  it('quotes the payment mentions of the bio and the reviews', () => {
    expect(p.paymentMentions.some((m) => /USDT/.test(m) && /advance payment/.test(m))).toBe(true);
    expect(p.paymentMentions.some((m) => /Payoneer/.test(m))).toBe(true);
    // Lines without payment words are not quoted.
    expect(p.paymentMentions.some((m) => /Telegram/.test(m))).toBe(false);
  });

  it('found every field, with the tier that read it', () => {
    expect(p.missing).toEqual([]);
    expect(p.provenance).toMatchObject({
      name: 'attributes', // h2[itemprop=name]; no JSON-LD on this page
      headline: 'markup', // h2.h4
      location: 'attributes',
      localTime: 'attributes',
      photo: 'markup',
      overview: 'attributes', // [data-test=description]
      skills: 'markup',
      education: 'attributes',
      employment: 'attributes',
      account: 'attributes',
      reviews: 'markup',
    });
    expect(Object.keys(p.provenance).sort()).toEqual([...PROFILE_FIELDS].sort());
  });

  it('keeps the visible text without scripts and within the cap', () => {
    expect(p.rawText).toContain('Daniel K.');
    expect(p.rawText).toContain('Employment history');
    expect(p.rawText.length).toBeLessThanOrEqual(RAW_TEXT_CAP);
  });
});

describe('upwork extractor: clean.html (JSON-LD)', () => {
  const p = extractFixture('clean');

  it('is a valid Profile', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.source.profileId).toBe('~01b7c1d2e3f4a5b6c7');
  });

  it('takes name, headline, location and photo from JSON-LD (structured tier)', () => {
    expect(p.name).toBe('Maria G.');
    expect(p.provenance.name).toBe('structured');
    expect(p.headline).toBe('Data Engineer (Python, Airflow, dbt)');
    expect(p.provenance.headline).toBe('structured');
    // addressLocality, addressRegion, addressCountry = Austin, TX, US.
    expect(p.location).toEqual({ raw: 'Austin, TX, US', city: 'Austin', country: 'US' });
    expect(p.provenance.location).toBe('structured');
    expect(p.photo).toEqual({ url: 'https://www.upwork.com/profile-portraits/c1Xq7mariag_100x100.jpg', alt: 'Maria G.' });
    expect(p.provenance.photo).toBe('structured');
  });

  it('falls back to markup for the overview (no description in the JSON-LD)', () => {
    expect(p.overview).toContain('I build reliable data pipelines and warehouses.');
    expect(p.provenance.overview).toBe('markup');
  });

  it('reads local time, skills and languages', () => {
    expect(p.localTime).toBe('10:41 am local time');
    expect(p.skills).toEqual(['Python', 'Apache Airflow', 'dbt', 'SQL']);
    expect(p.languages).toEqual([
      { name: 'English', level: 'Native or Bilingual' },
      { name: 'Spanish', level: 'Conversational' },
    ]);
  });

  it('reads both education entries', () => {
    expect(p.education).toHaveLength(2);
    expect(p.education[0]).toMatchObject({
      school: 'The University of Texas at Austin',
      degree: 'Master of Science (MS)',
      field: 'Statistics',
      start: '2014',
      end: '2016',
    });
    expect(p.education[1]).toMatchObject({
      school: 'Universidad Nacional Autónoma de México',
      degree: "Bachelor's degree",
      field: 'Actuarial Science',
      start: '2009',
      end: '2013',
    });
  });

  it('reads both employment entries', () => {
    expect(p.employment).toHaveLength(2);
    expect(p.employment[0]).toMatchObject({
      title: 'Senior Data Engineer',
      company: 'Cedar Health Analytics',
      start: '2020-02',
      end: null,
      country: 'US',
    });
    expect(p.employment[1]).toMatchObject({
      title: 'Data Analyst',
      company: 'Lone Star Retail Group',
      start: '2016-07',
      end: '2020-01',
      country: null,
      location: null,
    });
  });

  it('reads the account without verifications or reviews', () => {
    expect(p.account).toMatchObject({
      jobSuccess: 96,
      jobsCompleted: 18,
      verified: {},
      rating: null,
      reviewCount: null,
    });
    expect(p.account.totalEarnings).toMatchObject({ amount: 20_000, currency: 'USD' });
    expect(p.account.hourlyRate).toMatchObject({ amount: 70, currency: 'USD' });
  });

  it('lists exactly what this page lacks as missing, with no payment mentions', () => {
    // No linked accounts, no URL in the overview, no work-history items.
    expect(p.links).toEqual([]);
    expect(p.reviews).toEqual([]);
    expect([...p.missing].sort()).toEqual(['links', 'reviews']);
    expect(p.provenance.links).toBeUndefined();
    // "paid trial milestone through Upwork" mentions no payment method.
    expect(p.paymentMentions).toEqual([]);
  });

  it('falls back to the attributes tier when the JSON-LD block is broken', () => {
    const { html, url } = loadFixture('clean');
    const broken = html.replace('"@type":"ProfilePage"', '"@type":"ProfilePage",,,');
    expect(broken).not.toBe(html);
    const q = upwork.extract(parseHtmlDocument(broken), { url, now: NOW });
    expect(Profile.safeParse(q).success).toBe(true);
    expect(q.name).toBe('Maria G.');
    expect(q.provenance.name).toBe('attributes');
    // The location spans read "Austin, TX" and "United States".
    expect(q.location).toEqual({ raw: 'Austin, TX, United States', city: 'Austin', country: 'US' });
    expect(q.provenance.location).toBe('attributes');
    expect(q.provenance.photo).toBe('markup');
  });
});

describe('upwork extractor: sparse-logged-out.html', () => {
  const p = extractFixture('sparse-logged-out');

  it('is a valid partial Profile', () => {
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.name).toBe('Alex W.');
    expect(p.headline).toBe('WordPress Developer');
    expect(p.location).toEqual({ raw: 'Singapore', city: null, country: 'SG' });
    expect(p.overview).toContain('WooCommerce');
  });

  it('lists the absent sections in missing[] and not the present ones', () => {
    for (const f of ['education', 'employment', 'photo', 'account', 'reviews', 'skills', 'languages', 'localTime', 'links'] as const) {
      expect(p.missing).toContain(f);
    }
    for (const f of ['name', 'headline', 'location', 'overview'] as const) {
      expect(p.missing).not.toContain(f);
    }
    expect(p.photo).toBeNull();
    expect(p.education).toEqual([]);
    expect(p.employment).toEqual([]);
    expect(p.links).toEqual([]); // the "/signup" link is not a linked account
  });

  it('records provenance only for what was read', () => {
    expect(Object.keys(p.provenance).sort()).toEqual(['headline', 'location', 'name', 'overview']);
  });
});

describe('upwork extractor: odd pages never throw', () => {
  const url = 'https://www.upwork.com/freelancers/~01c9d8e7f6a5b4c3d2';

  it('an empty document gives a valid, empty Profile', () => {
    for (const html of ['', '<html></html>', '<!doctype html><html><head></head><body></body></html>']) {
      const p = upwork.extract(docOf(html), { url, now: NOW });
      expect(Profile.safeParse(p).success).toBe(true);
      expect(p.name).toBeNull();
      expect([...p.missing].sort()).toEqual([...PROFILE_FIELDS].sort());
      expect(p.provenance).toEqual({});
    }
  });

  it('garbage HTML gives a valid Profile', () => {
    const garbage = [
      '<div><<>>><p>unclosed <table><td><tr></div></span>&amp;&#xZZZ;<script>{{{</script>',
      '<html><body><section data-test="education"><h2>Education</h2><div class="air3-card-section"></div></section>' +
        '<div data-test="employment-history"><section>Present - Present</section></div>' +
        '<div data-test="stats"><div>$$$</div><div>Total earnings</div></div>' +
        '<script type="application/ld+json">{"@type":"Person","name":{"x":1},"address":"not an object","image":42}</script></body></html>',
    ];
    // Deterministic pseudo-random tag soup.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tokens = ['<div>', '</div>', '<h2>', 'Education', 'Employment history', '<li>', '2019 - Present', '$5K+', '<section data-test="education">', '</section>', '<img src="javascript:alert(1)">', 'Total earnings', ' ', '<a href="https://github.com/x">', '&nbsp;', '🇰🇵', '<ul>'];
    for (let n = 0; n < 5; n++) {
      let s = '';
      for (let i = 0; i < 300; i++) s += tokens[Math.floor(rnd() * tokens.length)];
      garbage.push(s);
    }
    for (const html of garbage) {
      let p: Profile | undefined;
      expect(() => {
        p = upwork.extract(docOf(html), { url, now: NOW });
      }).not.toThrow();
      expect(Profile.safeParse(p).success).toBe(true);
    }
  });

  it('caps the raw text of a huge page', () => {
    const big = `<html><body><div data-test="freelancer-profile">${'<p>lorem ipsum dolor sit amet</p>'.repeat(3000)}</div></body></html>`;
    const p = upwork.extract(docOf(big), { url, now: NOW });
    expect(Profile.safeParse(p).success).toBe(true);
    expect(p.rawText.length).toBeLessThanOrEqual(RAW_TEXT_CAP);
    expect(p.rawText.length).toBeGreaterThan(RAW_TEXT_CAP / 2);
  });

  it('ignores javascript: photo URLs', () => {
    const html = '<div data-test="freelancer-profile"><img class="air3-avatar" src="javascript:alert(1)"><h2 itemprop="name">X</h2></div>';
    const p = upwork.extract(docOf(html), { url, now: NOW });
    expect(p.photo).toBeNull();
    expect(p.missing).toContain('photo');
  });
});

describe('upwork extractor: DOM implementations', () => {
  it.each(FIXTURE_NAMES)('%s reads the same in a browser-like DOM (happy-dom) as in linkedom (the CLI)', (name) => {
    const { html, url } = loadFixture(name);
    const browserDoc = new DOMParser().parseFromString(html, 'text/html');
    expect(upwork.extract(browserDoc, { url, now: NOW })).toEqual(extractFixture(name));
  });
});

describe('statValue', () => {
  const root = (html: string) => docOf(`<html><body>${html}</body></html>`);
  it('reads the value before the label, not the rest of the block', () => {
    expect(statValue(root('<div><div>$80K+</div><div>Total earnings</div><div>12 hours ago</div></div>'), /^total earnings$/i)).toBe('$80K+');
  });
  it('reads the value after the label', () => {
    expect(statValue(root('<dl><dt>Total jobs</dt><dd>42</dd></dl>'), /^total jobs$/i)).toBe('42');
    expect(statValue(root('<div><span>Total jobs</span><span>42</span></div>'), /^total jobs$/i)).toBe('42');
  });
  it('returns null when the label is absent or has no number', () => {
    expect(statValue(root('<div><div>none</div><div>Total jobs</div></div>'), /^total jobs$/i)).toBeNull();
    expect(statValue(root('<div>42</div>'), /^total jobs$/i)).toBeNull();
  });
});

describe('upwork.handles', () => {
  it('accepts profile pages only', () => {
    const ok = ['https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1', 'https://www.upwork.com/freelancers/janedoe', 'https://www.upwork.com/fl/janedoe'];
    const no = [
      'https://www.upwork.com/jobs/123',
      'https://www.upwork.com/freelancers/settings/contactInfo',
      'https://www.upwork.com/freelancers/',
      'https://www.upwork.com/nx/jobs/search/',
      'https://upwork.com.evil.example/freelancers/~01f3a9c2b7d4e5a6b1',
    ];
    for (const u of ok) expect(upwork.handles(new URL(u)), u).toBe(true);
    for (const u of no) expect(upwork.handles(new URL(u)), u).toBe(false);
  });

  it('takes a vanity name as the profile id', () => {
    const p = upwork.extract(docOf('<html></html>'), { url: 'https://www.upwork.com/fl/janedoe', now: NOW });
    expect(p.source.profileId).toBe('janedoe');
  });
});
