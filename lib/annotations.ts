/**
 * Dismissals and verification per profile key, in browser.storage.local (`dismissals:<key>`, `verified:<key>`),
 * validated on read and write: the fallback for profiles the history store (IndexedDB) does not hold, e.g. when the
 * history could not be written. Reads prefer the history entry. A stored value that fails validation is never
 * overwritten: the call fails with the reason.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { Dismissal, Verification } from './history/schema';
import type { Annotations } from './messages';

/** The profile's history entry, or null when the history is unavailable (no IndexedDB) or has no such profile. */
async function historyEntry(key: string) {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const { openHistory } = await import('./history/store');
    const store = await openHistory();
    try {
      return await store.get(key);
    } finally {
      store.close();
    }
  } catch {
    return null;
  }
}

const dKey = (key: string) => `dismissals:${key}`;
const vKey = (key: string) => `verified:${key}`;

async function read<T>(storageKey: string, schema: z.ZodType<T>, empty: T): Promise<T> {
  const got = (await browser.storage.local.get(storageKey))[storageKey];
  if (got === undefined) return empty;
  const parsed = schema.safeParse(got);
  if (!parsed.success) throw new Error(`The stored value ${storageKey} is not valid (${parsed.error.issues[0]?.message ?? 'unknown'}); it was left as it is.`);
  return parsed.data;
}

export async function getAnnotations(key: string): Promise<Annotations> {
  // The history store holds the decisions of every checked profile (written by the background's history handler).
  const entry = await historyEntry(key);
  if (entry) return { dismissals: entry.dismissals, verified: entry.verified };
  return {
    dismissals: await read(dKey(key), z.array(Dismissal), []),
    verified: await read(vKey(key), Verification.nullable(), null),
  };
}

/** Adds (or replaces, same rule and title) a dismissal. */
export async function addDismissal(key: string, d: Dismissal): Promise<Annotations> {
  const cur = await getAnnotations(key);
  const dismissals = [...cur.dismissals.filter((x) => !(x.ruleId === d.ruleId && x.title === d.title)), Dismissal.parse(d)];
  await browser.storage.local.set({ [dKey(key)]: dismissals });
  return { ...cur, dismissals };
}

export async function removeDismissal(key: string, ruleId: string, title: string): Promise<Annotations> {
  const cur = await getAnnotations(key);
  const dismissals = cur.dismissals.filter((x) => !(x.ruleId === ruleId && x.title === title));
  await browser.storage.local.set({ [dKey(key)]: dismissals });
  return { ...cur, dismissals };
}

export async function setVerified(key: string, v: Verification | null): Promise<Annotations> {
  const cur = await getAnnotations(key);
  if (v) await browser.storage.local.set({ [vKey(key)]: Verification.parse(v) });
  else await browser.storage.local.remove(vKey(key));
  return { ...cur, verified: v };
}

export { isDismissed } from './ui/dismissed';
