import { describe, expect, it } from 'vitest';
import { clean } from '../../lib/extractors/parse';
import { capLength, displayText, FIELD_CAPS, isHttpUrl, isSafeImageUrl, LIST_CAP, sanitizeValues, stripInvisible } from '../../lib/text/sanitize';

describe('stripInvisible', () => {
  it('removes right-to-left overrides, isolates and marks', () => {
    expect(stripInvisible('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(stripInvisible('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl')).toBe('abcdefghijkl');
  });

  it('removes zero-width and other invisible format characters', () => {
    expect(stripInvisible('Hop\u200Bana\u200C\u200DTe\u2060ch\uFEFF')).toBe('HopanaTech');
    expect(stripInvisible('a\u00ADb\u180Ec\u2061d\u3164e')).toBe('abcde');
    // Unicode tag characters (used to hide text in plain sight)
    expect(stripInvisible('ok\u{E0041}\u{E0042}')).toBe('ok');
  });

  it('removes control characters and terminal escapes but keeps tabs and line breaks', () => {
    expect(stripInvisible('x\u001b[2J\u001b]0;t\u0007y')).toBe('x[2J]0;ty');
    expect(stripInvisible('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(stripInvisible('a\u0000b\u007Fc\u0085d')).toBe('abcd');
  });

  it('keeps natural right-to-left text, emoji and non-Latin scripts', () => {
    expect(stripInvisible('مرحبا שלום 김민준 北京 😀')).toBe('مرحبا שלום 김민준 北京 😀');
  });

  it('markup stays text: nothing is decoded or removed from it', () => {
    const s = '<script>window.__pwned=1</script><img src=x onerror=alert(1)>';
    expect(stripInvisible(s)).toBe(s);
  });
});

describe('capLength and displayText', () => {
  it('caps with an ellipsis and leaves short strings alone', () => {
    expect(capLength('abcdef', 10)).toBe('abcdef');
    expect(capLength('abcdef', 4)).toBe('abc…');
    expect(capLength('abcdef', 4)).toHaveLength(4);
    expect(capLength('abc', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const s = 'ab😀cd';
    const c = capLength(s, 4); // would cut between the two halves of 😀
    expect(c).toBe('ab…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(c)).toBe(false);
  });

  it('displayText strips, collapses white space, trims and caps', () => {
    expect(displayText('  Mallory\u200B \u202Eyrollam \n\n x ', 100)).toBe('Mallory yrollam x');
    expect(displayText('A'.repeat(100_000), 300)).toHaveLength(300);
    expect(displayText(null)).toBe('');
  });

  it('clean() used by every extractor strips the same characters', () => {
    expect(clean(' Hop\u200Bana\u202ETech\u0007 ')).toBe('HopanaTech');
  });
});

describe('sanitizeValues', () => {
  it('caps strings by field and lists at LIST_CAP, recursively', () => {
    const long = 'x'.repeat(100_000);
    const v = sanitizeValues({
      name: long,
      overview: long,
      skills: Array.from({ length: 1000 }, (_, i) => `s${i}\u200B`),
      employment: [{ company: long, description: long, raw: long }],
      links: [{ url: `https://a.example/${long}`, kind: 'other' }],
      account: { rating: 5, verified: { id: true } },
    });
    expect(v.name).toHaveLength(FIELD_CAPS.short);
    expect(v.overview).toHaveLength(FIELD_CAPS.long);
    expect(v.skills).toHaveLength(LIST_CAP);
    expect(v.skills[0]).toBe('s0');
    expect(v.employment[0]!.company).toHaveLength(FIELD_CAPS.short);
    expect(v.employment[0]!.description).toHaveLength(FIELD_CAPS.long);
    expect(v.links[0]!.url).toHaveLength(FIELD_CAPS.url);
    expect(v.account).toEqual({ rating: 5, verified: { id: true } });
  });

  it('leaves skipped keys untouched', () => {
    const v = sanitizeValues({ a: 'x\u200B', b: 'y\u200B' }, new Set(['b']));
    expect(v).toEqual({ a: 'x', b: 'y\u200B' });
  });
});

describe('URL checks', () => {
  it('isHttpUrl accepts only absolute http(s)', () => {
    expect(isHttpUrl('https://github.com/x')).toBe(true);
    expect(isHttpUrl('http://x.example/')).toBe(true);
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', 'file:///etc/passwd', '/relative', '', null, undefined])
      expect(isHttpUrl(bad), String(bad)).toBe(false);
  });

  it('isSafeImageUrl also accepts inline raster images, not svg or html', () => {
    expect(isSafeImageUrl('https://x.example/a.png')).toBe(true);
    expect(isSafeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isSafeImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isSafeImageUrl('data:text/html,<script>1</script>')).toBe(false);
    expect(isSafeImageUrl('javascript:1')).toBe(false);
  });
});
