/**
 * The 64-bit perceptual hash format, on its own so that lib/face/schema.ts and lib/history/schema.ts can both use it
 * without importing each other (the history entry holds a FaceFingerprint).
 */
import { z } from 'zod';

/** 64-bit perceptual hash as 16 lower-case hex digits. */
export const Hash64 = z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits');
