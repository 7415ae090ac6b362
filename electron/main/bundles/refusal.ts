/** A bundle refused: which entry (and line) and why, in both languages. Nothing is written. */
import type { Refusal } from '@shared/bundle/report';

export class BundleRefused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((refusal) => `${refusal.entry}: ${refusal.reason} (${refusal.reasonEn})`).join('; '));
    this.name = 'BundleRefused';
  }
}

export function refuse(entry: string, reason: string, reasonEn: string): never {
  throw new BundleRefused([{ entry, reason, reasonEn }]);
}
