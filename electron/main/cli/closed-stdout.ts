/**
 * `dingxing units list | head -1`: when the reader of stdout goes away, the command ends quietly
 * with exit 0, as Unix tools do, instead of an EPIPE stack trace and exit 1.
 */
import type { Writable } from 'node:stream';

export function endQuietlyWhenStdoutCloses(stdout: Writable, exit: (code: number) => void): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') exit(0);
    else throw error;
  });
}
