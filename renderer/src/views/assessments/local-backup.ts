/**
 * A copy of what was typed, kept in localStorage between autosaves, so a reload or a crash in
 * the second before an autosave loses nothing. The database stays the source of truth: a copy
 * is used only when it is newer than the server's last save of that draft.
 */
import type { Answers, DraftDetails } from '@shared/api/procedures/assessments';

export interface LocalCopy {
  answers: Answers;
  details: DraftDetails;
  /** When it was typed (ISO). */
  at: string;
}

const key = (id: string) => `dingxing.draft.${id}`;

export function keepLocalCopy(id: string, copy: LocalCopy, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(key(id), JSON.stringify(copy));
  } catch {
    // A full or disabled storage only loses the extra safety net.
  }
}

export function takeLocalCopy(id: string, savedAt: string, storage: Pick<Storage, 'getItem'> = localStorage): LocalCopy | null {
  try {
    const raw = storage.getItem(key(id));
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    return copy.at > savedAt ? copy : null;
  } catch {
    return null;
  }
}

export function dropLocalCopy(id: string, storage: Pick<Storage, 'removeItem'> = localStorage): void {
  try {
    storage.removeItem(key(id));
  } catch {
    // nothing to do
  }
}
