/** A user-facing text in both languages the app speaks; packs carry every label and guidance this way. */
import { z } from 'zod';

export const BilingualSchema = z
  .object({
    zh: z.string().min(1).max(2000),
    en: z.string().min(1).max(2000),
  })
  .strict();
export type Bilingual = z.infer<typeof BilingualSchema>;
