import { getCountry } from 'countries-and-timezones';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { texts, draft } from './msg';

/** "3:12 am local time", "15:04", "3 PM". */
const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?\b|\b(\d{1,2}):(\d{2})\b/i;
/** Minutes of slack: the page clock may be a little stale, and minutes are shown rounded. */
export const LOC_TIME_TOLERANCE_MIN = 30;

export function parseClock(s: string): number | null {
  const m = s.match(TIME);
  if (!m) return null;
  if (m[1] !== undefined) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 1 || h > 12 || min > 59) return null;
    return ((h % 12) + (m[3]!.toLowerCase() === 'p' ? 12 : 0)) * 60 + min;
  }
  const h = Number(m[4]);
  const min = Number(m[5]);
  return h > 23 || min > 59 ? null : h * 60 + min;
}

/** An explicit offset next to the clock, as GitHub shows it: "14:05 (UTC +00:00)", "GMT-5". Minutes east of UTC. */
const OFFSET = /\b(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?/i;
export function parseOffset(s: string): number | null {
  const m = s.match(OFFSET);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return v > 14 * 60 ? null : m[1] === '+' ? v : -v;
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
/** Minutes after midnight in a time zone at an instant, or null when the runtime does not know the zone. */
export function clockIn(zone: string, at: Date): number | null {
  let f = fmtCache.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    } catch {
      return null;
    }
    fmtCache.set(zone, f);
  }
  const parts = f.formatToParts(at);
  const h = Number(parts.find((x) => x.type === 'hour')?.value);
  const m = Number(parts.find((x) => x.type === 'minute')?.value);
  return Number.isFinite(h) && Number.isFinite(m) ? (h % 24) * 60 + m : null;
}

/** The clocks of a country's zones at a minute, cached (a batch of checks reads the same few minutes). */
/** Per country, the clocks of its zones at the last minute asked (a batch of checks shares the minute). */
const clockCache = new Map<string, { minute: number; clocks: { zone: string; clock: number }[] }>();
function zoneClocks(cc: string, zones: readonly string[], at: Date): { zone: string; clock: number }[] {
  const minute = Math.floor(at.getTime() / 60_000);
  const c = clockCache.get(cc);
  if (c && c.minute === minute) return c.clocks;
  const clocks = zones.flatMap((zone) => {
    const clock = clockIn(zone, at);
    return clock === null ? [] : [{ zone, clock }];
  });
  if (clockCache.size > 500) clockCache.clear();
  clockCache.set(cc, { minute, clocks });
  return clocks;
}

/** The time zones of a country (static data: the library builds a new object per call, so kept per code). */
const zonesCache = new Map<string, readonly string[]>();
function zonesOf(cc: string): readonly string[] {
  let z = zonesCache.get(cc);
  if (!z) zonesCache.set(cc, (z = getCountry(cc)?.timezones ?? []));
  return z;
}

/** `new Date(capturedAt)`, remembered for the last string (profiles of one batch share it); never modified by callers. */
let lastCaptured: string | null = null;
let lastCapturedDate = new Date(NaN);
function capturedDate(s: string): Date {
  if (s !== lastCaptured) {
    lastCapturedDate = new Date(s);
    lastCaptured = s;
  }
  return lastCapturedDate;
}

const circular = (a: number, b: number) => {
  const d = Math.abs(a - b) % 1440;
  return Math.min(d, 1440 - d);
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const locTime: Rule = {
  meta: {
    id: 'loc-time',
    title: 'Local time shown does not fit the stated country',
    category: 'location',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description: `Compares the local time (or the UTC offset, where the site shows one) the platform shows on the profile (set from the freelancer's own settings or connection) with the clock in every time zone of the stated location country at the moment the page was read (the time of the check in the extension). More than ${LOC_TIME_TOLERANCE_MIN} minutes away from all of them is a finding. The 2022 State/Treasury/FBI advisory notes that the assessed location and working hours of IT workers using false identities often do not match the claimed location. Skipped when the time, the country or its time zones are unknown.`,
  },
  check(p, ctx) {
    const cc = p.location?.country;
    if (!p.localTime || !cc) return [];
    // With an explicit UTC offset, compare offsets (a stale clock does not matter); otherwise compare clocks.
    const offset = parseOffset(p.localTime);
    const at0 = capturedDate(p.source.capturedAt);
    const utcNow = Number.isNaN(at0.getTime()) ? ctx.now : at0;
    const shown = offset !== null ? (((utcNow.getUTCHours() * 60 + utcNow.getUTCMinutes() + offset) % 1440) + 1440) % 1440 : parseClock(p.localTime);
    if (shown === null) return [];
    const zones = zonesOf(cc);
    // The moment the page's clock was read; the check's time when the capture time is unusable.
    const at = utcNow;
    let best: { zone: string; clock: number; diff: number } | null = null;
    for (const { zone, clock } of zoneClocks(cc, zones, at)) {
      const diff = circular(clock, shown);
      if (!best || diff < best.diff) best = { zone, clock, diff };
    }
    if (!best || best.diff <= LOC_TIME_TOLERANCE_MIN) return [];
    const hours = Math.round(best.diff / 30) / 2;
    return [
      draft(
        texts('f_locTime', [hours, cc, p.localTime, at.toISOString().slice(0, 16).replace('T', ' '), p.location!.raw, best.zone, hhmm(best.clock)]),
        [{ field: 'localTime', excerpt: p.localTime }, { field: 'location.raw', excerpt: p.location!.raw }],
      ),
    ];
  },
};
