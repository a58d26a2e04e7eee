/** The storage-fault notices in the extension pages: options (kept-aside settings), history page (set-aside records, unavailable or full history). */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { App as ProfilesApp, setAsideFile } from '@/entrypoints/profiles/App';
import { App as ReportApp } from '@/entrypoints/report/App';
import { MemoryStore } from './memory-store';
import { HistoryUnavailableError } from '@/lib/history/store';
import { defaultSettings } from '@/lib/settings/schema';
import { keptAsideSettings, SETTINGS_KEY } from '@/lib/settings/store';
import { NOW } from './helpers';
import { installCatalogue, render } from './ui-helpers';

let cleanup: (() => void) | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  installCatalogue('en');
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
const flush = () => act(async () => new Promise((r) => setTimeout(r, 20)));

describe('options page with damaged stored settings', () => {
  it('shows the page with the repaired settings and a banner naming what was reset; the original downloads as JSON; hiding keeps it', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), historyDays: 'forever', photoAnalysis: false } });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'));
    const r = await render(<OptionsApp />);
    cleanup = r.unmount;
    await flush();
    const banner = r.container.querySelector('[data-testid="settings-kept-aside"]')!;
    expect(banner).not.toBeNull();
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toMatch(/Reset to defaults: historyDays\./);
    expect((r.container.querySelector('input[name="historyDays"]') as HTMLInputElement).value).toBe('365');
    // The good field survived in storage.
    expect((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ historyDays: 365, photoAnalysis: false });
    const [download, hide] = [...banner.querySelectorAll('button')];
    await act(async () => download!.click());
    expect(clicks).toEqual(['vetter-settings-kept-aside.json']);
    const file = JSON.parse(await blobs[0]!.text()) as { kind: string; items: { value: { historyDays: unknown } }[] };
    expect(file.kind).toBe('vetter-settings-kept-aside');
    expect(file.items[0]!.value.historyDays).toBe('forever');
    await act(async () => hide!.click());
    await flush();
    expect(r.container.querySelector('[data-testid="settings-kept-aside"]')).toBeNull();
    expect((await keptAsideSettings())[0]).toMatchObject({ seen: true, value: { historyDays: 'forever' } });
  });

  it('the new "remove the oldest when full" setting is off by default and saved when ticked', async () => {
    const r = await render(<OptionsApp />);
    cleanup = r.unmount;
    await flush();
    const box = r.container.querySelector('input[name="pruneWhenFull"]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(async () => box.click());
    expect(((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { pruneWhenFull: boolean }).pruneWhenFull).toBe(true);
  });
});

describe('history page notices', () => {
  const records = [
    { key: 'upwork:~01bad', reason: 'lastSeen: Invalid ISO datetime', raw: { lastSeen: 'yesterday' }, at: NOW.toISOString(), kind: 'invalid' as const },
    { key: 'upwork:~01old', reason: 'migrated: 1 address in snapshot.links that is not http(s) left out', raw: { version: 1 }, at: NOW.toISOString(), kind: 'migrated' as const },
  ];

  it('lists unreadable and migrated records apart, and downloads all of them as one JSON file', async () => {
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      void (b as Blob).text().then((t) => saved.push(t));
      return 'blob:x';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const r = await render(<ProfilesApp load={async () => ({ entries: [], setAside: records })} />);
    cleanup = r.unmount;
    const notice = r.container.querySelector('[data-testid="set-aside"]')!;
    expect(notice.textContent).toContain('1 stored record could not be read');
    expect(notice.textContent).toContain('1 profile was stored in an older form and updated');
    await act(async () => (r.container.querySelector('[data-testid="export-set-aside"]') as HTMLButtonElement).click());
    await flush();
    expect(JSON.parse(saved[0]!)).toEqual(JSON.parse(setAsideFile(records, new Date(JSON.parse(saved[0]!).exportedAt))));
    expect(JSON.parse(saved[0]!).records).toEqual(records);
  });

  it('an unavailable history shows its message instead of a blank page', async () => {
    const err = new HistoryUnavailableError('History unavailable: the history database was written by a newer version of Vetter.');
    const r = await render(<ProfilesApp load={() => Promise.reject(err)} />);
    cleanup = r.unmount;
    await flush();
    const alert = r.container.querySelector('[data-testid="history-error"]')!;
    expect(alert.textContent).toBe(err.message);
    expect(r.container.querySelector('h1')!.textContent).toBe('Checked profiles');
  });

  it('a check that did not fit is reported with a link to the settings', async () => {
    const status = { state: 'full' as const, message: 'History is full: this check was not saved.', key: 'upwork:~01x', at: NOW.toISOString() };
    const r = await render(<ProfilesApp load={async () => ({ entries: [], setAside: [], status })} />);
    cleanup = r.unmount;
    const n = r.container.querySelector('[data-testid="history-status"]')!;
    expect(n.textContent).toContain('History is full: this check was not saved.');
    expect(n.querySelector('a')!.getAttribute('href')).toBe('/options.html');
  });
});

describe('report page', () => {
  it('a profile whose check did not fit in the history says why, with a link to the settings', async () => {
    const status = { state: 'full' as const, message: 'History is full: this check was not saved.', key: 'upwork:~01nina', at: NOW.toISOString() };
    const r = await render(<ReportApp openStore={async () => new MemoryStore()} search="?key=upwork%3A~01nina" appVersion="0.1.0" historyStatus={async () => status} />);
    cleanup = r.unmount;
    await flush();
    const missing = r.container.querySelector('[data-testid="missing"]')!;
    expect(missing.querySelector('[data-testid="history-status"]')!.textContent).toBe(status.message);
    expect(missing.querySelector('a[href="/options.html"]')).not.toBeNull();
  });

  it('says nothing more for a profile the status is not about', async () => {
    const status = { state: 'full' as const, message: 'History is full: this check was not saved.', key: 'upwork:~01other', at: NOW.toISOString() };
    const r = await render(<ReportApp openStore={async () => new MemoryStore()} search="?key=upwork%3A~01nina" appVersion="0.1.0" historyStatus={async () => status} />);
    cleanup = r.unmount;
    await flush();
    expect(r.container.querySelector('[data-testid="missing"]')).not.toBeNull();
    expect(r.container.querySelector('[data-testid="history-status"]')).toBeNull();
  });
});
