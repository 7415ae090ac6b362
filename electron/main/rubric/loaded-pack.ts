/** A pack as the core holds it: parsed, with its ref and the sha256 of its canonical form. */
import type { DingPack } from '@shared/rubric/ding-pack';
import type { StarPack } from '@shared/rubric/star-pack';

export interface LoadedStarPack {
  ref: string;
  sha256: string;
  pack: StarPack;
}

export interface LoadedDingPack {
  ref: string;
  sha256: string;
  pack: DingPack;
}

export type LoadedPack = LoadedStarPack | LoadedDingPack;
