// Preloaded with --import: records every npm package the process resolves, one a line, in the
// file named by DINGXING_PACKAGES_LOG, so a test can see what a command loaded.
import { register } from 'node:module';
import process from 'node:process';

register('./package-hooks.mjs', import.meta.url, { data: { log: process.env.DINGXING_PACKAGES_LOG } });
