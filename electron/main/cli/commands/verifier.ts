/** `dingxing verifier export --out FILE.html`: the standalone offline verifier page. */
import type { CliCommand } from '../command';
import { callCore } from '../call-core';
import { outFile } from './certificates';
import { writeFileRefusing } from '../write-output-file';

export const verifierExportCommand: CliCommand = {
  path: ['verifier', 'export'],
  summary: 'Write a self-contained offline HTML page that verifies the QR texts of trusted workstations',
  options: { out: { type: 'string', help: 'FILE.html  where to write the page' } },
  async run(context) {
    const target = outFile(context, verifierExportCommand, '.html');
    const page = await callCore(await context.core(), 'certificates.verifierPage', {});
    await writeFileRefusing(target, page.html);
    const count = page.workstations;
    context.print(
      { file: target, workstations: count, revoked: page.revoked },
      `验证页面已输出 (verifier page written): ${target}\n  ${count} trusted workstation${count === 1 ? '' : 's'}${count === 0 ? ' — none yet: issue a certificate first so this workstation has keys' : ''}`,
    );
  },
};
