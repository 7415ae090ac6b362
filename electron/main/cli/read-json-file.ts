/** Reads a JSON file named on the command line; a missing file or bad JSON is a refusal (exit 1) naming the file. */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new DxError('BAD_INPUT', `Cannot read ${file}: ${reason}`, { issues: [{ path: [file], message: reason }] });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new DxError('BAD_INPUT', `${file} is not valid JSON: ${reason}`, { issues: [{ path: [file], message: reason }] });
  }
}
