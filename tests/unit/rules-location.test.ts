import { describe, expect, it } from 'vitest';
import { langKorean } from '../../lib/rules/lang-korean';
import { locClaim } from '../../lib/rules/loc-claim';
import { clockIn, locTime, parseClock, parseOffset } from '../../lib/rules/loc-time';
import { offPlatform } from '../../lib/rules/off-platform';
import { makeProfile, NOW } from './helpers';
import { fire } from './rule-helpers';

const loc = (raw: string, country: string | null, city: string | null = null) => ({ raw, city, country });
/** A profile read at `at`. */
const readAt = (at: Date, over: Parameters<typeof makeProfile>[0]) =>
  makeProfile({ ...over, source: { ...makeProfile().source, capturedAt: at.toISOString() } });

describe('loc-time', () => {
  it('parses the clocks the sites show', () => {
    expect(parseClock('3:12 am local time')).toBe(3 * 60 + 12);
    expect(parseClock('12:05 AM')).toBe(5);
    expect(parseClock('12:30 pm')).toBe(12 * 60 + 30);
    expect(parseClock('3 PM local time')).toBe(15 * 60);
    expect(parseClock('15:04')).toBe(15 * 60 + 4);
    expect(parseClock('local time')).toBeNull();
    expect(clockIn('Asia/Tokyo', NOW)).toBe(21 * 60);
    expect(clockIn('Not/AZone', NOW)).toBeNull();
  });

  it('fires when the shown time fits no zone of the country (Tokyo clock on a US profile)', () => {
    // NOW is 12:00 UTC: 21:00 in Tokyo, between 02:00 and 07:00 across the US.
    const p = readAt(NOW, { location: loc('Dallas, TX, United States', 'US', 'Dallas'), localTime: '9:00 pm local time' });
    const [f] = fire(locTime, p);
    expect(f!.evidence.map((e) => e.field)).toEqual(['localTime', 'location.raw']);
    // The nearest US clock is Adak's or Honolulu's 02:00, five hours round the dial.
    expect(f!.explanation).toMatch(/nearest zone, (America\/Adak|Pacific\/Honolulu), was at 02:00, 5 hours away/);
    expect(f!.title).toBe('Local time is 5 h off every time zone of US');
  });

  it('is silent when the time fits one of the zones, within the tolerance (near miss)', () => {
    // 07:10 at 12:00 UTC fits New York (07:00).
    expect(fire(locTime, readAt(NOW, { location: loc('New York, US', 'US'), localTime: '7:10 am local time' }))).toEqual([]);
    // Japan has one zone: 21:00.
    expect(fire(locTime, readAt(NOW, { location: loc('Osaka, Japan', 'JP'), localTime: '9:05 PM' }))).toEqual([]);
    expect(fire(locTime, readAt(NOW, { location: loc('Osaka, Japan', 'JP'), localTime: '10:00 PM' }))).toHaveLength(1);
  });

  it('compares the UTC offset when the site shows one, whatever the (stale) clock says', () => {
    expect(parseOffset('14:05 (UTC +00:00)')).toBe(0);
    expect(parseOffset('9:00 (UTC −05:00)')).toBe(-300);
    expect(parseOffset('GMT+5:30')).toBe(330);
    expect(parseOffset('3:12 am')).toBeNull();
    const lisbon = loc('Lisbon, Portugal', 'PT');
    expect(fire(locTime, readAt(NOW, { location: lisbon, localTime: '14:05 (UTC +00:00)' }))).toEqual([]);
    expect(fire(locTime, readAt(NOW, { location: lisbon, localTime: '21:05 (UTC +09:00)' }))).toHaveLength(1);
  });

  it('follows daylight saving time', () => {
    const july = new Date('2025-07-01T12:00:00Z'); // New York is UTC−4 in July: 08:00.
    expect(fire(locTime, readAt(july, { location: loc('New York, US', 'US'), localTime: '8:00 am' }), july)).toEqual([]);
    expect(fire(locTime, readAt(NOW, { location: loc('Seoul', 'KR'), localTime: '8:00 am' }))).toHaveLength(1);
  });

  it('is silent when the time, the country or the clock text is missing or unreadable', () => {
    expect(fire(locTime, makeProfile({ location: loc('Dallas', 'US'), localTime: null }))).toEqual([]);
    expect(fire(locTime, makeProfile({ location: loc('Somewhere', null), localTime: '3:00 am' }))).toEqual([]);
    expect(fire(locTime, makeProfile({ location: null, localTime: '3:00 am' }))).toEqual([]);
    expect(fire(locTime, makeProfile({ location: loc('Dallas', 'US'), localTime: 'local time' }))).toEqual([]);
  });
});

describe('loc-claim', () => {
  it('fires on "US-based" in the headline while located in another country', () => {
    const p = makeProfile({ headline: 'US-based Senior React Developer', location: loc('Shenyang, China', 'CN') });
    const [f] = fire(locClaim, p);
    expect(f!.title).toBe('Claims US while the profile location is CN');
    expect(f!.evidence.map((e) => e.field)).toEqual(['headline', 'location.raw']);
  });
  it('fires on "I am based in Toronto, Canada" with a location in Vietnam', () => {
    const p = makeProfile({ overview: 'Hello! I am currently based in Toronto, Canada and work EST hours.', location: loc('Hanoi, Vietnam', 'VN') });
    expect(fire(locClaim, p)[0]!.title).toBe('Claims CA while the profile location is VN');
  });
  it('stays silent on US-based clients, and on a claim that matches (near misses)', () => {
    expect(fire(locClaim, makeProfile({ overview: 'I work with US-based startups.', location: loc('Kuala Lumpur, Malaysia', 'MY') }))).toEqual([]);
    expect(fire(locClaim, makeProfile({ overview: "I'm based in Austin, TX.", location: loc('Austin, TX, US', 'US') }))).toEqual([]);
    expect(fire(locClaim, makeProfile({ overview: 'Cloud-based and React-based apps.', location: loc('Tokyo, Japan', 'JP') }))).toEqual([]);
  });
  it('stays silent when the location country is unknown', () => {
    expect(fire(locClaim, makeProfile({ headline: 'US-based developer', location: loc('Earth', null) }))).toEqual([]);
    expect(fire(locClaim, makeProfile({ headline: 'US-based developer' }))).toEqual([]);
  });
});

describe('lang-korean', () => {
  it('fires on Korean among the languages with a US location', () => {
    const p = makeProfile({ location: loc('Dallas, TX', 'US'), languages: [{ name: 'English', level: 'Fluent' }, { name: 'Korean', level: 'Native or Bilingual' }] });
    const [f] = fire(langKorean, p);
    expect(f!.evidence[0]).toEqual({ field: 'languages[1].name', excerpt: 'Korean (Native or Bilingual)' });
    expect(f!.explanation).toMatch(/says nothing on its own/);
  });
  it('fires on Hangul in the overview', () => {
    const p = makeProfile({ location: loc('Tokyo', 'JP'), overview: 'Full-stack developer. 안녕하세요, 연락주세요.' });
    expect(fire(langKorean, p)[0]!.evidence[0]!.field).toBe('overview');
  });
  it('stays silent for a profile in South Korea (near miss)', () => {
    const p = makeProfile({ location: loc('Seoul', 'KR'), languages: [{ name: 'Korean', level: 'Native' }], overview: '안녕하세요' });
    expect(fire(langKorean, p)).toEqual([]);
  });
  it('stays silent when the country is unknown, or without Korean', () => {
    expect(fire(langKorean, makeProfile({ languages: [{ name: 'Korean', level: null }] }))).toEqual([]);
    expect(fire(langKorean, makeProfile({ location: loc('Paris', 'FR'), languages: [{ name: 'French', level: null }] }))).toEqual([]);
  });
});

describe('off-platform', () => {
  it('fires on a Telegram handle in the overview', () => {
    const [f] = fire(offPlatform, makeProfile({ overview: "Let's talk on Telegram @dank_dev." }));
    expect(f!.evidence).toEqual([{ field: 'overview', excerpt: "Let's talk on Telegram @dank_dev." }]);
  });
  it('fires on WhatsApp numbers, Skype ids and invitations to work outside the platform', () => {
    expect(fire(offPlatform, makeProfile({ overview: 'WhatsApp: +1 555 123 4567' }))).toHaveLength(1);
    expect(fire(offPlatform, makeProfile({ headline: 'React dev | skype live:cid.12ab' }))).toHaveLength(1);
    expect(fire(offPlatform, makeProfile({ overview: 'We can continue outside Upwork for a lower fee.' }))).toHaveLength(1);
  });
  it('stays silent on building bots for messaging apps (near miss)', () => {
    expect(fire(offPlatform, makeProfile({ overview: 'I built a Telegram bot and a WhatsApp integration for a client. Production line 2019 - 2020.' }))).toEqual([]);
  });
  it('stays silent with no overview or headline', () => {
    expect(fire(offPlatform, makeProfile())).toEqual([]);
  });
});
