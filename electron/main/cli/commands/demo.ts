/** `dingxing demo [--units N] [--seed S]`: fill the database with a realistic demo data set. */
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { depsOfServices } from '../../assessments/deps';
import { generateDemo } from '../../demo/generate-demo';

export const demoCommand: CliCommand = {
  path: ['demo'],
  summary: 'Fill the database with a realistic demo data set (units in every district, three cycles of assessments, rectifications)',
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
    context.print(result, `Demo data loaded into ${context.dbFile}: ${result.units} units, ${result.assessments} assessments, ${result.rectifications} rectifications.`);
  },
};
