/** A pack's identity `id@version` (e.g. `wuhan-star@2026.1`), as assessments and the CLI name it. */
import { z } from 'zod';

export const PackIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a pack id is lower-case letters, digits and dashes');
export const PackVersionSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, 'a pack version is letters, digits, dots and dashes');
export const PackRefSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}@[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, 'a rubric is named id@version, e.g. wuhan-star@2026.1');

export function packRef(pack: { id: string; version: string }): string {
  return `${pack.id}@${pack.version}`;
}
