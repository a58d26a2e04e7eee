import { describe, expect, it } from 'vitest';
import {
  clean,
  monthsBefore,
  parseDuration,
  findDateRange,
  linkKind,
  parseCount,
  parseDatePoint,
  parseDateRange,
  parseLocation,
  parseMoney,
  parseNumber,
  toCountryCode,
} from '../../lib/extractors/parse';
import { CountryCode, DatePoint, Money } from '../../lib/profile/schema';

describe('clean', () => {
  it('collapses white space, non-breaking and zero-width characters', () => {
    expect(clean('  a\u00A0\u00A0b\n\tc\u200B ')).toBe('a b c');
    expect(clean(null)).toBe('');
    expect(clean(undefined)).toBe('');
  });
});

describe('parseDatePoint', () => {
  const cases: [string, string][] = [
    ['Jan 2019', '2019-01'],
    ['January 2019', '2019-01'],
    ['Sept. 2019', '2019-09'],
    ['dec 2020', '2020-12'],
    ['2019', '2019'],
    ['2019-03', '2019-03'],
    ['2019-03-15', '2019-03'],
    ['03/2019', '2019-03'],
    ['2019年3月', '2019-03'],
    ['2019 年 11 月', '2019-11'],
    ['2019년 3월', '2019-03'],
    ['enero de 2019', '2019-01'],
    ['1 de marzo de 2019', '2019-03'],
    ['März 2019', '2019-03'],
    ['févr. 2019', '2019-02'],
    ['сентябрь 2019', '2019-09'],
    ['March 5, 2019', '2019-03'],
    ['  Jan\u00A02019  ', '2019-01'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    const got = parseDatePoint(input);
    expect(got).toBe(expected);
    expect(DatePoint.safeParse(got).success).toBe(true);
  });

  it.each(['', '   ', 'garbage', 'hello 2019', 'Jan', '1899', '2101', '12345', 'Q3 of last year', '19-03'])(
    'rejects %j',
    (input) => {
      expect(parseDatePoint(input)).toBeNull();
    },
  );

  it('keeps only the year when the month number is out of range', () => {
    // "2019-13" cannot be a month; the year is still a usable point and a valid DatePoint.
    expect(parseDatePoint('2019-13')).toBe('2019');
  });
});

describe('parseDateRange', () => {
  it('reads an open range to the present', () => {
    expect(parseDateRange('Jan 2019 - Present')).toEqual({ start: '2019-01', end: null, present: true });
    expect(parseDateRange('Jan 2019 – Present (5 yrs 2 mos)')).toEqual({ start: '2019-01', end: null, present: true });
    expect(parseDateRange('Jan 2019 - heute')).toEqual({ start: '2019-01', end: null, present: true });
    expect(parseDateRange('2019年3月 - 現在')).toEqual({ start: '2019-03', end: null, present: true });
  });

  it('reads year ranges with an en dash, a hyphen and "to"', () => {
    expect(parseDateRange('2016–2020')).toEqual({ start: '2016', end: '2020', present: false });
    expect(parseDateRange('2016 - 2020')).toEqual({ start: '2016', end: '2020', present: false });
    expect(parseDateRange('2016 to 2020')).toEqual({ start: '2016', end: '2020', present: false });
  });

  it('reads month ranges with an em dash and other languages', () => {
    expect(parseDateRange('March 2018 — June 2020')).toEqual({ start: '2018-03', end: '2020-06', present: false });
    expect(parseDateRange('März 2018 bis Juni 2020')).toEqual({ start: '2018-03', end: '2020-06', present: false });
    expect(parseDateRange('enero de 2019 a marzo de 2020')).toEqual({ start: '2019-01', end: '2020-03', present: false });
    expect(parseDateRange('2019年3月 〜 2020年5月')).toEqual({ start: '2019-03', end: '2020-05', present: false });
  });

  it('reads ranges of hyphenated year-month dates', () => {
    expect(parseDateRange('2019-03 - 2020-01')).toEqual({ start: '2019-03', end: '2020-01', present: false });
  });

  it('treats a single date as a one-point range', () => {
    expect(parseDateRange('2019')).toEqual({ start: '2019', end: '2019', present: false });
    expect(parseDateRange('June 2020')).toEqual({ start: '2020-06', end: '2020-06', present: false });
  });

  it('returns null for text with no date', () => {
    expect(parseDateRange('')).toBeNull();
    expect(parseDateRange('garbage')).toBeNull();
    expect(parseDateRange('garbage - nonsense')).toBeNull();
    expect(parseDateRange('one - two - three - four')).toBeNull();
  });

  // Regression (fixed; lib/extractors/parse.ts parseDateRange): the hyphen inside an ISO year-month is taken as the range
  // separator, so "2019-03" becomes { start: '2019', end: null } instead of a one-point range. Flip to `it` once fixed.
  it('a single "2019-03" keeps its month', () => {
    expect(parseDateRange('2019-03')).toEqual({ start: '2019-03', end: '2019-03', present: false });
  });

  // Regression (fixed; parse.ts parseDateRange): `\bà\b` never matches (JS \b is ASCII-only and "à" is not a word char).
  it('French "à" separates a range', () => {
    expect(parseDateRange('janvier 2019 à mars 2020')).toEqual({ start: '2019-01', end: '2020-03', present: false });
  });
});

describe('findDateRange', () => {
  it('finds a range inside a longer line', () => {
    expect(findDateRange('Kyoto University · 2012 - 2016 · Bachelor')).toEqual({ start: '2012', end: '2016', present: false });
    expect(findDateRange('Acme · Jan 2019 - Present · Berlin')).toEqual({ start: '2019-01', end: null, present: true });
    expect(findDateRange('Hanbit · March 2015 — May 2017 · Seoul')).toEqual({ start: '2015-03', end: '2017-05', present: false });
  });

  it('finds a lone year as an end date', () => {
    expect(findDateRange('Graduated 2015')).toEqual({ start: null, end: '2015', present: false });
  });

  it('returns null when there is no date', () => {
    expect(findDateRange('no dates here')).toBeNull();
    expect(findDateRange('')).toBeNull();
    expect(findDateRange('call me at 555-1234')).toBeNull();
  });

  // Regression (fixed; parse.ts findDateRange): the optional "month" prefix `[\p{L}]{3,12}\s+` swallows any word before the
  // year ("Science 2010"), parseDatePoint then rejects it and the start is lost.
  it('a non-month word before the start year does not lose the start', () => {
    expect(findDateRange('Computer Science 2010 - 2014')).toEqual({ start: '2010', end: '2014', present: false });
  });

  // Regression (fixed; parse.ts findDateRange): the generic `\d{4}` alternative is tried before `YYYY年M月`, so the end
  // date's month is dropped.
  it('keeps the month of a CJK end date', () => {
    expect(findDateRange('2019年3月 - 2020年5月')).toEqual({ start: '2019-03', end: '2020-05', present: false });
  });
});

describe('toCountryCode', () => {
  const cases: [string, string][] = [
    ['United States', 'US'],
    ['Germany', 'DE'],
    ['Singapore', 'SG'],
    ['the Netherlands', 'NL'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['UK', 'GB'],
    ['South Korea', 'KR'],
    ['Republic of Korea', 'KR'],
    ['North Korea', 'KP'],
    ['Viet Nam', 'VN'],
    ['DEU', 'DE'],
    ['KOR', 'KR'],
    ['JP', 'JP'],
    ['🇯🇵', 'JP'],
    ['🇰🇷', 'KR'],
    ['한국', 'KR'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    const got = toCountryCode(input);
    expect(got).toBe(expected);
    expect(CountryCode.safeParse(got).success).toBe(true);
  });

  it.each(['Narnia', 'TX', 'XYZ', 'Mars Colony', '', '   '])('unknown %j → null', (input) => {
    expect(toCountryCode(input)).toBeNull();
  });

  it('handles null and undefined', () => {
    expect(toCountryCode(null)).toBeNull();
    expect(toCountryCode(undefined)).toBeNull();
  });
});

describe('parseLocation', () => {
  it('resolves a US state abbreviation to the US', () => {
    expect(parseLocation('Austin, TX')).toEqual({ city: 'Austin', country: 'US' });
    expect(parseLocation('Seattle, WA')).toEqual({ city: 'Seattle', country: 'US' });
  });

  it('resolves a US state name and a Canadian province', () => {
    expect(parseLocation('Portland, Oregon')).toEqual({ city: 'Portland', country: 'US' });
    expect(parseLocation('Toronto, ON')).toEqual({ city: 'Toronto', country: 'CA' });
  });

  it('splits city and country', () => {
    expect(parseLocation('Seoul, South Korea')).toEqual({ city: 'Seoul', country: 'KR' });
    expect(parseLocation('Dallas, TX, United States')).toEqual({ city: 'Dallas', country: 'US' });
    expect(parseLocation('Berlin · Germany')).toEqual({ city: 'Berlin', country: 'DE' });
  });

  it('reads a country alone, with no city', () => {
    expect(parseLocation('Singapore')).toEqual({ city: null, country: 'SG' });
    expect(parseLocation('United Kingdom')).toEqual({ city: null, country: 'GB' });
  });

  it('gives no country for unknown places', () => {
    expect(parseLocation('Somewhere')).toEqual({ city: null, country: null });
    expect(parseLocation('Foo, Bar')).toEqual({ city: 'Foo', country: null });
    expect(parseLocation('')).toEqual({ city: null, country: null });
  });

  // Regression (fixed; parse.ts parseLocation): toCountryCode runs before the US-state check, so state abbreviations that
  // are also ISO country codes resolve to the country (CA → Canada, IL → Israel, MN → Mongolia, DE → Germany…).
  it('"San Francisco, CA" is in the US, not Canada', () => {
    expect(parseLocation('San Francisco, CA')).toEqual({ city: 'San Francisco', country: 'US' });
  });
  it('"Chicago, IL" is in the US, not Israel', () => {
    expect(parseLocation('Chicago, IL').country).toBe('US');
  });
});

describe('parseMoney', () => {
  it('reads thousands with a plus sign', () => {
    const m = parseMoney('$80K+');
    expect(m).toEqual({ amount: 80_000, currency: 'USD', raw: '$80K+' });
    expect(Money.safeParse(m).success).toBe(true);
  });

  it('reads an hourly rate', () => {
    expect(parseMoney('$45.00/hr')).toEqual({ amount: 45, currency: 'USD', raw: '$45.00/hr' });
  });

  it('reads other currencies, separators and multipliers', () => {
    expect(parseMoney('US$1,234')).toMatchObject({ amount: 1234, currency: 'USD' });
    expect(parseMoney('€3.5k')).toMatchObject({ amount: 3500, currency: 'EUR' });
    expect(parseMoney('£12')).toMatchObject({ amount: 12, currency: 'GBP' });
    expect(parseMoney('USD 1,500')).toMatchObject({ amount: 1500, currency: 'USD' });
    expect(parseMoney('$1.5M')).toMatchObject({ amount: 1_500_000, currency: 'USD' });
    expect(parseMoney('1,200')).toMatchObject({ amount: 1200, currency: null });
  });

  it('returns null when there is no amount', () => {
    expect(parseMoney('no money')).toBeNull();
    expect(parseMoney('')).toBeNull();
  });

  // Regression (fixed; parse.ts parseMoney): `\s*([kKmM])?` takes the first letter of the next word as a multiplier.
  it('"$30 minimum" is 30, not 30 million', () => {
    expect(parseMoney('$30 minimum')).toMatchObject({ amount: 30 });
  });
});

describe('parseCount / parseNumber', () => {
  it('reads the first integer and decimal', () => {
    expect(parseCount('1,234 reviews')).toBe(1234);
    expect(parseCount('none')).toBeNull();
    expect(parseNumber('4.9 of 5')).toBe(4.9);
    expect(parseNumber('4,5')).toBe(4.5);
    expect(parseNumber(null)).toBeNull();
  });
});

describe('linkKind', () => {
  it.each([
    ['https://github.com/someone', 'github'],
    ['https://gist.github.com/someone/abc', 'github'],
    ['https://someone.github.io/', 'github'],
    ['https://www.linkedin.com/in/someone', 'linkedin'],
    ['https://linkedin.com/in/someone', 'linkedin'],
    ['https://gitlab.com/someone', 'portfolio'],
    ['https://www.behance.net/someone', 'portfolio'],
    ['https://someone.vercel.app/', 'portfolio'],
    ['https://example.com/about', 'other'],
    ['https://github.com.evil.example/someone', 'other'],
    ['https://notlinkedin.com/in/x', 'other'],
    ['not a url', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (url, kind) => {
    expect(linkKind(url)).toBe(kind);
  });

  // Regression (fixed; parse.ts linkKind): `host.endsWith('github.io')` also matches hosts such as "notgithub.io".
  it('notgithub.io is not GitHub', () => {
    expect(linkKind('https://notgithub.io/')).toBe('other');
  });
});

describe('localized ranges and phrases', () => {
  it.each([
    ["janv. 2019 – aujourd'hui", '2019-01', null, true],
    ['März 2018 - Heute', '2018-03', null, true],
    ['2019年4月 - 現在', '2019-04', null, true],
    ['2019년 3월 - 현재', '2019-03', null, true],
    ['enero de 2019 - actualidad', '2019-01', null, true],
    ['сент. 2017 – наст. время', '2017-09', null, true],
    ['ott 2019 - oggi', '2019-10', null, true],
    ['mars 2016 - févr. 2018', '2016-03', '2018-02', false],
    ['Jan 2019 - Present', '2019-01', null, true],
    ['2016–2020', '2016', '2020', false],
    ['Sep 2017 – Mar 2020 · 2 yrs 7 mos', '2017-09', '2020-03', false],
    ['Since 2018', '2018', null, true],
    ['seit März 2018', '2018-03', null, true],
    ['depuis 2018', '2018', null, true],
    ['2018年から', '2018', null, true],
  ])('%s', (text, start, end, present) => {
    expect(parseDateRange(text)).toEqual({ start, end, present });
    // The same range found inside a longer entry line.
    expect(findDateRange(`Acme Corp · ${text} · Remote`)).toMatchObject({ start, end, present });
  });

  it('reads month-first CJK dates', () => {
    expect(parseDatePoint('4月 2019')).toBe('2019-04');
    expect(parseDatePoint('3월 2019')).toBe('2019-03');
  });
});

describe('parseDuration and monthsBefore', () => {
  it.each([
    ['3 years', 36],
    ['2 yrs 7 mos', 31],
    ['1 year 6 months', 18],
    ['18 months', 18],
    ['5+ years', 60],
    ['2.5 years', 30],
    ['3 Jahre', 36],
    ['2 ans', 24],
    ['3 años', 36],
    ['3年', 36],
    ['3년', 36],
    ['10 лет', 120],
  ])('%s → %i months', (text, months) => {
    expect(parseDuration(text)).toBe(months);
  });

  it('is null without a duration', () => {
    expect(parseDuration('Engineer')).toBeNull();
    expect(parseDuration('2019')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('anchors a duration to an end date', () => {
    expect(monthsBefore(new Date('2025-03-01T00:00:00Z'), 36)).toBe('2022-03');
    expect(monthsBefore(new Date('2025-01-15T00:00:00Z'), 1)).toBe('2024-12');
  });
});

describe('object-prototype words are not table entries (found by fuzzing enrichProfile)', () => {
  it.each(['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty'])('%s', (w) => {
    expect(toCountryCode(w)).toBeNull();
    expect(parseLocation(`${w}, ${w}`).country).toBeNull();
    expect(parseDatePoint(`${w} 2019`)).toBeNull();
  });
});
