import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, type AppProps } from '../../entrypoints/report/App';
import { exportJson } from '../../lib/export/index';
import { parseCsv } from '../../lib/export/csv';
import { ExportBundle } from '../../lib/export/bundle';
import { parseSelection, reportPath } from '../../lib/export/report-url';
import type { HistoryEntry } from '../../lib/history/schema';
import { cleanEntry, flaggedEntry, HOSTILE, hostileEntry } from './export-entries';
import { MemoryStore } from './memory-store';
import { catalogue, installCatalogue } from './ui-helpers';

const en = catalogue('en');

beforeEach(() => installCatalogue('en'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let saved: { kind: string; text: string; name: string }[];
let copied: string[];
let printed: number;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  saved = [];
  copied = [];
  printed = 0;
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const io: AppProps['io'] = {
  save: (kind, text) => {
    saved.push({ kind, text, name: `f.${kind}` });
    return `f.${kind}`;
  },
  copy: async (t) => {
    copied.push(t);
  },
  print: () => {
    printed++;
  },
};

async function render(store: MemoryStore, search: string, photoDataDefault?: () => Promise<boolean>) {
  await act(async () => {
    root.render(<App openStore={async () => store} search={search} appVersion="0.1.0" io={io} photoDataDefault={photoDataDefault} />);
  });
  await vi.waitFor(() => expect(container.querySelector('header .meta')!.textContent).not.toContain('Loading'));
}

async function storeWith(...entries: HistoryEntry[]) {
  const s = new MemoryStore();
  for (const e of entries) await s.put(e);
  return s;
}

const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('report page selection', () => {
  it('reportPath and parseSelection agree, keys may contain commas', () => {
    const keys = ['upwork:~01abc', 'generic:example.com/a,b'];
    expect(parseSelection(reportPath(keys).split('?')[1]!)).toEqual({ kind: 'keys', keys });
    expect(parseSelection('?keys=a,b&key=c')).toEqual({ kind: 'keys', keys: ['c', 'a', 'b'] });
    expect(parseSelection(reportPath('all').split('?')[1]!)).toEqual({ kind: 'all' });
    expect(parseSelection('')).toEqual({ kind: 'none' });
  });
});

describe('report page', () => {
  it('renders one profile: level in words, why, findings by category with evidence, source link, next step, dismissal, notes', async () => {
    const e = flaggedEntry();
    await render(await storeWith(e, cleanEntry()), `?key=${encodeURIComponent(e.identity.key)}`);
    const entries = container.querySelectorAll('section.entry');
    expect(entries).toHaveLength(1);
    const h2 = entries[0]!.querySelector('h2')!.textContent!;
    expect(h2).toContain('Daniel K.');
    expect(h2).toMatch(/High|Medium|Low/);
    expect(container.textContent).toContain(e.report.levelReason);
    const findings = container.querySelectorAll('article.finding');
    expect(findings).toHaveLength(e.report.findings.length);
    const cats = [...container.querySelectorAll<HTMLElement>('section.category')];
    expect(new Set(cats.map((c) => c.dataset['category']))).toEqual(new Set(e.report.findings.map((f) => f.category)));
    for (const c of cats) expect(c.querySelector('h3')!.textContent).toBe(en[`cat_${c.dataset['category']}`]!.message);
    for (const f of e.report.findings) {
      const el = container.querySelector(`article[data-rule-id="${f.ruleId}"]`)!;
      expect(el.textContent).toContain(f.nextStep);
      for (const ev of f.evidence) expect(el.textContent).toContain(ev.excerpt);
      expect(el.querySelector('.source a')!.getAttribute('href')).toBe(new URL(f.indicator.url).href);
    }
    expect(container.querySelector('article.dismissed .dismissal')!.textContent).toContain('Discussed on a video call');
    expect(container.querySelector('.notes')!.textContent).toMatch(/Concern: Camera off.*Camera "broken" twice/);
    expect(container.querySelector('.verified')!.textContent).toBe('No');
    expect(container.textContent).toContain('triage aid, not a verdict');
    // The thumbnail only when asked for.
    expect(container.querySelector('img')).toBeNull();
    const photoBox = [...container.querySelectorAll('label')].find((l) => l.textContent!.includes('photo thumbnail'))!.querySelector('input')!;
    await act(async () => photoBox.click());
    expect(container.querySelector('img.thumb')!.getAttribute('src')).toBe(e.photo!.url);
    expect(document.title).toBe('Vetter report: Daniel K.');
  });

  it('hostile page text is shown as text, never as markup or a link', async () => {
    const e = hostileEntry();
    await render(await storeWith(e), `?key=${encodeURIComponent(e.identity.key)}`);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('main img')).toBeNull();
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(hrefs.some((h) => h.includes('evil'))).toBe(false);
    expect(container.textContent).toContain(HOSTILE[8]);
    expect(container.textContent).toContain(HOSTILE[9]);
  });

  it('says which keys are unknown and shows set-aside records', async () => {
    const s = await storeWith(cleanEntry());
    s.aside.push({ key: 'upwork:~01broken', reason: 'version: expected 1', raw: {}, at: '2026-11-25T00:00:00.000Z' });
    await render(s, '?keys=upwork:~01nobody');
    expect(container.querySelector('[data-testid="missing"]')!.textContent).toContain('No stored check for upwork:~01nobody');
    expect(container.querySelector('[data-testid="set-aside"]')!.textContent).toContain('upwork:~01broken (version: expected 1)');
    expect(button('Export CSV').disabled).toBe(true);
  });

  it('?all=1 shows every profile; the buttons export, copy and print what is shown', async () => {
    const a = flaggedEntry();
    const b = cleanEntry();
    await render(await storeWith(a, b), '?all=1');
    expect(container.querySelectorAll('section.entry')).toHaveLength(2);
    await act(async () => button('Export JSON').click());
    await act(async () => button('Export CSV').click());
    await act(async () => button('Export Markdown').click());
    await act(async () => button('Copy Markdown').click());
    await act(async () => button('Print').click());
    expect(saved.map((s) => s.kind)).toEqual(['json', 'csv', 'markdown']);
    const bundle = ExportBundle.parse(JSON.parse(saved[0]!.text));
    expect(bundle.entries).toHaveLength(2);
    expect(bundle.includesPhotoData).toBe(false);
    expect(new Set(parseCsv(saved[1]!.text).map((r) => r.profile))).toEqual(new Set([a.identity.name, b.identity.name]));
    expect(saved[2]!.text).toContain('# Vetter flag summary');
    const undated = (t: string) => t.replace(/exported [\d-]+ [\d:]+ UTC/, '');
    expect(copied.map(undated)).toEqual([undated(saved[2]!.text)]);
    expect(printed).toBe(1);
    expect(container.querySelector('[data-testid="status"]')!.textContent).toContain('clipboard');
  });

  it('imports a file and shows what was added, merged and refused', async () => {
    const store = await storeWith(cleanEntry());
    const a = flaggedEntry();
    const newerClean = { ...cleanEntry(), report: { ...cleanEntry().report, createdAt: '2026-11-24T00:00:00.000Z' } };
    const bundle = JSON.parse(exportJson([a, newerClean]));
    bundle.entries.push({ identity: { key: 'upwork:~01bad' } });
    await render(store, `?key=${encodeURIComponent(a.identity.key)}`);
    expect(container.querySelector('[data-testid="missing"]')).not.toBeNull();
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([JSON.stringify(bundle)], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await vi.waitFor(() => expect(container.querySelector('[data-testid="import-summary"]')).not.toBeNull());
    const summary = container.querySelector('[data-testid="import-summary"]')!.textContent!;
    expect(summary).toContain('1 added, 1 merged, 0 already up to date, 1 refused');
    expect(summary).toMatch(/Refused: upwork:~01bad: entry 3 is invalid/);
    const link = container.querySelector('[data-testid="import-summary"] a')!.getAttribute('href')!;
    expect(parseSelection(link.split('?')[1]!)).toEqual({ kind: 'keys', keys: [a.identity.key, newerClean.identity.key] });
    // The imported profile is now shown.
    await vi.waitFor(() => expect(container.querySelectorAll('section.entry')).toHaveLength(1));
    expect(container.querySelector('[data-testid="missing"]')).toBeNull();
  });

  it('a file that is not an export is refused with a clear message and nothing changes', async () => {
    const store = await storeWith(cleanEntry());
    await render(store, '?all=1');
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['name,level\nx,high'], 'x.csv')], configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/not valid JSON.*Nothing was imported/));
    expect((await store.list()).length).toBe(1);
  });

  it('photo fingerprints go into the JSON only when the box is ticked (its default comes from the settings)', async () => {
    const e = flaggedEntry();
    await render(await storeWith(e), '?all=1', async () => true);
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent!.includes('fingerprints'))!.querySelector('input')!;
    await vi.waitFor(() => expect(box.checked).toBe(true));
    await act(async () => button('Export JSON').click());
    expect(ExportBundle.parse(JSON.parse(saved[0]!.text)).entries[0]!.photo).toEqual(e.photo);
    await act(async () => box.click());
    await act(async () => button('Export JSON').click());
    expect(ExportBundle.parse(JSON.parse(saved[1]!.text)).entries[0]!.photo!.phash).toBeNull();
  });

  it('never shows a thumbnail or a link for a non-http(s) URL', async () => {
    const e = flaggedEntry();
    const odd = { ...e, photo: { ...e.photo!, url: 'javascript:alert(1)' }, snapshot: { ...e.snapshot, photoUrl: 'data:image/svg+xml,<svg/>' } };
    await render(await storeWith(odd), '?all=1');
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent!.includes('photo thumbnail'))!.querySelector('input')!;
    await act(async () => box.click());
    expect(container.querySelector('img')).toBeNull();
  });
});
