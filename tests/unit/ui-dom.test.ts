import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { findNameElement, positionBeside } from '@/entrypoints/content/anchor';
import { excerptCandidates, findTextRange, showOnPage } from '@/entrypoints/content/highlight';
import { luminance, pageScheme } from '@/lib/ui/scheme';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
});

describe('findTextRange (show on page)', () => {
  it('finds text across elements, ignoring case and whitespace runs', () => {
    document.body.innerHTML = '<main><h4>Engineer   |\n <b>HopanaTech</b></h4><p>January 2021</p></main>';
    const r = findTextRange(document.body, 'engineer | hopanatech')!;
    expect(r).not.toBeNull();
    expect(r.toString().replace(/\s+/g, ' ')).toBe('Engineer | HopanaTech');
  });

  it('skips scripts, styles and the excluded subtree (our badge)', () => {
    document.body.innerHTML = '<script>var x = "HopanaTech"</script><div id="badge">HopanaTech</div><p>nothing</p>';
    expect(findTextRange(document.body, 'HopanaTech', document.getElementById('badge'))).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<span>at HopanaTech</span>');
    expect(findTextRange(document.body, 'HopanaTech', document.getElementById('badge'))!.startContainer.parentElement!.tagName).toBe('SPAN');
  });

  it('an empty or absent excerpt finds nothing', () => {
    document.body.innerHTML = '<p>Hello</p>';
    expect(findTextRange(document.body, '   ')).toBeNull();
    expect(findTextRange(document.body, 'Goodbye')).toBeNull();
  });

  it('tries the parts of a joined excerpt, longest first', () => {
    expect(excerptCandidates('Brightline Software Inc.: Seattle, WA')).toEqual(['Brightline Software Inc.: Seattle, WA', 'Brightline Software Inc.', 'Seattle']);
    document.body.innerHTML = '<h4>Brightline Software Inc.</h4><p>Seattle, WA, United States</p>';
    expect(showOnPage('Brightline Software Inc.: Seattle, WA, United States')).toBe(true);
    expect(showOnPage('Not on this page at all')).toBe(false);
  });

  it('outlines the element when the Highlight API is missing, and restores it later', () => {
    document.body.innerHTML = '<p id="p">Paid in USDT only</p>';
    expect(showOnPage('USDT')).toBe(true);
    expect(document.getElementById('p')!.style.outline).toContain('solid');
  });
});

describe('scheme', () => {
  it('computes relative luminance of rgb colours and ignores transparent ones', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1, 5);
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance('transparent')).toBeNull();
    expect(luminance('rgb(18 18 18 / 1)')).toBeLessThan(0.01);
  });

  it('follows the page background: dark on a dark body, light on a light one', () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    expect(pageScheme()).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageScheme()).toBe('light');
  });
});

describe('anchor', () => {
  it('finds the profile name element, skipping empty ones and our own subtree', () => {
    document.body.innerHTML = '<div id="ours"><h1>Vetter</h1></div><h1></h1><h2 itemprop="name">Daniel K.</h2>';
    // happy-dom has no layout: give the elements a box.
    for (const el of document.querySelectorAll('h1, h2')) el.getBoundingClientRect = () => ({ width: 100, height: 30, top: 50, left: 8, right: 108, bottom: 80, x: 8, y: 50, toJSON: () => ({}) });
    expect(findNameElement(document, document.getElementById('ours'))!.textContent).toBe('Daniel K.');
  });

  it('places the badge right of the name, clamped into the viewport', () => {
    const original = Range.prototype.getBoundingClientRect;
    onTestFinished(() => {
      Range.prototype.getBoundingClientRect = original;
    });
    document.body.innerHTML = '<h1>Daniel K.</h1>';
    const h1 = document.querySelector('h1')!;
    const box = (top: number, right: number) => ({ width: 100, height: 32, top, left: right - 100, right, bottom: top + 32, x: right - 100, y: top, toJSON: () => ({}) });
    h1.getBoundingClientRect = () => box(100, 200);
    Range.prototype.getBoundingClientRect = function () {
      return box(100, 200) as DOMRect;
    };
    expect(positionBeside(h1)).toEqual({ top: 100, left: 212 });
    h1.getBoundingClientRect = () => box(-500, 200);
    Range.prototype.getBoundingClientRect = function () {
      return box(-500, 200) as DOMRect;
    };
    expect(positionBeside(h1)?.top).toBe(8);
  });
});
