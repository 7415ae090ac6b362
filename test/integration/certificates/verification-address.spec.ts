// The city office's verification address: set by the city alone, checked, audited; a plaque's QR code then
// reads ADDRESS#DX1.… (decoded from the rendered page with zbarimg), which `verify --qr` and the app accept.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plaqueDocument } from '../../../electron/main/certificates/documents';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { verifyQrText } from '../../../electron/main/certificates/verify';
import type { Caller } from '../../../electron/main/api/dispatch';
import { actorWith, asLeader } from '../../helpers/actors';
import { cli } from '../../helpers/cli';
import { certificateWorld, pdftotext, writePdf } from './world';

const address = 'https://pingan.wuhan.gov.cn/verify';
const asCity: Caller = { actor: actorWith('市指挥部', 'city') };

/** What a phone's camera reads from the plaque: the page rendered, the QR code decoded. */
function scanQr(pdfFile: string, lookAt?: string): string {
  const png = pdfFile.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, png]);
  // A copy for a person to look at, beside the e2e screenshots.
  if (lookAt) {
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    fs.copyFileSync(`${png}.png`, path.join('test-results/screenshots', `${lookAt}.png`));
  }
  return execFileSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' }).trim();
}

describe('the verification address', () => {
  it('is set by the city office alone, checked, audited, and cleared with null', async () => {
    const world = await certificateWorld();
    const db = world.core.services.db;
    expect(await world.core.dispatcher.dispatch('verification.setAddress', { address }, asLeader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of ['pingan.wuhan.gov.cn/verify', 'https://pingan.wuhan.gov.cn/verify?x=1', 'https://pingan.wuhan.gov.cn/ver ify', 'javascript:alert(1)', `https://${'a'.repeat(80)}.cn`]) {
      const refused = await world.core.dispatcher.dispatch('verification.setAddress', { address: bad }, asCity);
      expect(refused, bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['address'] }] } } });
    }
    expect(await world.core.dispatcher.dispatch('verification.address', {}, asLeader)).toMatchObject({ ok: true, value: { address: null } });
    expect(await world.core.dispatcher.dispatch('verification.setAddress', { address }, asCity)).toMatchObject({ ok: true, value: { address } });
    expect(await world.core.dispatcher.dispatch('verification.address', {}, asLeader)).toMatchObject({ ok: true, value: { address } });
    expect(await world.core.dispatcher.dispatch('verification.setAddress', { address: null }, asCity)).toMatchObject({ ok: true, value: { address: null } });
    const audited = db.prepare("SELECT data FROM audit_log WHERE action = 'verification.setAddress' ORDER BY seq").pluck().all() as string[];
    expect(audited.map((data) => JSON.parse(data))).toEqual([{ address }, { address: null }]);
  });

  it('makes the plaque’s QR code open the verifier page with the payload in the fragment, which verify accepts', async () => {
    const world = await certificateWorld();
    await world.core.dispatcher.dispatch('verification.setAddress', { address }, asCity);
    const { certificate } = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '扫码测试有限公司' }));
    const file = writePdf(world.dir, 'plaque.pdf', (await plaqueDocument(world.as('leader'), world.tools, certificate.id)).pdf);
    const scanned = scanQr(file, 'plaque-with-verification-address');
    expect(scanned).toBe(`${address}#${certificate.qrPayload}`);
    expect(pdftotext(file)).toContain('扫码验证');
    expect(verifyQrText(world.core.services.db, scanned, '2026-12-02')).toMatchObject({ valid: true, verdict: 'valid' });
  });

  it('without an address keeps the payload alone in the QR and says under it how to check it', async () => {
    const world = await certificateWorld();
    const { certificate } = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '无地址测试有限公司' }));
    const file = writePdf(world.dir, 'plaque.pdf', (await plaqueDocument(world.as('leader'), world.tools, certificate.id)).pdf);
    expect(scanQr(file, 'plaque-without-verification-address')).toBe(certificate.qrPayload);
    expect(pdftotext(file).replace(/\s+/g, '')).toContain('证书验证页或工作站中核验');
  });

  it('is accepted by dingxing verify --qr in both forms, and a changed payload behind the address is refused', async () => {
    const world = await certificateWorld();
    const { certificate } = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '命令行扫码测试有限公司' }));
    const dbFile = world.core.services.dbFile;
    for (const text of [certificate.qrPayload, `${address}#${certificate.qrPayload}`]) {
      const run = await cli('verify', '--qr', text, '--db', dbFile);
      expect(run.code, text).toBe(0);
    }
    const forged = `${address}#${certificate.qrPayload.slice(0, -4)}AAAA`;
    expect((await cli('verify', '--qr', forged, '--db', dbFile)).code).toBe(1);
  });
});
