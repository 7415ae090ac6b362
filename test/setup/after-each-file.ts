// Runs before each test file (setupFiles) and closes what the file's helpers opened when the file is done. Here
// rather than in the helpers themselves: where files share their modules (`isolate: false`), a helper module is
// loaded once, so a hook it registered would run after the first file only. The helpers are imported only when
// the file is done: imported up front, they would load the core before the file's own vi.mock of a core module
// (procedure-declarations.spec.ts watches the job runner that way) could take effect.
import { afterAll } from 'vitest';

afterAll(async () => {
  const [{ closeTestCores }, { removeTempDirs }] = await Promise.all([import('../helpers/core'), import('../helpers/temp')]);
  closeTestCores();
  removeTempDirs();
});
