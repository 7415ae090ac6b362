/** `dingxing demo [--units N] [--cycles N] [--seed S]`: fill the database with a realistic demo data set. */
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { depsOfServices } from '../../assessments/deps';
import { demoLimits, generateDemo } from '../../demo/generate-demo';
import { issueDemoCertificates } from '../../demo/demo-certificates';
import { certificateDepsOf } from '../../certificates/deps';
import { passphraseKeyStoreFromEnv } from '../../crypto/passphrase-key-store';
import { cliActor } from '../../users/cli-actor';
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
    const core = await context.core();
    const terminal = context.io.stderrIsTerminal === true;
    const showProgress = !context.json && (terminal || units >= quietBelowUnits);
    const unitsBar = progressBar(context.io, '单位 units', { terminal });
    let result;
    try {
      result = generateDemo(depsOfServices(core.services), { units, cycles, ...(seed !== undefined ? { seed } : {}), ...(showProgress ? { progress: (done, total) => unitsBar.update(done, total) } : {}) });
    } finally {
      unitsBar.finish();
    }
    // Certificates need the keys made by `identity create`, unlocked by DINGXING_KEY_PASSPHRASE, never by a prompt.
    const certificatesBar = progressBar(context.io, '证书 certificates', { terminal });
    let certificates;
    try {
      certificates = await issueDemoCertificates(certificateDepsOf(core.services, { keyStore: passphraseKeyStoreFromEnv() }), cliActor().userId, showProgress ? (done, total) => certificatesBar.update(done, total) : undefined);
    } finally {
      certificatesBar.finish();
    }
    const certificateLine = certificates.skipped === null
      ? `已签发 ${certificates.issued} 张证书 / ${certificates.issued} certificates issued.`
      : `${certificates.skipped.message}。\n${certificates.skipped.messageEn}.`;
    context.print(
      { ...result, certificates: certificates.issued, ...(certificates.skipped === null ? {} : { certificatesSkipped: certificates.skipped }) },
      `Demo data loaded into ${context.dbFile}: ${result.units} units, ${result.assessments} assessments (${result.signed} signed, ${result.submitted} submitted, ${result.drafts} drafts), ${result.rectifications} rectifications.\n${certificateLine}`,
    );
  },
};
