import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { CITIES_PATH, renderCities } from '../../lib/data/build-cities';
import { cityCountry, countryFromName, enrichProfile, resolvePlace } from '../../lib/data/places';
import { Profile } from '../../lib/profile/schema';
import { emp, makeProfile, NOW } from './helpers';

describe('cities.json', () => {
  it('matches the installed city-timezones package (run `npx tsx lib/data/build-cities.ts` after updating it)', () => {
    expect(readFileSync(CITIES_PATH, 'utf8')).toBe(renderCities());
  });
});

describe('cityCountry', () => {
  it.each([
    ['Lagos', 'NG'],
    ['Shenyang', 'CN'], // the data spells it "Shenyeng"
    ['Dalian', 'CN'],
    ['Pyongyang', 'KP'],
    ['São Paulo', 'BR'],
    ['sao paulo', 'BR'],
    ['Kiev', 'UA'],
    ['Bangalore', 'IN'],
    ['Ho Chi Minh City', 'VN'],
  ])('%s → %s', (city, cc) => {
    expect(cityCountry(city)?.country).toBe(cc);
  });

  it('prefers the most populous place of a name, unless a state or country narrows it', () => {
    expect(cityCountry('London')).toMatchObject({ country: 'GB', candidates: 3 });
    expect(cityCountry('London', { country: 'CA' })?.country).toBe('CA');
    expect(cityCountry('Springfield', { state: 'IL' })).toMatchObject({ country: 'US', candidates: 1 });
    expect(cityCountry('Vancouver')?.country).toBe('CA');
    expect(cityCountry('Vancouver', { state: 'WA' })?.country).toBe('US');
  });

  it('knows nothing of non-places and unknown names', () => {
    for (const s of ['Remote', 'Worldwide', 'Anywhere', '', 'xy', 'Qwertyville']) expect(cityCountry(s)).toBeNull();
  });
});

describe('countryFromName', () => {
  it.each([
    ['Vereinigte Staaten', 'US'],
    ['Corée du Sud', 'KR'],
    ['Estados Unidos', 'US'],
    ['Россия', 'RU'],
    ['中国', 'CN'],
    ['アメリカ合衆国', 'US'],
    ['대한민국', 'KR'],
    ['Deutschland', 'DE'],
    ['Niemcy', 'DE'],
    ['🇳🇬', 'NG'],
    ['Nigeria', 'NG'],
    ['NGA', 'NG'],
  ])('%s → %s', (name, cc) => {
    expect(countryFromName(name)).toBe(cc);
  });

  it('returns null for words that are not countries', () => {
    expect(countryFromName('Remote')).toBeNull();
    expect(countryFromName('Engineering')).toBeNull();
  });
});

describe('resolvePlace', () => {
  it.each([
    ['Lagos', 'Lagos', 'NG', 'city'],
    ['Shenyang, Liaoning', 'Shenyang', 'CN', 'city'],
    ['Austin, TX', 'Austin', 'US', 'page'],
    ['Springfield, IL', 'Springfield', 'US', 'page'],
    ['Berlin, Deutschland', 'Berlin', 'DE', 'name'],
    ['Vereinigte Staaten', null, 'US', 'name'],
    ['Seoul, South Korea', 'Seoul', 'KR', 'page'],
    ['🇯🇵', null, 'JP', 'page'],
  ])('%s → %s, %s (%s)', (raw, city, cc, from) => {
    expect(resolvePlace(raw)).toEqual({ city, country: cc, from });
  });

  it('leaves unknown places without a country', () => {
    expect(resolvePlace('Remote')).toMatchObject({ country: null, from: null });
    expect(resolvePlace('Qwertyville')).toMatchObject({ country: null, from: null });
  });
});

describe('enrichProfile', () => {
  it('fills the location and employment countries from cities and localized names, and records where from', () => {
    const p = makeProfile({
      location: { raw: 'Lagos', city: null, country: null },
      employment: [
        emp('Acme', null, { location: 'Shenyang' }),
        emp('Beta GmbH', null, { location: 'München, Deutschland' }),
        emp('Gamma', 'US', { location: 'Austin, TX' }),
        emp('Delta', null, { location: null }),
      ],
    });
    const e = enrichProfile(p);
    expect(e.location).toEqual({ raw: 'Lagos', city: 'Lagos', country: 'NG', countryFrom: 'city' });
    expect(e.employment.map((x) => [x.country, x.countryFrom])).toEqual([
      ['CN', 'city'],
      ['DE', 'name'],
      ['US', undefined],
      [null, undefined],
    ]);
    expect(Profile.safeParse(e).success).toBe(true);
    // Pure: the input is untouched; idempotent; unchanged entries are the same objects.
    expect(p.location!.country).toBeNull();
    expect(enrichProfile(e)).toBe(e);
    expect(e.employment[2]).toBe(p.employment[2]);
  });

  it('returns the same profile when there is nothing to fill', () => {
    const p = makeProfile({ location: { raw: 'Toronto, Canada', city: 'Toronto', country: 'CA' } });
    expect(enrichProfile(p)).toBe(p);
    const q = makeProfile({ location: { raw: 'Remote', city: null, country: null } });
    expect(enrichProfile(q)).toBe(q);
  });

  it('the engine runs the rules on the enriched profile (a city-only location reaches the location rules)', () => {
    const p = makeProfile({
      location: { raw: 'Lagos', city: null, country: null },
      overview: 'I am a US-based developer with ten years of experience.',
    });
    const r = analyze(p, { now: NOW });
    const claim = r.findings.find((f) => f.ruleId === 'loc-claim');
    expect(claim?.title).toContain('NG');
  });
});

describe('enrichProfile on arbitrary text', () => {
  it('never throws and always returns a schema-valid profile (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 })), (raw, jobPlace) => {
        const p = makeProfile({ location: { raw, city: null, country: null }, employment: [emp('Acme', null, { location: jobPlace })] });
        const e = enrichProfile(p);
        expect(Profile.safeParse(e).success).toBe(true);
        if (e.location!.country) expect(['name', 'city', undefined]).toContain(e.location!.countryFrom);
      }),
      { numRuns: 500 },
    );
  });
});
