// `dingxing serve` and the CLI write one database together: no errors on either side, every
// acknowledged write present, the audit chain intact. `npm run stress` runs this for a minute.
import { describe, expect, it } from 'vitest';
import { runConcurrentWriters } from '../../stress/concurrent-writers';
import { tempDir } from '../../helpers/temp';

const durationMs = Number(process.env.DINGXING_STRESS_MS ?? 8000);

describe('serve and the CLI writing one database at once', () => {
  it(
    'answers every write on both sides and keeps every acknowledged one',
    async () => {
      const report = await runConcurrentWriters({ dir: tempDir(), durationMs });
      expect(report.errors).toEqual([]);
      expect(report.missing).toEqual([]);
      expect(report.auditVerified).toBe(true);
      expect(report.httpWrites).toBeGreaterThan(0);
      expect(report.cliImports).toBeGreaterThan(0);
      console.info(`concurrent writers, ${durationMs} ms: ${report.httpWrites} HTTP units.create, ${report.cliImports} CLI imports, ${report.cliReads} CLI reads`);
    },
    durationMs + 60_000,
  );
});
