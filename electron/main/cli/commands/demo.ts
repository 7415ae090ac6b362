/** `dingxing demo [--units N] [--cycles N] [--seed S]`: fill the database with a realistic demo data set. */
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { demoLimits } from '@shared/limits';
import { callCore } from '../call-core';
import { progressBar } from '../text/progress-bar';

/** Below this many units the demo takes seconds: a bar only on a terminal, no progress lines in a log. */
const quietBelowUnits = 10_000;

export const demoCommand: CliCommand = {
  path: ['demo'],
  summary: 'Fill the database with a realistic demo data set (units in every district, three cycles of assessments, rectifications, and certificates when DINGXING_KEY_PASSPHRASE unlocks keys made by identity create; else it says why there are none)',
  options: {
    units: { type: 'string', help: `N  how many units (default 300, at most ${demoLimits.units.max.toLocaleString('en-US')}: a city office's registry)` },
    cycles: { type: 'string', help: `N  how many yearly cycles of assessments, ending with 2026 (default 3, at most ${demoLimits.cycles.max})` },
    seed: { type: 'string', help: 'S  random seed; the same seed makes the same data' },
  },
  async run(context) {
    const units = integerOption(context.values, 'units', demoCommand) ?? 300;
    if (units < demoLimits.units.min || units > demoLimits.units.max) throw new UsageError(`--units must be between ${demoLimits.units.min} and ${demoLimits.units.max}`, demoCommand);
    const cycles = integerOption(context.values, 'cycles', demoCommand) ?? 3;
    if (cycles < demoLimits.cycles.min || cycles > demoLimits.cycles.max) throw new UsageError(`--cycles must be between ${demoLimits.cycles.min} and ${demoLimits.cycles.max}`, demoCommand);
    const seed = integerOption(context.values, 'seed', demoCommand);
    const terminal = context.io.stderrIsTerminal === true;
    const showProgress = !context.json && (terminal || units >= quietBelowUnits);
    const unitsBar = progressBar(context.io, '单位 units', { terminal });
    const certificatesBar = progressBar(context.io, '证书 certificates', { terminal });
    let result;
    try {
      // Certificates need the keys made by `identity create`, unlocked by DINGXING_KEY_PASSPHRASE, never by a prompt.
      result = await callCore(await context.core(), 'demo.load', { units, cycles, ...(seed !== undefined ? { seed } : {}) }, showProgress ? {
        onProgress(done, total, message) {
          if (message === 'certificates') {
            unitsBar.finish();
            certificatesBar.update(done, total);
          } else unitsBar.update(done, total);
        },
      } : {});
    } finally {
      unitsBar.finish();
      certificatesBar.finish();
    }
    const { certificates, certificatesSkipped, ...loaded } = result;
    const certificateLine = certificatesSkipped == null
      ? `已签发 ${certificates ?? 0} 张证书 / ${certificates ?? 0} certificates issued.`
      : `${certificatesSkipped.message}。\n${certificatesSkipped.messageEn}.`;
    context.print(
      { ...loaded, certificates: certificates ?? 0, ...(certificatesSkipped == null ? {} : { certificatesSkipped }) },
      `Demo data loaded into ${context.dbFile}: ${result.units} units, ${result.assessments} assessments (${result.signed} signed, ${result.submitted} submitted, ${result.drafts} drafts), ${result.rectifications} rectifications.\n${certificateLine}`,
    );
  },
};
