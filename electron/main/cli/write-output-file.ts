/** Writes a file named on the command line; a folder that does not exist or a read-only place is a refusal (exit 1) naming the file. */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';

export async function writeFileRefusing(file: string, bytes: Buffer): Promise<void> {
  try {
    await fs.promises.writeFile(file, bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DxError('BAD_INPUT', `无法写入文件 ${file}（${reason}）(cannot write ${file}: ${reason})`, { issues: [{ path: [file], message: reason }] });
  }
}
