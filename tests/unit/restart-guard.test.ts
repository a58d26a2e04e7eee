/**
 * lib/security/restart-guard.ts: a page cannot stop the content script with WXT's "newer copy started" event
 * (found by tests/e2e/hostile.e2e.test.ts), while a real newer copy of the script still stops the old one.
 * Simulated with the same event WXT dispatches and a listener standing in for WXT's on `document`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { announceStarting, guardRestartEvent } from '../../lib/security/restart-guard';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const NAME = `${ID}:content:wxt:content-script-started`;
const fire = () => document.dispatchEvent(new CustomEvent(NAME, { detail: { contentScriptName: 'content', messageId: 'other' } }));

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** What WXT's context does on document: count the "stop" signals it would act on. */
function wxtListener(): { stops: number } {
  const seen = { stops: 0 };
  const l = () => seen.stops++;
  document.addEventListener(NAME, l);
  cleanups.push(() => document.removeEventListener(NAME, l));
  return seen;
}

describe('restart guard', () => {
  it('without the guard, a page event stops the script (the attack)', () => {
    const wxt = wxtListener();
    fire();
    expect(wxt.stops).toBe(1);
  });

  it('with the guard, a page event does not reach WXT', () => {
    announceStarting();
    const wxt = wxtListener();
    cleanups.push(guardRestartEvent(ID, 'content'));
    fire();
    fire();
    expect(wxt.stops).toBe(0);
  });

  it('a real newer copy (announced from the isolated world before it starts) still stops the old one', () => {
    announceStarting();
    const wxt = wxtListener();
    cleanups.push(guardRestartEvent(ID, 'content')); // the old copy is running and guarded
    announceStarting(); // the new copy's module is evaluated…
    fire(); // …and its WXT context announces itself
    expect(wxt.stops).toBe(1);
    cleanups.push(guardRestartEvent(ID, 'content')); // the new copy's main(): guarded again
    fire();
    expect(wxt.stops).toBe(1);
  });

  it('guards only its own event name', () => {
    announceStarting();
    cleanups.push(guardRestartEvent(ID, 'content'));
    let other = 0;
    const l = () => other++;
    document.addEventListener('unrelated', l);
    document.dispatchEvent(new CustomEvent('unrelated'));
    document.removeEventListener('unrelated', l);
    expect(other).toBe(1);
  });
});
