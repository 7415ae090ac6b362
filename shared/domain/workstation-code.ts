/**
 * The short code the city office gives each workstation when it enrolls it: two characters
 * (no 0/O or 1/I), carried back to the laptop in city bundles and written inside its plaque
 * numbers, so two laptops that never talk to each other never issue the same number.
 */
import { z } from 'zod';

export const workstationCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const WorkstationCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{2}$/, 'two characters: A–Z without I and O, or 2–9');

/** The n-th code (0-based): AA, AB, …, A9, BA, …; 1,024 in all. */
export function workstationCodeAt(index: number): string {
  const size = workstationCodeAlphabet.length;
  if (!Number.isInteger(index) || index < 0 || index >= size * size) throw new RangeError(`no workstation code number ${index}`);
  return `${workstationCodeAlphabet[Math.floor(index / size)]}${workstationCodeAlphabet[index % size]}`;
}

/** The first code not in `taken`, in order. */
export function nextWorkstationCode(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let index = 0; index < workstationCodeAlphabet.length ** 2; index += 1) {
    const code = workstationCodeAt(index);
    if (!used.has(code)) return code;
  }
  throw new RangeError('every workstation code is taken');
}
