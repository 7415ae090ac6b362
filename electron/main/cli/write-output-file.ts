/**
 * Writes a file named on the command line, whole or not at all (files/atomic-file.ts: a killed
 * command leaves the old file or the new one, never half of it); a folder that does not exist or
 * a read-only place is a refusal (exit 1) naming the file.
 */
import { DxError } from '@shared/api/errors';
import { writeFileAtomically } from '../files/atomic-file';

export async function writeFileRefusing(file: string, bytes: Buffer | string): Promise<void> {
  try {
    await writeFileAtomically(file, bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DxError('BAD_INPUT', `无法写入文件 ${file}（${reason}）(cannot write ${file}: ${reason})`, { issues: [{ path: [file], message: reason }] });
  }
}
