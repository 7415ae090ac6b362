/**
 * `dingxing summary --district CODE [--cycle Y] --out FILE.pdf`: the signed district summary
 * report; `dingxing summary --city [--cycle Y] --out FILE.pdf`: the city report of all districts.
 * A district without inputs for the cycle is refused (exit 1) and no file is written. Signing
 * needs the workstation key passphrase (DINGXING_KEY_PASSPHRASE, or a prompt at a terminal).
 */
import { DxError } from '@shared/api/errors';
import { createDistrictMatcher } from '@shared/domain/districts';
import type { CliCommand } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import { certificateDepsOf } from '../../certificates/deps';
import { defaultCycle } from '../../ding/ding-table';
import { citySummaryPdf, districtSummaryPdf } from '../../summary/summary-pdf';
import { loadDistrictRefs } from '../../units/registry-lookups';
import { cliActor } from '../../users/cli-actor';
import { outFile } from './certificates';
import { writeFileRefusing } from '../write-output-file';

export const summaryCommand: CliCommand = {
  path: ['summary'],
  summary: 'Write the signed district summary report (--district CODE) or the city report (--city) of a cycle',
  options: {
    district: { type: 'string', help: 'CODE  the district (code such as 420105, or name such as 汉阳区)' },
    city: { type: 'boolean', help: 'the city report: all 15 districts' },
    cycle: { type: 'string', help: 'Y  the cycle (default: the newest with assessments)' },
    out: { type: 'string', help: 'FILE.pdf  where to write the report' },
  },
  async run(context) {
    const districtText = stringOption(context.values, 'district');
    const city = context.values.city === true;
    if ((districtText === undefined) === !city) throw new UsageError('give either --district CODE or --city', summaryCommand);
    const requested = integerOption(context.values, 'cycle', summaryCommand);
    const target = outFile(context, summaryCommand, '.pdf');
    const core = await context.core();
    const db = core.services.db;
    const cycle = requested ?? defaultCycle(db, core.services.platform.now());
    const deps = certificateDepsOf(core.services);
    const printedBy = cliActor().userId;
    let result: { fileName: string; pdf: Buffer };
    if (city) result = await citySummaryPdf(deps, cycle, printedBy);
    else {
      const match = createDistrictMatcher(loadDistrictRefs(db))(districtText as string);
      if (!match) throw new DxError('BAD_INPUT', `没有这个区县“${districtText}” (no such district "${districtText}")`, { issues: [{ path: ['district'], message: `没有这个区县“${districtText}”` }] });
      result = await districtSummaryPdf(deps, match.code, cycle, printedBy);
    }
    await writeFileRefusing(target, result.pdf);
    context.print({ file: target, bytes: result.pdf.length, cycle }, `总结报告已输出 (summary written): ${target}`);
  },
};
