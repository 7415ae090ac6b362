// Builds the app (Node bundles and renderer) before the e2e tests when their sources changed since the
// last complete build (build/build-stamp.mjs): the served app is dist/, while the tests' set-up runs the
// dingxing command from the sources (test/e2e/support/dingxing.ts), and the two must be the same code.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build/build.mjs', '--if-changed'], { stdio: 'inherit' });
}
