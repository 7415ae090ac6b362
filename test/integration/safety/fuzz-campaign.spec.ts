// The short fuzz campaign (`npm run fuzz -- --runs N` is the long one): damaged units CSV/XLSX,
// assessment documents, rubric packs, certificate PDFs, QR texts and raw HTTP requests to serve.
// Never a crash or a hang, never a write when refused, always an answer that says what is wrong.
import { describe, expect, it } from 'vitest';
import { runFuzzCampaign } from '../../fuzz/campaign';
import { tempDir } from '../../helpers/temp';

const runs = Number(process.env.DINGXING_FUZZ_RUNS ?? 50);

describe('every external input, damaged', () => {
  it(
    `is refused cleanly or taken whole (${runs} cases per input)`,
    async () => {
      const report = await runFuzzCampaign({ dir: tempDir(), runs, seed: 20261201 });
      expect(report.failures).toEqual([]);
      expect(Object.values(report.cases).every((count) => count === runs)).toBe(true);
    },
    runs * 5_000,
  );
});
