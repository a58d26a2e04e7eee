/** The history page's filters and sorting, pure (tests/unit/history-page.test.ts). */
import type { HistoryEntry } from '@/lib/history/schema';
import type { Level } from '@/lib/report/schema';
import type { PlatformId } from '@/lib/profile/schema';

export interface Filters {
  level: Level | 'all';
  site: PlatformId | 'all';
  /** Words matched against name, headline, URL and finding titles (case- and accent-insensitive). */
  text: string;
  /** YYYY-MM-DD, inclusive, on the last check's date (UTC); empty = open. */
  from: string;
  to: string;
}
export const SORT_KEYS = ['name', 'site', 'level', 'lastSeen', 'checks'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const NO_FILTERS: Filters = { level: 'all', site: 'all', text: '', from: '', to: '' };
const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };
const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function applyFilters(entries: readonly HistoryEntry[], f: Filters): HistoryEntry[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (f.level !== 'all' && e.report.level !== f.level) return false;
    if (f.site !== 'all' && e.identity.platform !== f.site) return false;
    const day = e.lastSeen.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (words.length) {
      const hay = fold([e.identity.name ?? '', e.snapshot.headline ?? '', e.identity.url, ...e.report.findings.map((x) => x.title)].join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

export function sortEntries(entries: readonly HistoryEntry[], s: Sort): HistoryEntry[] {
  const val = (e: HistoryEntry): string | number => {
    switch (s.key) {
      case 'name':
        return fold(e.identity.name ?? '');
      case 'site':
        return e.identity.platform;
      case 'level':
        return LEVEL_RANK[e.report.level];
      case 'checks':
        return e.checks;
      default:
        return e.lastSeen;
    }
  };
  const sign = s.dir === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : b.lastSeen.localeCompare(a.lastSeen);
  });
}

export const reportHref = (key: string) => `/report.html?key=${encodeURIComponent(key)}`;
