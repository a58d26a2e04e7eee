/** The face check's plain constants (no zod), for the content script's overlay (issue 8); lib/face/schema.ts re-exports them. */

/** FFHQ / StyleGAN eye centres (NVlabs ffhq-dataset alignment recipe; shared/photos.md §3). */
export const FFHQ_EYES = { left: { x: 0.375, y: 0.473 }, right: { x: 0.625, y: 0.473 } } as const;
/** Tolerances of the framing check: eye distance to target, interocular distance (fraction of width), eye level. */
export const FRAMING_TOLERANCE = { eye: 0.02, interocular: { target: 0.25, tolerance: 0.02 }, level: 0.015 } as const;
