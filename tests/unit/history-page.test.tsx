import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, type Loaded } from '@/entrypoints/profiles/App';
import { applyFilters, NO_FILTERS, reportHref, sortEntries } from '@/entrypoints/profiles/filter';
import { analyze } from '@/lib/engine';
import { mergeEntry, textFingerprints } from '@/lib/history/record';
import type { HistoryEntry } from '@/lib/history/schema';
import type { Profile } from '@/lib/profile/schema';
import { makeProfile } from './helpers';
import { installCatalogue } from './ui-helpers';

beforeEach(() => installCatalogue('en'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function entry(platform: Profile['source']['platform'], id: string, name: string, day: string, extra: Partial<Profile> = {}, checks = 1): HistoryEntry {
  const now = new Date(`${day}T10:00:00Z`);
  const url = platform === 'upwork' ? `https://www.upwork.com/freelancers/${id}` : `https://www.fiverr.com/${id}`;
  const p = makeProfile({ name, source: { platform, url, profileId: id, capturedAt: now.toISOString() }, ...extra });
  let e = mergeEntry(null, p, analyze(p, { now }), null, textFingerprints(p), now);
  for (let i = 1; i < checks; i++) e = mergeEntry(e, p, e.report, null, e.text, now);
  return e;
}

const entries = [
  entry('upwork', '~01a', 'Ana Costa', '2025-01-10'),
  entry('fiverr', 'ben_dev', 'Bén Okafor', '2025-02-15', { photo: null }, 3),
  entry('upwork', '~01c', 'Chen Li', '2025-03-01', { overview: 'Payment in USDT only, 50% upfront before any work starts on your project.', paymentMentions: ['Payment in USDT only'] }),
];

describe('history page filters and sorting', () => {
  it('filters by level, site, text (accent-insensitive, incl. finding titles) and date range', () => {
    const levels = Object.fromEntries(entries.map((e) => [e.identity.name, e.report.level]));
    expect(levels['Ana Costa']).toBe('none');
    expect(levels['Bén Okafor']).toBe('low');
    expect(levels['Chen Li']).not.toBe('none');
    const names = (f: Partial<typeof NO_FILTERS>) => applyFilters(entries, { ...NO_FILTERS, ...f }).map((e) => e.identity.name);
    expect(names({})).toHaveLength(3);
    expect(names({ level: 'low' })).toEqual(['Bén Okafor']);
    expect(names({ site: 'upwork' })).toEqual(['Ana Costa', 'Chen Li']);
    expect(names({ text: 'ben' })).toEqual(['Bén Okafor']);
    expect(names({ text: 'no profile photo' })).toEqual(['Bén Okafor']);
    expect(names({ from: '2025-02-01' })).toEqual(['Bén Okafor', 'Chen Li']);
    expect(names({ from: '2025-02-01', to: '2025-02-15' })).toEqual(['Bén Okafor']);
  });
  it('sorts by each column both ways', () => {
    const by = (key: Parameters<typeof sortEntries>[1]['key'], dir: 'asc' | 'desc') => sortEntries(entries, { key, dir }).map((e) => e.identity.name);
    expect(by('lastSeen', 'desc')).toEqual(['Chen Li', 'Bén Okafor', 'Ana Costa']);
    expect(by('name', 'asc')).toEqual(['Ana Costa', 'Bén Okafor', 'Chen Li']);
    expect(by('checks', 'desc')[0]).toBe('Bén Okafor');
    expect(by('level', 'asc')[0]).toBe('Ana Costa');
    expect(by('site', 'asc')[0]).toBe('Bén Okafor');
  });
  it('links each row to the report page by key', () => {
    expect(reportHref('upwork:~01a')).toBe('/report.html?key=upwork%3A~01a');
  });
});

describe('history page (React, happy-dom)', () => {
  let container: HTMLDivElement;
  afterEach(() => container?.remove());

  async function render(data: Loaded | Error) {
    container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    await act(async () => {
      root.render(<App load={() => (data instanceof Error ? Promise.reject(data) : Promise.resolve(data))} />);
    });
    return root;
  }

  it('renders an accessible table with one row per profile, a report link each, and filters with labels', async () => {
    await render({ entries, setAside: [] });
    const rows = container.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.querySelector('th[scope="row"] a')!.getAttribute('href')).toBe('/report.html?key=upwork%3A~01c');
    expect(container.querySelectorAll('thead th[scope="col"]')).toHaveLength(6);
    expect(container.querySelector('th[aria-sort="descending"]')!.textContent).toBe('Last checked');
    for (const input of container.querySelectorAll('form input, form select')) expect(input.closest('label'), input.outerHTML).not.toBeNull();
    expect(container.querySelector('[data-testid="set-aside"]')).toBeNull();
    expect(container.textContent).toContain('3 of 3 profiles');
    // Sorting by name through the header button.
    const nameButton = [...container.querySelectorAll('button.sort')].find((b) => b.textContent === 'Name')!;
    await act(async () => (nameButton as HTMLButtonElement).click());
    expect([...container.querySelectorAll('tbody th a')].map((a) => a.textContent)).toEqual(['Ana Costa', 'Bén Okafor', 'Chen Li']);
    expect(container.querySelector('th[aria-sort="ascending"]')!.textContent).toBe('Name');
  });

  it('exports the listed profiles (after filters) or the whole history as one file through the report page', async () => {
    await render({ entries, setAside: [] });
    const listed = () => new URLSearchParams(container.querySelector('[data-testid="export-listed"]')!.getAttribute('href')!.split('?')[1]).getAll('key');
    expect(listed().sort()).toEqual(entries.map((e) => e.identity.key).sort());
    expect(container.querySelector('[data-testid="export-all"]')!.getAttribute('href')).toBe('/report.html?all=1');
    const level = container.querySelector('form select') as HTMLSelectElement;
    const want = entries[0]!.report.level;
    await act(async () => {
      level.value = want;
      level.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(listed()).toEqual(entries.filter((e) => e.report.level === want).map((e) => e.identity.key));
  });

  it('shows set-aside records with a notice', async () => {
    await render({ entries: [], setAside: [{ key: 'upwork:~01bad', reason: 'lastSeen: Invalid ISO datetime', raw: {}, at: '2025-03-01T00:00:00.000Z' }] });
    const notice = container.querySelector('[data-testid="set-aside"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('1 stored record could not be read');
    expect(notice.textContent).toContain('upwork:~01bad');
    expect(container.textContent).toContain('No profiles checked yet');
  });

  it('says when the history cannot be read', async () => {
    await render(new Error('IndexedDB is not available'));
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('IndexedDB is not available');
  });
});
