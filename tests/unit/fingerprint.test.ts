import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { loadFixtures } from '../../lib/cli/harness';
import { fingerprintText, jaccard, MIN_WORDS, minhashSimilarity, sharedPassage, TEMPLATE_SIMILARITY, words } from '../../lib/history/fingerprint';
import { hamming } from '../../lib/photos/hash';
import { FIXTURES_ROOT } from './site-fixtures';

/** The overviews of the fixture profiles: bios written in the marketplaces' own styles, all by different people. */
const all = loadFixtures(FIXTURES_ROOT);
const bios = all
  // Marketplace profiles by different people: not the generic-reader pages (they need --generic and may show one
  // person twice), nor the hostile pages, nor the cross-* pairs and face-* pages that reuse a bio on purpose.
  .filter((f) => !f.file.startsWith('generic/') && !f.file.startsWith('hostile/') && !/\/(cross|face)-/.test(f.file))
  .map((f) => ({ file: f.file, name: checkHtml(f.html, f.url).profile.name, text: checkHtml(f.html, f.url).profile.overview ?? '' }))
  .filter((b) => words(b.text).length >= MIN_WORDS);

/** A template reuse: the name swapped, and a few words changed here and there. */
function reuse(text: string, name: string | null, newName: string, changes: number): string {
  let t = name ? text.split(name).join(newName) : `${newName}. ${text}`;
  const ws = t.split(' ');
  const step = Math.max(1, Math.floor(ws.length / (changes + 1)));
  for (let k = 1; k <= changes && k * step < ws.length; k++) ws[k * step] = ['reliable', 'modern', 'clients', 'global', 'Python'][k % 5]!;
  t = ws.join(' ');
  return t;
}

describe('text fingerprints', () => {
  it('has real bios to measure on', () => {
    expect(bios.length).toBeGreaterThanOrEqual(8);
  });

  it('finds template reuse with another name and a few words changed (measured similarity)', () => {
    const sims: string[] = [];
    for (const b of bios) {
      const copy = reuse(b.text, b.name, 'Michael Torres', Math.min(5, Math.max(1, Math.floor(words(b.text).length / 12))));
      const fa = fingerprintText('overview', b.text)!;
      const fb = fingerprintText('overview', copy)!;
      const exact = jaccard(b.text, copy);
      const est = minhashSimilarity(fa.minhash, fb.minhash);
      sims.push(`${b.file}: ${exact.toFixed(2)} (MinHash ${est.toFixed(2)}, SimHash ${hamming(fa.simhash, fb.simhash)} bits)`);
      expect(exact, b.file).toBeGreaterThanOrEqual(TEMPLATE_SIMILARITY);
      expect(est, b.file).toBeGreaterThanOrEqual(TEMPLATE_SIMILARITY - 0.15);
      expect(words(sharedPassage(copy, b.text)).length, b.file).toBeGreaterThanOrEqual(4);
    }
    console.log(`Template copies (exact Jaccard of 3-shingles):\n  ${sims.join('\n  ')}`);
  });

  it('distinct bios stay far below the threshold (every pair of fixture bios)', () => {
    let max = 0;
    let maxPair = '';
    let pairs = 0;
    for (let i = 0; i < bios.length; i++)
      for (let j = i + 1; j < bios.length; j++) {
        const s = jaccard(bios[i]!.text, bios[j]!.text);
        const est = minhashSimilarity(fingerprintText('overview', bios[i]!.text)!.minhash, fingerprintText('overview', bios[j]!.text)!.minhash);
        pairs++;
        if (s > max) [max, maxPair] = [s, `${bios[i]!.file} / ${bios[j]!.file}`];
        // The fixtures' flagged bios are short and share phrases such as "paid in USDT via Telegram": up to 0.22.
        expect(s).toBeLessThan(TEMPLATE_SIMILARITY * 0.6);
        expect(est).toBeLessThan(TEMPLATE_SIMILARITY);
      }
    console.log(`Distinct bios: ${pairs} pairs, highest Jaccard ${max.toFixed(3)} (${maxPair})`);
  });

  it('the cross-site fixture pair with a copied bio matches above the threshold', () => {
    const [a, b] = ['upwork/cross-bio-first.html', 'fiverr/cross-bio-second.html'].map((file) => {
      const f = all.find((x) => x.file === file)!;
      return checkHtml(f.html, f.url).profile.overview!;
    });
    const s = jaccard(a!, b!);
    console.log(`Fixture pair with a copied bio: Jaccard ${s.toFixed(2)}`);
    expect(s).toBeGreaterThanOrEqual(TEMPLATE_SIMILARITY);
  });

  it('short texts are not fingerprinted; normalization ignores case, accents and punctuation', () => {
    expect(fingerprintText('headline', 'Senior Full Stack Developer | React, Node')).toBeNull();
    expect(words('Café — RÉSUMÉ, node.js!')).toEqual(['cafe', 'resume', 'node', 'js']);
    const a = 'I build reliable web applications with React and Node for startups and agencies around the world, on time.';
    expect(jaccard(a, a.toUpperCase().replace(/,/g, ''))).toBe(1);
  });

  it('sharedPassage returns the longest common run as written in the first text, or nothing below 4 words', () => {
    expect(sharedPassage('Hello there. I am Ana and I build Shopify stores for small brands.', 'I am Bob and I build Shopify stores for small brands!')).toBe('and I build Shopify stores for small brands.');
    expect(sharedPassage('one two three', 'one two three')).toBe('');
    expect(sharedPassage('alpha beta gamma delta epsilon', 'zeta eta theta iota kappa')).toBe('');
  });
});
