/** `dingxing report ASSESSMENT_ID --out FILE.pdf`: the signed inspection report of one assessment. */
import type { CliCommand } from '../command';
import { reportDocument } from '../../certificates/report-pdf';
import { cliActor } from '../../users/cli-actor';
import { cliCertificateDeps, outFile } from './certificates';
import { writeFileRefusing } from '../write-output-file';

export const reportCommand: CliCommand = {
  path: ['report'],
  summary: 'Write the signed inspection report of a signed assessment (every item, points and reason)',
  args: 'ASSESSMENT_ID',
  positionals: { min: 1, max: 1 },
  options: { out: { type: 'string', help: 'FILE.pdf  where to write the report' } },
  async run(context) {
    const target = outFile(context, reportCommand, '.pdf');
    const deps = await cliCertificateDeps(context);
    const { pdf } = await reportDocument(deps, context.positionals[0] as string, cliActor().userId);
    await writeFileRefusing(target, pdf);
    context.print({ file: target, bytes: pdf.length }, `检查报告已输出 (inspection report written): ${target}`);
  },
};
