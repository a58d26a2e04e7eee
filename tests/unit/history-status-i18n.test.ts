/**
 * The history's messages in the user's language: every outcome of a save when the storage is full
 * (lib/history/store-quota.ts), a database that cannot be opened (openFailure), and a check without history carry a
 * catalogue message (lib/history/status-msg.ts) besides their English text. The English text is the English catalogue
 * filled in; the pages and the badge's panel render the message in Japanese when the browser is; a reply whose message
 * is malformed falls back to the English text.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck, type BackgroundDeps } from '@/entrypoints/background';
import { analyzeReply, historyStatusMessage } from '@/entrypoints/content/replies';
import { analyze } from '@/lib/engine';
import type { HistoryEntry } from '@/lib/history/schema';
import { HistoryQuotaError, openFailure, type HistoryStoreExt } from '@/lib/history/store';
import { saveWithRoom, type SaveOutcome } from '@/lib/history/store-quota';
import { HistoryStatus } from '@/lib/messages';
import { defaultSettings } from '@/lib/settings/schema';
import { errorText, historyStatusText } from '@/lib/ui/history-status';
import { makeProfile, NOW } from './helpers';
import { catalogue, installCatalogue } from './ui-helpers';

const en = catalogue('en');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
afterEach(() => vi.restoreAllMocks());

/** A store whose puts fail with a full quota until `fitsAfter` entries were removed; prune/pruneOldest remove as scripted. */
function fakeStore(o: { retention: number; oldest: number[]; fitsAfter: number; putError?: Error }): Pick<HistoryStoreExt, 'put' | 'prune' | 'pruneOldest' | 'count'> {
  let removed = 0;
  const oldest = [...o.oldest];
  return {
    put: async () => {
      if (o.putError) throw o.putError;
      if (removed < o.fitsAfter) throw new HistoryQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    },
    prune: async () => ((removed += o.retention), o.retention),
    pruneOldest: async () => {
      const n = oldest.shift() ?? 0;
      removed += n;
      return n;
    },
    count: async () => 100,
  };
}

const entry = { identity: { key: 'upwork:~01new' } } as HistoryEntry;
const settings = (historyDays: number, pruneWhenFull: boolean) => ({ historyDays, pruneWhenFull });
const NEVER = Number.MAX_SAFE_INTEGER;

/** Every outcome of saveWithRoom that tells the user something, with the message key it must carry. */
const SCENARIOS: [string, () => Promise<SaveOutcome>][] = [
  ['hs_full_forever', () => saveWithRoom(fakeStore({ retention: 0, oldest: [], fitsAfter: NEVER }), entry, settings(0, true), NOW)],
  ['hs_pruned_retention_one', () => saveWithRoom(fakeStore({ retention: 1, oldest: [], fitsAfter: 1 }), entry, settings(30, false), NOW)],
  ['hs_pruned_retention_many', () => saveWithRoom(fakeStore({ retention: 3, oldest: [], fitsAfter: 3 }), entry, settings(30, false), NOW)],
  ['hs_full_noprune', () => saveWithRoom(fakeStore({ retention: 0, oldest: [], fitsAfter: NEVER }), entry, settings(30, false), NOW)],
  ['hs_full_noprune_after_one', () => saveWithRoom(fakeStore({ retention: 1, oldest: [], fitsAfter: NEVER }), entry, settings(30, false), NOW)],
  ['hs_full_noprune_after_many', () => saveWithRoom(fakeStore({ retention: 2, oldest: [], fitsAfter: NEVER }), entry, settings(30, false), NOW)],
  ['hs_pruned_oldest_one', () => saveWithRoom(fakeStore({ retention: 0, oldest: [1], fitsAfter: 1 }), entry, settings(30, true), NOW)],
  ['hs_pruned_oldest_many', () => saveWithRoom(fakeStore({ retention: 0, oldest: [5], fitsAfter: 5 }), entry, settings(30, true), NOW)],
  ['hs_full_nospace', () => saveWithRoom(fakeStore({ retention: 0, oldest: [], fitsAfter: NEVER }), entry, settings(30, true), NOW)],
  ['hs_full_oldest_one', () => saveWithRoom(fakeStore({ retention: 0, oldest: [1], fitsAfter: NEVER }), entry, settings(30, true), NOW)],
  ['hs_full_oldest_many', () => saveWithRoom(fakeStore({ retention: 0, oldest: [5, 5], fitsAfter: NEVER }), entry, settings(30, true), NOW)],
  ['hs_failed', () => saveWithRoom(fakeStore({ retention: 0, oldest: [], fitsAfter: 0, putError: new Error('disk I/O error') }), entry, settings(30, true), NOW)],
];

describe('history messages carry a catalogue message', () => {
  it.each(SCENARIOS)('%s: the English text is the English catalogue filled in; in Japanese it is Japanese with the same numbers', async (key, run) => {
    const out = await run();
    expect(out.msg?.key).toBe(key);
    installCatalogue('en');
    expect(historyStatusText(out)).toBe(out.message);
    vi.restoreAllMocks();
    installCatalogue('ja');
    const ja = historyStatusText(out)!;
    expect(ja).toMatch(JAPANESE);
    expect(ja).not.toBe(out.message);
    for (const p of out.msg!.params) expect(ja).toContain(p);
    // A status with it passes the schema the background sends and stores.
    expect(HistoryStatus.safeParse({ state: out.state, message: out.message, msg: out.msg, key: 'k', at: NOW.toISOString() }).success).toBe(true);
  });

  it('a database written by a newer version, or one that fails to open, gives a catalogue message too', () => {
    const newer = openFailure(new DOMException('The requested version (1) is less than the existing version (9).', 'VersionError'));
    const failed = openFailure(new Error('disk full'));
    expect([newer.msg?.key, failed.msg?.key]).toEqual(['hs_db_newer', 'hs_db_failed']);
    installCatalogue('en');
    expect(errorText(newer)).toBe(newer.message);
    expect(newer.message).toMatch(/^History unavailable: the history database was written by a newer version of Vetter/);
    vi.restoreAllMocks();
    installCatalogue('ja');
    expect(errorText(newer)).toMatch(JAPANESE);
    expect(errorText(failed)).toContain('disk full');
    expect(errorText(new Error('plain'))).toBe('plain');
  });

  it('a check whose history cannot be opened says so with hs_unavailable, in both languages', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deps: BackgroundDeps = {
      openStore: () => Promise.reject(new Error('the database is gone')),
      photo: () => Promise.reject(new Error('no photo')),
      settings: async () => defaultSettings(),
      now: () => NOW,
    };
    const res = await runCheck(makeProfile({ photo: null }), deps);
    expect(res.ok && res.history?.msg).toEqual({ key: 'hs_unavailable', params: ['the database is gone'] });
    installCatalogue('ja');
    expect(res.ok && historyStatusText(res.history!)).toMatch(JAPANESE);
  });

  it('every hs_ message of the catalogue is produced by one of the paths above (the blocked-database one by openHistory)', () => {
    const covered = new Set([...SCENARIOS.map(([k]) => k), 'hs_db_newer', 'hs_db_failed', 'hs_unavailable', 'hs_db_blocked']);
    expect(Object.keys(en).filter((k) => k.startsWith('hs_') && !covered.has(k))).toEqual([]);
  });
});

describe('the badge reads the message from the reply in the user\'s language', () => {
  const report = analyze(makeProfile({}), { now: NOW });
  it('in the answer to the check and in the later history-status message; a malformed message falls back to the English text', async () => {
    const out = await SCENARIOS[0]![1]();
    const history = { state: out.state, message: out.message, msg: out.msg, key: 'k', at: NOW.toISOString() };
    installCatalogue('ja');
    const reply = analyzeReply({ ok: true, report, history });
    expect(reply.ok && reply.historyNote).toMatch(JAPANESE);
    expect(historyStatusMessage({ type: 'vetter:history-status', status: history })?.note).toMatch(JAPANESE);
    for (const msg of [{ key: 'bad key', params: [] }, { key: 'hs_failed', params: Array(11).fill('x') }, { key: 'hs_failed', params: [1] }, 'hs_failed']) {
      const r = analyzeReply({ ok: true, report, history: { ...history, msg } });
      expect(r.ok && r.historyNote).toBe(out.message);
    }
  });
});
