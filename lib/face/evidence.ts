/**
 * The StyleGAN-framing finding carries where the eyes sit as an evidence excerpt in one fixed format, so that the UI
 * (components/FaceOverlay.tsx) can draw the measured eye points and the FFHQ targets from the finding alone.
 */
import { FFHQ_EYES } from './constants';
import type { Point } from './schema';

const f3 = (n: number) => n.toFixed(3);
const pt = (p: Point) => `(${f3(p.x)}, ${f3(p.y)})`;

export function formatEyeEvidence(eyes: { left: Point; right: Point }): string {
  return `eyes at ${pt(eyes.left)} and ${pt(eyes.right)} of the frame (x, y as fractions of width and height); StyleGAN/FFHQ output puts them at ${pt(FFHQ_EYES.left)} and ${pt(FFHQ_EYES.right)}`;
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const RE = new RegExp(`eyes at \\(${NUM}, ${NUM}\\) and \\(${NUM}, ${NUM}\\)`);

/** The measured eye points from an excerpt written by formatEyeEvidence, or null. */
export function parseEyeEvidence(excerpt: string): { left: Point; right: Point } | null {
  const m = excerpt.match(RE);
  if (!m) return null;
  const [x1, y1, x2, y2] = m.slice(1, 5).map(Number) as [number, number, number, number];
  return { left: { x: x1, y: y1 }, right: { x: x2, y: y2 } };
}
