/** A bundle refused: which entry (and line) and why, in both languages. Nothing is written. */
import type { Refusal } from '@shared/bundle/report';

/** A refusal that also goes on the source's trust entry for a person to acknowledge (an audit chain that does not extend the one held). */
export interface ChainWarning {
  problem: string;
  seqFrom: number | null;
  seqTo: number | null;
  /** What was found, without the refusal's advice (the trust entry says what to do). */
  message: string;
  messageEn: string;
}

export class BundleRefused extends Error {
  constructor(
    readonly refusals: Refusal[],
    readonly warning: ChainWarning | null = null,
  ) {
    super(refusals.map((refusal) => `${refusal.entry}: ${refusal.reason} (${refusal.reasonEn})`).join('; '));
    this.name = 'BundleRefused';
  }
}

export function refuse(entry: string, reason: string, reasonEn: string, warning: ChainWarning | null = null): never {
  throw new BundleRefused([{ entry, reason, reasonEn }], warning);
}
