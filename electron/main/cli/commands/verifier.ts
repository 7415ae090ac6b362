/** `dingxing verifier export --out FILE.html`: the standalone offline verifier page. */
import type { CliCommand } from '../command';
import { localDate } from '../../assessments/deps';
import { verifierData, verifierHtml } from '../../certificates/verifier-page';
import { outFile } from './certificates';
import { writeFileRefusing } from '../write-output-file';

export const verifierExportCommand: CliCommand = {
  path: ['verifier', 'export'],
  summary: 'Write a self-contained offline HTML page that verifies the QR texts of trusted workstations',
  options: { out: { type: 'string', help: 'FILE.html  where to write the page' } },
  async run(context) {
    const target = outFile(context, verifierExportCommand, '.html');
    const core = await context.core();
    const data = verifierData(core.services.db, localDate(core.services.platform.now()));
    await writeFileRefusing(target, verifierHtml(data));
    const count = Object.keys(data.keys).length;
    context.print(
      { file: target, workstations: count, revoked: Object.keys(data.revoked).length },
      `验证页面已输出 (verifier page written): ${target}\n  ${count} trusted workstation${count === 1 ? '' : 's'}${count === 0 ? ' — none yet: issue a certificate first so this workstation has keys' : ''}`,
    );
  },
};
