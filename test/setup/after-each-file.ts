// Runs before each test file (setupFiles) and closes what the file's helpers opened when the file is done. Here
// rather than in the helpers themselves: where files share their modules (`isolate: false`), a helper module is
// loaded once, so a hook it registered would run after the first file only.
import { afterAll } from 'vitest';
import { closeTestCores } from '../helpers/core';
import { removeTempDirs } from '../helpers/temp';

afterAll(() => {
  closeTestCores();
  removeTempDirs();
});
