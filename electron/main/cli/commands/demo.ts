/** `dingxing demo [--units N] [--seed S]`: fill the database with a realistic demo data set. */
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { callCore } from '../call-core';

export const demoCommand: CliCommand = {
  path: ['demo'],
  summary: 'Fill the database with a realistic demo data set (units in every district, three cycles of assessments, rectifications, and certificates when DINGXING_KEY_PASSPHRASE unlocks the workstation key)',
  options: {
    units: { type: 'string', help: 'N  how many units (default 300)' },
    seed: { type: 'string', help: 'S  random seed; the same seed makes the same data' },
  },
  async run(context) {
    const units = integerOption(context.values, 'units', demoCommand) ?? 300;
    if (units < 1 || units > 20_000) throw new UsageError('--units must be between 1 and 20000', demoCommand);
    const seed = integerOption(context.values, 'seed', demoCommand);
    // Certificates need the workstation key: unlocked by DINGXING_KEY_PASSPHRASE, never by a prompt.
    const result = await callCore(await context.core(), 'demo.load', { units, ...(seed !== undefined ? { seed } : {}), certificates: true });
    const certificateLine = result.certificatesSkipped === undefined
      ? `已签发 ${result.certificates ?? 0} 张证书 / ${result.certificates ?? 0} certificates issued.`
      : `${result.certificatesSkipped.message} / ${result.certificatesSkipped.messageEn}.`;
    context.print(
      { units: result.units, assessments: result.assessments, rectifications: result.rectifications, certificates: result.certificates ?? 0, ...(result.certificatesSkipped === undefined ? {} : { certificatesSkipped: result.certificatesSkipped }) },
      `Demo data loaded into ${context.dbFile}: ${result.units} units, ${result.assessments} assessments, ${result.rectifications} rectifications.\n${certificateLine}`,
    );
  },
};
