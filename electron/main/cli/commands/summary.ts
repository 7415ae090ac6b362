/**
 * `dingxing summary --district CODE [--cycle Y] --out FILE.pdf`: the signed district summary
 * report; `dingxing summary --city [--cycle Y] --out FILE.pdf`: the city report of all districts.
 * A district without inputs for the cycle is refused (exit 1) and no file is written. Signing
 * needs the workstation key passphrase (DINGXING_KEY_PASSPHRASE, or a prompt at a terminal).
 */
import { DxError } from '@shared/api/errors';
import type { CliCommand } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import { callCore } from '../call-core';
import { matchDistrict } from '../district-option';
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
    const cycle = requested === undefined ? {} : { cycle: requested };
    let result: { contentBase64: string; cycle: number };
    if (city) result = await callCore(core, 'summary.city', cycle);
    else {
      const code = await matchDistrict(core, districtText as string);
      if (code === undefined) throw new DxError('BAD_INPUT', `没有这个区县“${districtText}” (no such district "${districtText}")`, { issues: [{ path: ['district'], message: `没有这个区县“${districtText}”` }] });
      result = await callCore(core, 'summary.district', { district: code, ...cycle });
    }
    const pdf = Buffer.from(result.contentBase64, 'base64');
    await writeFileRefusing(target, pdf);
    context.print({ file: target, bytes: pdf.length, cycle: result.cycle }, `总结报告已输出 (summary written): ${target}`);
  },
};
