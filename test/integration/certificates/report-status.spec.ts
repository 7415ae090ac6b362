// The printed inspection report names an assessment's status in the app's own words: a signed
// assessment is 已签发 on the screen, so the report must not call it 已签署.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { assessmentStatusWords } from '@shared/domain/assessment-status';
import { dir, file, place } from '../registry/world';
import { pdftotext } from './world';

it('prints a signed assessment’s status as the assessment list shows it', async () => {
  const laptop = await place('汉阳一组');
  const unitId = await laptop.unit('报告状态测试公司', '420105');
  const signed = await laptop.sign(unitId, 2026, '2026-11-20');
  expect(signed.status).toBe('signed');

  // The leader unlocks the keys made for the laptop (test/integration/bundles/world.ts), as in the app.
  await laptop.call('keys.unlock', { passphrase: 'station passphrase' });
  const report = await laptop.call('certificates.reportPdf', { assessmentId: signed.id });
  const out = file(dir(), 'report.pdf');
  fs.writeFileSync(out, Buffer.from(report.pdfBase64, 'base64'));
  const text = pdftotext(out).replace(/\s+/g, ' ');

  expect(text).toContain(`状态 ${assessmentStatusWords.zh.signed}`);
  expect(text).toContain('状态 已签发');
  expect(text).not.toContain('已签署');
});
