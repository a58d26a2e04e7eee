/**
 * The report page's "Your evidence" section under happy-dom: the notes panel saves to the history store (the real
 * IndexedDB store over fake-indexeddb), the background's re-analysis (the real handler on the same store) runs, and
 * the findings and level on the page change; an entry without a stored profile says when the notes apply; a failed
 * write keeps the draft, says why, and Retry saves it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/report/App';
import { handleMessage, handleReanalyzeMessage, type BackgroundDeps } from '../../entrypoints/background';
import { openHistory, type HistoryStoreExt } from '../../lib/history/store';
import { AnalyzeResult, ReanalyzeResult } from '../../lib/messages';
import type { Profile } from '../../lib/profile/schema';
import { defaultSettings } from '../../lib/settings/schema';
import { makeProfile, NOW } from './helpers';
import { installCatalogue } from './ui-helpers';

beforeEach(() => installCatalogue('en'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const KEY = 'upwork:~01clean';
let container: HTMLDivElement;
let root: Root;
let store: HistoryStoreExt;
let deps: BackgroundDeps;
let reanalyses: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  store = await openHistory(new IDBFactory());
  deps = { openStore: async () => store, photo: async () => Promise.reject(new Error('no photo')), settings: async () => defaultSettings(), now: () => NOW };
  reanalyses = [];
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  store.close();
});

const profile = (): Profile =>
  makeProfile({ name: 'Ana Costa', source: { platform: 'upwork', url: 'https://www.upwork.com/freelancers/~01clean', profileId: '~01clean', capturedAt: NOW.toISOString() } });

async function checkClean() {
  const r = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: profile() }, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, deps)!);
  if (!r.ok) throw new Error(r.error);
  expect(r.report.level).toBe('none');
}

/** The page's re-analysis goes through the background's real handler, as a message from the report page. */
const reanalyze = async (key: string) => {
  reanalyses.push(key);
  const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/report.html') };
  return ReanalyzeResult.parse(await handleReanalyzeMessage({ type: 'vetter:reanalyze', key }, sender, deps)!);
};

async function render(search = `?key=${encodeURIComponent(KEY)}`) {
  await act(async () => {
    root.render(<App openStore={async () => store} search={search} appVersion="0.1.0" reanalyze={reanalyze} notesSaveDelayMs={20} />);
  });
  await until(() => expect(container.querySelector('section.entry')).not.toBeNull());
}

const q = <T extends Element>(sel: string) => {
  const el = container.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};
/** Lets timers and the store run inside act (so React applies their updates) until the assertion holds. */
async function until(assertion: () => void, ms = 5_000) {
  const end = Date.now() + ms;
  for (;;) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    try {
      return assertion();
    } catch (e) {
      if (Date.now() > end) throw e;
    }
  }
}
const status = () => q('[data-testid="notes-status"]');
const click = (el: HTMLElement) => act(() => el.click());
const cameraConcern = () => q<HTMLInputElement>('section.evidence fieldset[data-item="camera"] input[value="concern"]');

describe('report page: your evidence', () => {
  it('marking the camera as a concern saves the notes and shows the camera finding and a higher level', async () => {
    await checkClean();
    await render();
    expect(q('section.entry').getAttribute('data-level')).toBe('none');
    expect(container.querySelector('article[data-rule-id="camera"]')).toBeNull();
    expect(q('section.evidence h2').textContent).toBe('Your evidence');
    expect(container.querySelector('[data-testid="notes-next-check"]')).toBeNull();

    click(cameraConcern());
    expect(status().getAttribute('data-state')).toBe('pending');
    await until(() => expect(status().textContent).toContain('the findings above include your notes'));
    expect(reanalyses).toEqual([KEY]);
    expect((await store.get(KEY))!.notes!.checklist.camera).toEqual({ answer: 'concern', note: '' });
    const camera = q('article[data-rule-id="camera"]');
    expect(camera.getAttribute('data-severity')).toBe('high');
    expect(camera.textContent).toContain('Insist on a live video call');
    expect(q('section.entry').getAttribute('data-level')).toBe('high');
    expect(q('section.entry h2').textContent).toContain('High');
    // The notes summary follows too, and the stored report is the one shown.
    expect(q('section.notes').textContent).toContain('Concern');
    expect((await store.get(KEY))!.report.level).toBe('high');

    // A fresh load shows the saved answer and the stored findings.
    act(() => root.unmount());
    root = createRoot(container);
    await render();
    expect(cameraConcern().checked).toBe(true);
    expect(container.querySelector('article[data-rule-id="camera"]')).not.toBeNull();
  });

  it('quick changes are saved once, after the last one (debounced)', async () => {
    await checkClean();
    await render();
    const setNotes = vi.spyOn(store, 'setNotes');
    click(cameraConcern());
    click(q<HTMLInputElement>('section.evidence fieldset[data-item="drugTest"] input[value="concern"]'));
    click(q<HTMLInputElement>('section.evidence fieldset[data-item="camera"] input[value="no-concern"]'));
    await until(() => expect(status().getAttribute('data-state')).toBe('saved'));
    expect(setNotes).toHaveBeenCalledTimes(1);
    const saved = (await store.get(KEY))!.notes!;
    expect(saved.checklist).toMatchObject({ camera: { answer: 'no-concern' }, drugTest: { answer: 'concern' } });
    expect(container.querySelector('article[data-rule-id="camera"]')).toBeNull();
    expect(container.querySelector('article[data-rule-id="drug-test"]')).not.toBeNull();
  });

  it('an entry without a stored profile says the notes apply at the next check, and still saves them', async () => {
    await checkClean();
    const old = (await store.get(KEY))!;
    delete old.profile;
    await store.put(old);
    await render();
    expect(q('[data-testid="notes-next-check"]').textContent).toContain('at the next check of the profile');
    click(cameraConcern());
    await until(() => expect(status().textContent).toMatch(/^Saved at /));
    expect(reanalyses).toEqual([]);
    expect((await store.get(KEY))!.notes!.checklist.camera?.answer).toBe('concern');
    expect(container.querySelector('article[data-rule-id="camera"]')).toBeNull();
  });

  it('a failed write keeps the draft and says why; Retry saves it and applies it', async () => {
    await checkClean();
    await render();
    const real = store.setNotes.bind(store);
    const setNotes = vi.spyOn(store, 'setNotes').mockRejectedValueOnce(new Error('the storage quota is full'));
    click(cameraConcern());
    await until(() => expect(status().getAttribute('data-state')).toBe('failed'));
    expect(status().textContent).toContain('Not saved: the storage quota is full');
    expect(status().textContent).toContain('Your changes are still on this page');
    expect(cameraConcern().checked).toBe(true);
    expect((await store.get(KEY))!.notes).toBeNull();
    setNotes.mockImplementation(real);
    click([...status().querySelectorAll('button')].find((b) => b.textContent === 'Retry')!);
    await until(() => expect(status().textContent).toContain('the findings above include your notes'));
    expect((await store.get(KEY))!.notes!.checklist.camera?.answer).toBe('concern');
    expect(q('section.entry').getAttribute('data-level')).toBe('high');
  });

  it('is shown for one profile only', async () => {
    await checkClean();
    const other = profile();
    other.source = { ...other.source, url: 'https://www.upwork.com/freelancers/~01other', profileId: '~01other' };
    await handleMessage({ type: 'vetter:analyze', profile: other }, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, deps);
    await render('?all=1');
    await until(() => expect(container.querySelectorAll('section.entry')).toHaveLength(2));
    expect(container.querySelector('section.evidence')).toBeNull();
  });
});
