/** The sha256 of a pack's canonical JSON: what an assessment records to re-score the same forever. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/rubric/canonical';

export function packSha256(pack: unknown): string {
  return createHash('sha256').update(canonicalJson(pack), 'utf8').digest('hex');
}
