import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Badge, countFlags } from '@/components/Badge';
import type { PanelActions } from '@/components/DetailsPanel';
import { analyze } from '@/lib/engine';
import type { Annotations } from '@/lib/messages';
import { PROFILE_FIELDS } from '@/lib/profile/schema';
import { CATEGORIES, type Report } from '@/lib/report/schema';
import { extractFixture, NOW } from './helpers';
import { click, installCatalogue, key, render } from './ui-helpers';

const flagged = (): Report => analyze(extractFixture('full-flagged'), { now: NOW });
const sparse = (): Report => analyze(extractFixture('sparse-logged-out'), { now: NOW });

function fakeActions(): PanelActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    showOnPage: vi.fn((excerpt: string) => (calls.push(`show:${excerpt}`), excerpt.includes('HopanaTech'))),
    dismiss: vi.fn(async (f, note) => void calls.push(`dismiss:${f.ruleId}:${note}`)),
    undismiss: vi.fn(async (f) => void calls.push(`undismiss:${f.ruleId}`)),
    verify: vi.fn(async (note) => void calls.push(`verify:${note}`)),
    openReport: vi.fn(() => void calls.push('report')),
    openHistory: vi.fn(() => void calls.push('history')),
  };
}

describe('Badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installCatalogue('en');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('shows the level as text, the flag count and no "partial read" when every field was read', async () => {
    const r = flagged();
    const { container } = await render(<Badge report={r} />);
    const badge = container.querySelector('.vetter-badge')!;
    expect(badge.getAttribute('data-level')).toBe('high');
    const n = r.findings.filter((f) => f.severity !== 'info').length;
    expect(badge.getAttribute('data-flags')).toBe(String(n));
    expect(container.querySelector('.vetter-pill')!.textContent).toBe(`Vetter: High${n} flags`);
    expect(container.querySelector('.vetter-partial')).toBeNull();
  });

  it('says "partial read" with how many fields were read', async () => {
    const r = sparse();
    expect(r.missing.length).toBeGreaterThan(0);
    const { container } = await render(<Badge report={r} />);
    const partial = container.querySelector('.vetter-partial')!;
    expect(partial.textContent).toBe('partial read');
    expect(partial.getAttribute('title')).toBe(`${PROFILE_FIELDS.length - r.missing.length} of ${PROFILE_FIELDS.length} fields read.`);
  });

  it('pending and error states', async () => {
    const { container, rerender } = await render(<Badge report={null} busy />);
    expect(container.querySelector('.vetter-badge')!.getAttribute('data-level')).toBe('pending');
    await rerender(<Badge report={null} error="boom" />);
    expect(container.textContent).toContain('Vetter could not check this page: boom');
  });

  it('positions itself at the given coordinates, else in the corner; carries the scheme', async () => {
    const { container, rerender } = await render(<Badge report={flagged()} position={{ top: 40, left: 300 }} scheme="dark" />);
    const badge = container.querySelector<HTMLElement>('.vetter-badge')!;
    expect([badge.style.top, badge.style.left]).toEqual(['40px', '300px']);
    expect(badge.dataset.scheme).toBe('dark');
    await rerender(<Badge report={flagged()} />);
    expect(container.querySelector<HTMLElement>('.vetter-badge')!.style.top).toBe('');
  });

  it('opens the panel, focuses its close button, closes on Escape and returns focus to the badge', async () => {
    const { container } = await render(<Badge report={flagged()} actions={fakeActions()} />);
    const pill = container.querySelector<HTMLButtonElement>('.vetter-pill')!;
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    await click(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.className).toBe('vetter-close');
    await key(document.activeElement!, 'Escape');
    expect(container.querySelector('#vetter-details')).toBeNull();
    expect(document.activeElement).toBe(pill);
  });

  it('the panel says why the check is not in the history when the background said so, and nothing when it was saved', async () => {
    const { container, rerender } = await render(<Badge report={flagged()} actions={fakeActions()} historyNote="History is full: this check was not saved." />);
    await click(container.querySelector('.vetter-pill'));
    expect(container.querySelector('#vetter-details .vetter-history-note')!.textContent).toBe('History is full: this check was not saved.');
    await rerender(<Badge report={flagged()} actions={fakeActions()} historyNote={null} />);
    expect(container.querySelector('#vetter-details')).not.toBeNull();
    expect(container.querySelector('.vetter-history-note')).toBeNull();
  });

  it('the panel groups findings by category with why this level, evidence, source link and next step', async () => {
    const r = flagged();
    const { container } = await render(<Badge report={r} actions={fakeActions()} />);
    await click(container.querySelector('.vetter-pill'));
    const cats = [...container.querySelectorAll('.vetter-cat')].map((s) => s.getAttribute('data-category'));
    expect(cats).toEqual(CATEGORIES.filter((c) => r.findings.some((f) => f.category === c)));
    expect(cats.length).toBeGreaterThan(3);
    expect(container.querySelector('.vetter-why')!.textContent).toBe(`Why this level: ${r.levelReason}`);
    const front = container.querySelector('.vetter-finding[data-rule-id="emp-front"]')!;
    expect(front.textContent).toContain('Verify next:');
    expect(front.querySelector('a')!.getAttribute('href')).toMatch(/^https:\/\//);
    expect(container.querySelectorAll('.vetter-finding').length).toBe(r.findings.length);
  });

  it('does not link an indicator whose URL is not http(s)', async () => {
    const r = flagged();
    r.findings[0]!.indicator.url = 'javascript:alert(1)';
    const { container } = await render(<Badge report={r} actions={fakeActions()} />);
    await click(container.querySelector('.vetter-pill'));
    expect(container.querySelector('.vetter-finding a')!.hasAttribute('href')).toBe(false);
  });

  it('"Show on page" reports found and not found', async () => {
    const actions = fakeActions();
    const { container } = await render(<Badge report={flagged()} actions={actions} />);
    await click(container.querySelector('.vetter-pill'));
    const front = container.querySelector('.vetter-finding[data-rule-id="emp-front"]')!;
    await click(front.querySelector('.vetter-show'));
    expect(front.querySelector('.vetter-show-status')!.textContent).toBe('Highlighted on the page.');
    const photo = container.querySelector('.vetter-finding[data-rule-id="photo-missing"]')!;
    await click(photo.querySelector('.vetter-show'));
    expect(photo.querySelector('.vetter-show-status')!.textContent).toContain('Not found on this page');
  });

  it('dismiss with a note sends it; a dismissed finding is greyed with its note, an undo, and no longer counted', async () => {
    const r = flagged();
    const actions = fakeActions();
    const { container, rerender } = await render(<Badge report={r} actions={actions} />);
    await click(container.querySelector('.vetter-pill'));
    const item = () => container.querySelector('.vetter-finding[data-rule-id="photo-missing"]')!;
    await click(item().querySelector('.vetter-dismiss'));
    const ta = item().querySelector('textarea')!;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(ta, 'seen on video');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => item().querySelector('form')!.requestSubmit());
    expect(actions.calls).toContain('dismiss:photo-missing:seen on video');

    const f = r.findings.find((x) => x.ruleId === 'photo-missing')!;
    const ann: Annotations = { dismissals: [{ ruleId: f.ruleId, title: f.title, note: 'seen on video', at: '2026-11-20T10:00:00.000Z' }], verified: null };
    await rerender(<Badge report={r} actions={actions} annotations={ann} />);
    expect(item().getAttribute('data-dismissed')).toBe('true');
    expect(item().querySelector('.vetter-dismissal')!.textContent).toContain('Dismissed as explained on 2026-11-20: seen on video');
    expect(container.querySelector('.vetter-badge')!.getAttribute('data-flags')).toBe(String(countFlags(r) - 1));
    await click(item().querySelector('.vetter-undo'));
    expect(actions.calls).toContain('undismiss:photo-missing');
  });

  it('mark as verified, report and history links, hide', async () => {
    const actions = fakeActions();
    const onHide = vi.fn();
    const { container, rerender } = await render(<Badge report={flagged()} actions={actions} onHide={onHide} />);
    await click(container.querySelector('.vetter-pill'));
    await click(container.querySelector('.vetter-mark-verified'));
    await act(async () => container.querySelector<HTMLFormElement>('.vetter-verify form')!.requestSubmit());
    expect(actions.calls).toContain('verify:');
    await rerender(<Badge report={flagged()} actions={actions} onHide={onHide} annotations={{ dismissals: [], verified: { note: 'ID call', at: '2026-11-21T00:00:00.000Z' } }} />);
    expect(container.querySelector('.vetter-verified')!.textContent).toContain('verified on 2026-11-21: ID call');
    expect(container.querySelector('.vetter-verified-tag')).not.toBeNull();
    await click(container.querySelector('.vetter-full-report'));
    expect(actions.calls).toContain('report');
    await click(container.querySelector('.vetter-hide'));
    expect(onHide).toHaveBeenCalledOnce();
  });

  it('renders in Japanese from the ja catalogue', async () => {
    vi.restoreAllMocks();
    installCatalogue('ja');
    const { container } = await render(<Badge report={sparse()} />);
    expect(container.querySelector('.vetter-pill')!.textContent).toMatch(/^Vetter: .*サイン/);
    expect(container.querySelector('.vetter-partial')!.textContent).toBe('一部のみ読み取り');
  });
});
