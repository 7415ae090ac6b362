/**
 * Which of this system's signed PDFs a file is: its Info dictionary names it (/DingxingDocument,
 * written since issue 19), and its signature's /Reason does too (for PDFs made before). Both lie
 * inside the signed bytes.
 */
import { signedDocumentKinds } from '@shared/domain/certificate';
import type { SignedDocumentKind } from '@shared/domain/certificate';

export const documentInfoKey = 'DingxingDocument';

const reasons: [RegExp, SignedDocumentKind][] = [
  [/^Star plaque certificate /, 'plaque'],
  [/^Batch of \d+ star plaque certificates$/, 'plaque-batch'],
  [/^Inspection report of assessment /, 'inspection-report'],
  [/^District Ding summary /, 'district-summary'],
  [/^City Ding report /, 'city-summary'],
];

export function documentKindOf(info: string | null, reason: string | null): SignedDocumentKind | null {
  if (info !== null && (signedDocumentKinds as readonly string[]).includes(info)) return info as SignedDocumentKind;
  return reasons.find(([pattern]) => reason !== null && pattern.test(reason))?.[1] ?? null;
}

/** The workstation id in a signing certificate's subject (`CN=Dingxing Workstation <id>`), or null. */
export function workstationOfSubject(subject: string): string | null {
  return /(?:^|\n|,\s*)CN=Dingxing Workstation ([A-Za-z0-9_.:-]{1,64})(?:$|\n|,)/.exec(subject)?.[1] ?? null;
}
