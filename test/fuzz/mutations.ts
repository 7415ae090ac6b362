/** fast-check arbitraries that damage a good input: bytes flipped, cut, inserted, deleted, repeated; JSON values swapped, dropped, retyped. */
import fc from 'fast-check';

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
);

export function mutateBytes(seed: Uint8Array, mutations: readonly ByteMutation[]): Buffer {
  let bytes = Buffer.from(seed);
  for (const mutation of mutations) {
    if (bytes.length === 0) break;
    const at = mutation.at % bytes.length;
    if (mutation.kind === 'flip') {
      bytes = Buffer.from(bytes);
      bytes[at] = bytes[at]! ^ (1 << mutation.bit);
    } else if (mutation.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (mutation.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), mutation.bytes, bytes.subarray(at)]);
    else if (mutation.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.length)]);
    else bytes = Buffer.concat([bytes.subarray(0, at + mutation.length), bytes.subarray(at, at + mutation.length), bytes.subarray(at + mutation.length)]);
  }
  return bytes;
}

/** A damaged copy of `seed`, or (one time in ten) bytes made up from nothing. */
export function damagedBytes(seed: Uint8Array): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 4 }).map((mutations) => mutateBytes(seed, mutations)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
  );
}

export interface JsonMutation {
  /** Picks a key (or index) at each level, modulo how many there are. */
  path: number[];
  kind: 'replace' | 'delete' | 'wrap';
  value: unknown;
}

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  kind: fc.constantFrom('replace' as const, 'delete' as const, 'wrap' as const),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, '', 0, -1, 1e308, 'NaN', '=HYPERLINK("x")', '𠮷'.repeat(200), [], {}, true),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  ),
});

export function mutateJson(seed: unknown, mutations: readonly JsonMutation[]): unknown {
  let document = structuredClone(seed);
  for (const mutation of mutations) document = applyJsonMutation(document, mutation, 0);
  return document;
}

function applyJsonMutation(node: unknown, mutation: JsonMutation, depth: number): unknown {
  const atEnd = depth === mutation.path.length - 1;
  if (node === null || typeof node !== 'object') return mutation.kind === 'delete' ? undefined : mutation.value;
  const keys = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
  if (keys.length === 0) return atEnd || mutation.kind !== 'replace' ? node : mutation.value;
  const key = keys[mutation.path[depth]! % keys.length]!;
  const record = node as Record<string | number, unknown>;
  if (!atEnd) {
    record[key] = applyJsonMutation(record[key], mutation, depth + 1);
    return node;
  }
  if (mutation.kind === 'delete') {
    if (Array.isArray(node)) node.splice(key as number, 1);
    else delete record[key];
  } else if (mutation.kind === 'wrap') record[key] = [record[key]];
  else record[key] = mutation.value;
  return node;
}

/** The text of a damaged document: structurally (most often) or as bytes. */
export function damagedJson(seed: unknown): fc.Arbitrary<Buffer> {
  const text = Buffer.from(JSON.stringify(seed));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }).map((mutations) => Buffer.from(JSON.stringify(mutateJson(seed, mutations)) ?? '')) },
    { weight: 3, arbitrary: damagedBytes(text) },
  );
}
