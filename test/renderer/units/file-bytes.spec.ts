// A picked file reaches the API as base64, also when it is larger than one String.fromCharCode chunk.
import { describe, expect, it } from 'vitest';
import { fileToBase64 } from '../../../renderer/src/views/units/file-bytes';

describe('fileToBase64', () => {
  it('encodes every byte of a file larger than one chunk', async () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
    const encoded = await fileToBase64(new Blob([bytes]));
    const decoded = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});
