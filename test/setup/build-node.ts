// Builds the Node bundles (CLI, jobs worker) before the core tests when their sources changed since
// the last complete build (build/build-stamp.mjs), so tests that start a worker or the installed
// bin run the code being tested, never a stale dist/.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build/build.mjs', '--part', 'node', '--if-changed'], { stdio: 'inherit' });
}
