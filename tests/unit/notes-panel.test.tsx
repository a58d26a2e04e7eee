/**
 * NotesPanel under happy-dom with react-dom/client and act: render, answer the checklist, save and change the
 * shipping address, paste text, delete it; every onChange gets a schema-valid ManagerNotes and the analysis shows live.
 */
import axe from 'axe-core';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesPanel } from '../../components/NotesPanel';
import { catalogue, installCatalogue } from './ui-helpers';
import { CHECKLIST_ITEMS, ManagerNotes } from '../../lib/notes/schema';
import { NOW } from './helpers';
import { makeNotes, paste } from './notes-helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const en = catalogue('en');
const label = (item: string) => en[`chk_${item}`]!.message;
const help = (item: string) => en[`chk_${item}_help`]!.message;
beforeEach(() => installCatalogue('en'));

let host: HTMLDivElement;
let root: Root;
let changes: ManagerNotes[];

/** Holds the notes like the report page will: each onChange is stored and passed back. */
function Harness({ initial, name }: { initial: ManagerNotes | null; name: string | null }) {
  const [notes, setNotes] = useState(initial);
  return (
    <NotesPanel
      notes={notes}
      profileName={name}
      now={() => NOW}
      onChange={(n) => {
        changes.push(n);
        setNotes(n);
      }}
    />
  );
}

function render(initial: ManagerNotes | null = null, name: string | null = 'Daniel K.') {
  act(() => root.render(<Harness initial={initial} name={name} />));
}

const last = () => changes[changes.length - 1]!;
const q = <T extends Element>(sel: string) => {
  const el = host.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};
const byLabel = <T extends HTMLElement>(text: string): T => {
  for (const l of host.querySelectorAll('label')) {
    if (l.textContent?.trim() === text || l.querySelector('span')?.textContent?.trim() === text) {
      const target = l.htmlFor ? host.ownerDocument.getElementById(l.htmlFor) : l.querySelector('input, textarea, select');
      if (target) return target as T;
    }
  }
  throw new Error(`no control labelled "${text}"`);
};
const button = (name: string) => {
  const b = [...host.querySelectorAll('button')].find((x) => x.textContent?.trim() === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

/** Type into a controlled input the way React sees it (native setter, then an input event). */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const click = (el: HTMLElement) => act(() => el.click());

beforeEach(() => {
  changes = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('NotesPanel', () => {
  it('renders every checklist item as a fieldset with a legend, help text and three labelled answers, all "not checked"', () => {
    render();
    for (const item of CHECKLIST_ITEMS) {
      const fs = q(`fieldset[data-item="${item}"]`);
      expect(fs.querySelector('legend')!.textContent).toBe(label(item));
      expect(fs.textContent).toContain(help(item));
      const radios = [...fs.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(radios.map((r) => r.closest('label')!.textContent)).toEqual(['Concern', 'No concern', 'Not checked']);
      expect(radios.find((r) => r.checked)!.value).toBe('unknown');
      expect(host.ownerDocument.getElementById(fs.getAttribute('aria-describedby')!)!.textContent).toBe(help(item));
    }
    expect(changes).toEqual([]);
  });

  it('every form control has a label', () => {
    render(makeNotes({ pasted: [paste('message', 'hi')] }));
    for (const el of host.querySelectorAll('input, textarea, select')) {
      const labelled = el.closest('label') || (el.id && host.querySelector(`label[for="${el.id}"]`)) || el.getAttribute('aria-label');
      expect(labelled, el.outerHTML).toBeTruthy();
    }
    for (const b of host.querySelectorAll('button')) expect((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()).not.toBe('');
  });

  it('has no axe-core violations with pastes, findings, a concern and earlier addresses shown', async () => {
    render(
      makeNotes({
        checklist: { camera: { answer: 'concern', note: 'off' } },
        shippingAddress: 'B',
        previousAddresses: ['A'],
        pasted: [paste('payment', 'Pay 50% upfront to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')],
      }),
    );
    const r = await axe.run(host, { rules: { 'color-contrast': { enabled: false } } });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(r.passes.map((x) => x.id)).toEqual(expect.arrayContaining(['label']));
  }, 60_000);

  it('answering "Concern" on the camera and writing a note gives valid notes from null', () => {
    render(null);
    const concern = q<HTMLInputElement>('fieldset[data-item="camera"] input[value="concern"]');
    click(concern);
    expect(ManagerNotes.safeParse(last()).success).toBe(true);
    expect(last().checklist.camera).toEqual({ answer: 'concern', note: '' });
    expect(last().updatedAt).toBe(NOW.toISOString());
    type(byLabel<HTMLTextAreaElement>('Note on camera'), 'Camera off in both calls.');
    expect(last().checklist.camera).toEqual({ answer: 'concern', note: 'Camera off in both calls.' });
    expect(q('fieldset[data-item="camera"]').getAttribute('data-answer')).toBe('concern');
    click(q<HTMLInputElement>('fieldset[data-item="camera"] input[value="no-concern"]'));
    expect(last().checklist.camera).toEqual({ answer: 'no-concern', note: 'Camera off in both calls.' });
  });

  it('pasting payment instructions adds a paste and shows what the analysis found, live', () => {
    render(makeNotes());
    expect(q('.vetter-notes-found').textContent).toContain('No text pasted yet');
    const kind = byLabel<HTMLSelectElement>('Kind of text');
    expect(kind.value).toBe('payment');
    type(byLabel<HTMLTextAreaElement>('Text to add'), 'Account holder: Ri Song Chol\nUSDT TRC20: TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE');
    click(button('Add text'));
    const n = last();
    expect(ManagerNotes.safeParse(n).success).toBe(true);
    expect(n.pasted).toEqual([{ kind: 'payment', text: 'Account holder: Ri Song Chol\nUSDT TRC20: TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', addedAt: NOW.toISOString() }]);
    expect(byLabel<HTMLTextAreaElement>('Text to add').value).toBe('');
    const found = [...host.querySelectorAll('.vetter-notes-found li')];
    expect(found.map((li) => li.getAttribute('data-kind')).sort()).toEqual(['payee', 'wallet']);
    expect(q('.vetter-notes-found').textContent).toContain('Payee "Ri Song Chol" differs from the profile name');
    expect(q('.vetter-notes-found').textContent).toContain('TRON address');
    expect(q('.vetter-notes-found').textContent).toContain('(pasted text 1)');
  });

  it('deleting a paste removes it and its findings', () => {
    render(makeNotes({ pasted: [paste('message', 'Hello'), paste('payment', 'Pay 50% upfront please.')] }));
    expect(host.querySelectorAll('.vetter-notes-found li')).toHaveLength(1);
    click(button('Delete pasted text 2'));
    expect(last().pasted.map((p) => p.text)).toEqual(['Hello']);
    expect(host.querySelectorAll('.vetter-notes-found li')).toHaveLength(0);
  });

  it('an empty or too long paste is refused with a message and the draft is kept', () => {
    render(makeNotes());
    click(button('Add text'));
    expect(q('[role="alert"]').textContent).toMatch(/Paste some text/);
    type(byLabel<HTMLTextAreaElement>('Text to add'), 'x'.repeat(20_001));
    click(button('Add text'));
    expect(q('[role="alert"]').textContent).toMatch(/at most 20,000/);
    expect(byLabel<HTMLTextAreaElement>('Text to add').value).toHaveLength(20_001);
    expect(changes).toEqual([]);
  });

  it('changing the shipping address keeps the previous one; the same address typed differently is not a change', () => {
    render(makeNotes());
    const input = byLabel<HTMLInputElement>('Where the candidate asked equipment to be sent');
    type(input, '1200 Elm St, Dallas, TX 75201');
    click(button('Save address'));
    expect(last().shippingAddress).toBe('1200 Elm St, Dallas, TX 75201');
    expect(last().previousAddresses).toEqual([]);
    type(input, '1200 elm st dallas tx 75201');
    click(button('Save address'));
    expect(changes).toHaveLength(1);
    type(input, '88 Harbor Rd, Newark, NJ 07114');
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(last().shippingAddress).toBe('88 Harbor Rd, Newark, NJ 07114');
    expect(last().previousAddresses).toEqual(['1200 Elm St, Dallas, TX 75201']);
    expect(q('.vetter-notes-previous').textContent).toContain('1200 Elm St');
  });

  it('the comment is kept', () => {
    render(makeNotes());
    type(byLabel<HTMLTextAreaElement>('Comment'), 'Second call planned for Monday.');
    expect(last().comment).toBe('Second call planned for Monday.');
  });

  it('uses an analysis passed in by the caller instead of its own', () => {
    const notes = makeNotes({ pasted: [paste('payment', 'Pay 50% upfront please.')] });
    act(() => root.render(<NotesPanel notes={notes} profileName="X" onChange={() => {}} analysis={{ profileName: 'X', pastes: 1, hits: [], providers: [] }} />));
    expect(q('.vetter-notes-found').textContent).toContain('Nothing from the guidance');
  });
});
