/** `dingxing demo [--units N] [--seed S]`: fill the database with a realistic demo data set. */
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { depsOfServices } from '../../assessments/deps';
import { generateDemo } from '../../demo/generate-demo';
import { issueDemoCertificates } from '../../demo/demo-certificates';
import { certificateDepsOf } from '../../certificates/deps';
import { passphraseKeyStoreFromEnv } from '../../crypto/passphrase-key-store';
import { cliActor } from '../../users/cli-actor';

export const demoCommand: CliCommand = {
  path: ['demo'],
  summary: 'Fill the database with a realistic demo data set (units in every district, three cycles of assessments, rectifications, and certificates when DINGXING_KEY_PASSPHRASE unlocks keys made by identity create; else it says why there are none)',
  options: {
    units: { type: 'string', help: 'N  how many units (default 300)' },
    seed: { type: 'string', help: 'S  random seed; the same seed makes the same data' },
  },
  async run(context) {
    const units = integerOption(context.values, 'units', demoCommand) ?? 300;
    if (units < 1 || units > 20_000) throw new UsageError('--units must be between 1 and 20000', demoCommand);
    const seed = integerOption(context.values, 'seed', demoCommand);
    const core = await context.core();
    const result = generateDemo(depsOfServices(core.services), { units, ...(seed !== undefined ? { seed } : {}) });
    // Certificates need the keys made by `identity create`, unlocked by DINGXING_KEY_PASSPHRASE, never by a prompt.
    const certificates = await issueDemoCertificates(certificateDepsOf(core.services, { keyStore: passphraseKeyStoreFromEnv() }), cliActor().userId);
    const certificateLine = certificates.skipped === null
      ? `已签发 ${certificates.issued} 张证书 / ${certificates.issued} certificates issued.`
      : `${certificates.skipped.message}。\n${certificates.skipped.messageEn}.`;
    context.print(
      { ...result, certificates: certificates.issued, ...(certificates.skipped === null ? {} : { certificatesSkipped: certificates.skipped }) },
      `Demo data loaded into ${context.dbFile}: ${result.units} units, ${result.assessments} assessments, ${result.rectifications} rectifications.\n${certificateLine}`,
    );
  },
};
