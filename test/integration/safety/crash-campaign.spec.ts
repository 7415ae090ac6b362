// The short crash campaign (`npm run crash -- --kills 300` is the long one): 20 SIGKILLs during
// imports, autosaves, signing, certificate issue and print, bundle export and import, backup and
// restore, with the file, the acknowledged work, the certificate numbers and a fresh start checked
// after each.
import { describe, expect, it } from 'vitest';
import { runCrashCampaign } from '../../crash/campaign';
import { tempDir } from '../../helpers/temp';

const kills = Number(process.env.DINGXING_CRASH_KILLS ?? 20);

describe('the workstation killed at random moments', () => {
  it(
    `keeps a sound file, every acknowledged write and gap-free numbers through ${kills} kills`,
    async () => {
      const report = await runCrashCampaign({ dir: tempDir(), kills, seed: 20261201 });
      expect(report.failures).toEqual([]);
      expect(report.kills).toBeGreaterThanOrEqual(kills);
      console.info(`crash campaign: ${report.kills} kills in ${report.attempts} attempts`);
    },
    kills * 20_000,
  );
});
