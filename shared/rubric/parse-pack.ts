/**
 * Turns untrusted JSON into a rubric pack, or the full list of what is wrong with it (schema
 * first, then the cross-field rules). Used by `rubric import`, the seeder and the renderer alike.
 */
import { z } from 'zod';
import type { ErrorIssue } from '../api/errors';
import { toIssues } from '../api/zod-issues';
import { DingPackSchema } from './ding-pack';
import type { DingPack } from './ding-pack';
import { StarPackSchema } from './star-pack';
import type { StarPack } from './star-pack';
import { validateDingPack } from './validate-ding-pack';
import { validateStarPack } from './validate-star-pack';

export const RubricPackSchema = z.discriminatedUnion('type', [StarPackSchema, DingPackSchema]);
export type RubricPack = StarPack | DingPack;

export type ParsedPack = { ok: true; pack: RubricPack } | { ok: false; issues: ErrorIssue[] };

export function parseRubricPack(json: unknown): ParsedPack {
  const parsed = RubricPackSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const pack = parsed.data;
  const issues = pack.type === 'star' ? validateStarPack(pack) : validateDingPack(pack);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, pack };
}
