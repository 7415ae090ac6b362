/**
 * Turns a CSV file's bytes into text. Excel on Chinese Windows saves "CSV" as GBK (a subset of
 * GB18030), newer Excel as UTF-8 with a BOM; we take valid UTF-8 as UTF-8 and anything else as
 * GB18030, and refuse what neither decodes (UTF-16 "Unicode text", binary files) naming the problem.
 */
import { DxError } from '@shared/api/errors';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function refuse(zh: string, en: string): never {
  throw new DxError('BAD_INPUT', `${zh} (${en})`, { issues: [{ path: [0], message: zh }], messageEn: en });
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuse(
      '文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 CSV 后再导入',
      'the file is UTF-16 (Excel "Unicode text"); save it as "CSV UTF-8 (comma delimited)" or CSV and import again',
    );
  }
  // UTF-16 without a BOM shows as a NUL in every other byte; text files never hold NULs.
  if (bytes.subarray(0, 4096).includes(0)) {
    refuse(
      '文件含有空字节：可能是 UTF-16 编码或不是文本文件，请另存为 CSV UTF-8 后再导入',
      'the file holds NUL bytes: it is UTF-16 or not a text file; save it as CSV UTF-8 and import again',
    );
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    if (hasBom) {
      refuse('文件以 UTF-8 标记开头，但含有无效的 UTF-8 字节', 'the file starts with a UTF-8 byte order mark but holds invalid UTF-8 bytes');
    }
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
  } catch {
    refuse(
      '无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030，请另存为 CSV UTF-8 后再导入',
      'unknown encoding: the file is neither UTF-8 nor GBK/GB18030; save it as CSV UTF-8 and import again',
    );
  }
}
