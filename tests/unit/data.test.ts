import { describe, expect, it } from 'vitest';
import { FRONT_ENTRIES, lookupSchool, matchFrontDomain, matchFrontName, normalizeName } from '../../lib/data';

describe('normalizeName', () => {
  it('lower-cases, strips accents, punctuation and a leading "the"', () => {
    expect(normalizeName('The University of Texas at Austin')).toBe('university of texas at austin');
    expect(normalizeName('Universidad Nacional Autónoma de México')).toBe('universidad nacional autonoma de mexico');
    expect(normalizeName('  A&M  College!! ')).toBe('a and m college');
  });
});

describe('lookupSchool', () => {
  it('finds a listed school by its exact name', () => {
    expect(lookupSchool('Dalian University of Technology')).toEqual({ name: 'Dalian University of Technology', country: 'CN', how: 'exact' });
    expect(lookupSchool('The University of Texas at Austin')).toMatchObject({ country: 'US', how: 'exact' });
  });

  it('ignores case, punctuation, accents and a leading "The"', () => {
    expect(lookupSchool('DALIAN UNIVERSITY OF TECHNOLOGY')).toMatchObject({ country: 'CN', how: 'exact' });
    expect(lookupSchool('dalian university-of-technology.')).toMatchObject({ country: 'CN', how: 'exact' });
    expect(lookupSchool('University of Texas at Austin')).toMatchObject({ country: 'US', how: 'exact' });
    expect(lookupSchool('Universidad Nacional Autonoma de Mexico')).toMatchObject({ country: 'MX', how: 'exact' });
  });

  it('finds the longest listed name contained in a longer text', () => {
    // "Dalian University" is also listed; the longer "Dalian University of Technology" must win.
    const m = lookupSchool('Dalian University of Technology, China');
    expect(m).toEqual({ name: 'dalian university of technology', country: 'CN', how: 'contained' });
    expect(lookupSchool('B.Eng. at Dalian University of Technology (Dalian, Liaoning)')).toMatchObject({
      name: 'dalian university of technology',
      country: 'CN',
    });
  });

  it('does not match a listed name only as part of a word', () => {
    const m = lookupSchool('XDalian University of Technologyz');
    expect(m).toBeNull();
  });

  it('returns null for unknown schools and empty input', () => {
    expect(lookupSchool('Springfield Institute of Imaginary Studies')).toBeNull();
    expect(lookupSchool('')).toBeNull();
    expect(lookupSchool('!!!')).toBeNull();
  });
});

describe('matchFrontName', () => {
  it('matches a listed name and its legal-suffix variants', () => {
    expect(matchFrontName('HopanaTech')?.name).toBe('HopanaTech');
    expect(matchFrontName('Hopanatech LLC')?.name).toBe('HopanaTech');
    expect(matchFrontName('Hopana Tech, Inc.')?.name).toBe('HopanaTech');
    expect(matchFrontName('Yanbian Silver Star Network Technology Co Ltd')?.name).toBe('Yanbian Silverstar Network Technology Co., Ltd.');
    expect(matchFrontName('Shenyang Tonywang Technology Limited')?.name).toBe('Shenyang Tonywang Technology LTD');
  });

  it('matches a listed multi-word variant contained in a longer name', () => {
    expect(matchFrontName('Yanbian Silver Star (branch office)')?.name).toBe('Yanbian Silverstar Network Technology Co., Ltd.');
  });

  it('tolerates one typo on a longer name', () => {
    expect(matchFrontName('HopanaTeck')?.name).toBe('HopanaTech');
    expect(matchFrontName('Shenyang Huguo Technolgy Ltd')?.name).toBe('Shenyang Huguo Technology Ltd');
  });

  it('does not match beyond the typo tolerance', () => {
    // "hopanatech" (10 letters) tolerates one edit; two are too many.
    expect(matchFrontName('HopanaTekk')).toBeNull();
    expect(matchFrontName('Hopanatechnics')).toBeNull();
  });

  it('returns null for unrelated companies and too-short names', () => {
    expect(matchFrontName('Acme Software Inc')).toBeNull();
    expect(matchFrontName('Silver Star Logistics')).toBeNull();
    expect(matchFrontName('Alis Software Group')).toBeNull(); // "Alis" alone is one word: whole-name match only
    expect(matchFrontName('Co., Ltd.')).toBeNull();
    expect(matchFrontName('Tech')).toBeNull();
    expect(matchFrontName('')).toBeNull();
  });

  it('filters by kind', () => {
    expect(matchFrontName('Kim Il Sung University', ['institution'])).toMatchObject({ name: 'Kim Il Sung University', kind: 'institution', country: 'KP' });
    expect(matchFrontName('Kim Il Sung University', ['company'])).toBeNull();
    expect(matchFrontName('HopanaTech', ['institution'])).toBeNull();
    expect(matchFrontName('HopanaTech', ['company'])?.kind).toBe('company');
  });
});

describe('matchFrontDomain', () => {
  it('matches a listed domain and its subdomains in URLs and bare hosts', () => {
    expect(matchFrontDomain('https://www.hopanatech.com/about')?.name).toBe('HopanaTech');
    expect(matchFrontDomain('hopanatech.com')?.name).toBe('HopanaTech');
    expect(matchFrontDomain('HTTPS://HOPANATECH.COM/')?.name).toBe('HopanaTech');
    expect(matchFrontDomain('https://inditechlab.com')?.name).toBe('Independent Lab LLC');
  });

  it('does not match look-alike hosts', () => {
    expect(matchFrontDomain('hopanatech.com.evil.example')).toBeNull();
    expect(matchFrontDomain('https://hopanatech.com.evil.example/about')).toBeNull();
    expect(matchFrontDomain('https://nothopanatech.com/')).toBeNull();
    expect(matchFrontDomain('https://github.com/hopanatech.com')).toBeNull();
  });

  it('returns null for junk', () => {
    expect(matchFrontDomain('')).toBeNull();
    expect(matchFrontDomain('not a url at all')).toBeNull();
  });
});

describe('front-company data', () => {
  it('every entry has a source, a kind and well-formed domains', () => {
    expect(FRONT_ENTRIES.length).toBeGreaterThan(0);
    for (const e of FRONT_ENTRIES) {
      expect(e.name.trim(), e.name).not.toBe('');
      expect(e.source.trim(), e.name).not.toBe('');
      expect(['company', 'institution']).toContain(e.kind);
      if (e.country !== null) expect(e.country).toMatch(/^[A-Z]{2}$/);
      for (const d of e.domains) expect(d, e.name).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('every entry matches its own name and variants', () => {
    for (const e of FRONT_ENTRIES) {
      for (const n of [e.name, ...e.variants]) {
        expect(matchFrontName(n, [e.kind]), n).toBe(e);
      }
      for (const d of e.domains) expect(matchFrontDomain(d), d).toBe(e);
    }
  });

  // Regression (fixed; lib/data/index.ts matchFrontName / frontCores): names whose core without legal suffixes is shorter
  // than 4 characters are dropped, so the listed variant "WKJ LLC" (core "wkj") can never match, even verbatim.
  it('the listed variant "WKJ LLC" matches itself', () => {
    expect(matchFrontName('WKJ LLC')?.name).toBe('Tony WKJ LLC');
  });
});
