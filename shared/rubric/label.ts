/** A user-facing text in both languages the app speaks; packs carry every label and guidance this way. */
import { z } from 'zod';

export const BilingualSchema = z
  .object({
    zh: z.string().min(1).max(2000),
    en: z.string().min(1).max(2000),
  })
  .strict();
export type Bilingual = z.infer<typeof BilingualSchema>;

/**
 * What a count item counts, from the measure word that ends its Chinese label, as in
 * 检查发现的隐患未整改（处） → 处; null when the label names none (e.g. "（0/1）").
 */
export function countUnitOfLabel(labelZh: string): string | null {
  return /（([\u4e00-\u9fff]{1,2})）\s*$/.exec(labelZh)?.[1] ?? null;
}
