/**
 * Reads a PDF the way a PDF reader does, from its structure rather than by searching its text:
 * the last `startxref` at the end of the file, the cross-reference table it points to (and the
 * older tables its trailer's /Prev names), the trailer, and then objects by number. Text anywhere
 * else in the file (a unit name in the Info dictionary or the XMP metadata that reads
 * `/ByteRange [0 10 20 30]` or `%%EOF`) is only ever read as the string it is inside.
 *
 * Only what this app writes is understood: classic cross-reference tables (not cross-reference
 * streams) and uncompressed objects. Anything else throws `PdfStructureError`, never crashes.
 */

export class PdfStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfStructureError';
  }
}

function fail(message: string): never {
  throw new PdfStructureError(message);
}

export interface PdfRef {
  kind: 'ref';
  num: number;
  gen: number;
}

export interface PdfName {
  kind: 'name';
  name: string;
}

/** A string with where its token lies in the file (`start` at its first delimiter, `end` after its last). */
export interface PdfString {
  kind: 'string';
  bytes: Buffer;
  hex: boolean;
  start: number;
  end: number;
}

export type PdfValue = number | boolean | null | PdfRef | PdfName | PdfString | PdfValue[] | PdfDict;

export interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfValue>;
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Deep enough for any dictionary this app writes; a deeper one is not ours. */
const maxDepth = 32;

class Lexer {
  constructor(
    private readonly bytes: Buffer,
    public at: number,
  ) {}

  private skipSpace(): void {
    const bytes = this.bytes;
    while (this.at < bytes.length) {
      const byte = bytes[this.at]!;
      if (whitespace.has(byte)) this.at += 1;
      else if (byte === 0x25) {
        while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at += 1;
      } else return;
    }
  }

  /** A bare word (number, keyword), or null at a delimiter or the end. */
  private word(): string | null {
    this.skipSpace();
    const start = this.at;
    while (this.at < this.bytes.length && !whitespace.has(this.bytes[this.at]!) && !delimiters.has(this.bytes[this.at]!)) this.at += 1;
    return this.at > start ? this.bytes.toString('latin1', start, this.at) : null;
  }

  keyword(expected: string): void {
    const word = this.word();
    if (word !== expected) fail(`expected "${expected}" at byte ${this.at}`);
  }

  integer(): number {
    const word = this.word();
    if (word === null || !/^\d{1,10}$/.test(word)) fail(`expected a number at byte ${this.at}`);
    return Number(word);
  }

  private peekByte(): number | undefined {
    this.skipSpace();
    return this.bytes[this.at];
  }

  value(depth = 0): PdfValue {
    if (depth > maxDepth) fail('objects nest too deeply');
    const byte = this.peekByte();
    if (byte === undefined) fail('the file ends inside an object');
    if (byte === 0x2f) return this.name();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x5b) {
      this.at += 1;
      const items: PdfValue[] = [];
      while (this.peekByte() !== 0x5d) {
        if (this.peekByte() === undefined) fail('an array is not closed');
        items.push(this.value(depth + 1));
      }
      this.at += 1;
      return items;
    }
    if (byte === 0x3c) {
      if (this.bytes[this.at + 1] === 0x3c) return this.dict(depth);
      return this.hexString();
    }
    const start = this.at;
    const word = this.word();
    if (word === null) fail(`unexpected byte ${byte} at ${start}`);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) fail(`unexpected "${word.slice(0, 20)}" at byte ${start}`);
    // `num gen R` is a reference: look ahead without consuming unless it is one.
    if (/^\d+$/.test(word)) {
      const back = this.at;
      const gen = this.word();
      if (gen !== null && /^\d+$/.test(gen)) {
        const r = this.word();
        if (r === 'R') return { kind: 'ref', num: Number(word), gen: Number(gen) };
      }
      this.at = back;
    }
    return Number(word);
  }

  private name(): PdfName {
    this.at += 1;
    const start = this.at;
    while (this.at < this.bytes.length && !whitespace.has(this.bytes[this.at]!) && !delimiters.has(this.bytes[this.at]!)) this.at += 1;
    const raw = this.bytes.toString('latin1', start, this.at);
    return { kind: 'name', name: raw.replace(/#([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))) };
  }

  private dict(depth: number): PdfDict {
    this.at += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      const byte = this.peekByte();
      if (byte === undefined) fail('a dictionary is not closed');
      if (byte === 0x3e) {
        if (this.bytes[this.at + 1] !== 0x3e) fail(`a dictionary is not closed properly at byte ${this.at}`);
        this.at += 2;
        return { kind: 'dict', entries };
      }
      if (byte !== 0x2f) fail(`a dictionary key is not a name at byte ${this.at}`);
      const key = this.name().name;
      entries.set(key, this.value(depth + 1));
    }
  }

  private hexString(): PdfString {
    const start = this.at;
    const close = this.bytes.indexOf(0x3e, start + 1);
    if (close < 0) fail('a hex string is not closed');
    const digits = this.bytes.toString('latin1', start + 1, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(digits)) fail(`a hex string holds other characters at byte ${start}`);
    this.at = close + 1;
    return { kind: 'string', bytes: Buffer.from(digits.length % 2 === 0 ? digits : `${digits}0`, 'hex'), hex: true, start, end: this.at };
  }

  private literalString(): PdfString {
    const start = this.at;
    const bytes = this.bytes;
    const out: number[] = [];
    let nesting = 1;
    this.at += 1;
    while (this.at < bytes.length) {
      const byte = bytes[this.at]!;
      this.at += 1;
      if (byte === 0x5c) {
        const next = bytes[this.at];
        if (next === undefined) break;
        this.at += 1;
        const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (escapes[next] !== undefined) out.push(escapes[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let code = next - 0x30;
          for (let digit = 0; digit < 2 && bytes[this.at] !== undefined && bytes[this.at]! >= 0x30 && bytes[this.at]! <= 0x37; digit += 1) {
            code = code * 8 + (bytes[this.at]! - 0x30);
            this.at += 1;
          }
          out.push(code & 0xff);
        } else if (next === 0x0d) {
          if (bytes[this.at] === 0x0a) this.at += 1;
        } else if (next !== 0x0a) out.push(next);
      } else if (byte === 0x28) {
        nesting += 1;
        out.push(byte);
      } else if (byte === 0x29) {
        nesting -= 1;
        if (nesting === 0) return { kind: 'string', bytes: Buffer.from(out), hex: false, start, end: this.at };
        out.push(byte);
      } else out.push(byte);
    }
    return fail('a string is not closed');
  }
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'dict';
}

export function isName(value: PdfValue | undefined, name?: string): value is PdfName {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'name' && (name === undefined || value.name === name);
}

export function isString(value: PdfValue | undefined): value is PdfString {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'string';
}

function isRef(value: PdfValue | undefined): value is PdfRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'ref';
}

/** How far from the end `startxref` may stand (PDF readers look in the last kilobyte too). */
const tailWindow = 1024;
/** Cross-reference sections followed through /Prev before giving up (a loop, or not ours). */
const maxSections = 64;

export class PdfDocument {
  readonly trailer: PdfDict;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();

  constructor(readonly bytes: Buffer) {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') fail('not a PDF file');
    const tail = bytes.toString('latin1', Math.max(0, bytes.length - tailWindow));
    const at = tail.lastIndexOf('startxref');
    if (at < 0) fail('no startxref at the end of the file');
    const lexer = new Lexer(bytes, bytes.length - tail.length + at + 'startxref'.length);
    let offset = lexer.integer();
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    while (seen.size < maxSections) {
      if (seen.has(offset)) fail('the cross-reference sections loop');
      seen.add(offset);
      const section = this.readSection(offset);
      trailer ??= section;
      const prev = section.entries.get('Prev');
      if (typeof prev !== 'number') break;
      offset = prev;
    }
    if (!trailer) fail('no trailer');
    this.trailer = trailer;
  }

  /** One classic cross-reference section and its trailer; entries already known (from a newer section) win. */
  private readSection(offset: number): PdfDict {
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.bytes.length) fail('startxref points outside the file');
    const lexer = new Lexer(this.bytes, offset);
    lexer.keyword('xref');
    for (;;) {
      const before = lexer.at;
      let first: number;
      try {
        first = lexer.integer();
      } catch {
        lexer.at = before;
        lexer.keyword('trailer');
        break;
      }
      const count = lexer.integer();
      if (count > 10_000_000) fail('a cross-reference section is too large');
      for (let index = 0; index < count; index += 1) {
        const entryOffset = lexer.integer();
        lexer.integer();
        const type = new Lexer(this.bytes, lexer.at);
        const kind = (() => {
          try {
            type.keyword('n');
            return 'n';
          } catch {
            type.at = lexer.at;
            type.keyword('f');
            return 'f';
          }
        })();
        lexer.at = type.at;
        const num = first + index;
        if (kind === 'n' && !this.offsets.has(num)) this.offsets.set(num, entryOffset);
        else if (kind === 'f' && !this.offsets.has(num)) this.offsets.set(num, -1);
      }
    }
    const trailer = lexer.value();
    if (!isDict(trailer)) fail('the trailer is not a dictionary');
    return trailer;
  }

  /** The object with this number (following references), or null when the table does not hold it. */
  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num) as PdfValue;
    const offset = this.offsets.get(num);
    if (offset === undefined || offset < 0) return null;
    if (offset >= this.bytes.length) fail(`object ${num} lies outside the file`);
    const lexer = new Lexer(this.bytes, offset);
    if (lexer.integer() !== num) fail(`the cross-reference table points object ${num} at another object`);
    lexer.integer();
    lexer.keyword('obj');
    const value = lexer.value();
    this.cache.set(num, value);
    return value;
  }

  /** A value with its reference (if it is one) followed, once. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return isRef(value) ? this.object(value.num) : value;
  }

  get(dict: PdfDict | undefined, key: string): PdfValue | undefined {
    return dict ? this.resolve(dict.entries.get(key)) : undefined;
  }
}

/** A text string's characters: UTF-16BE after its byte order mark, else PDFDocEncoding's ASCII range. */
export function textOf(string: PdfString): string {
  const bytes = string.bytes;
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return bytes.toString('latin1');
}
