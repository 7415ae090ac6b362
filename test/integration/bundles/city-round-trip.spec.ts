// City bundles: laptop → city → laptop with three databases. Laptop B learns laptop A's
// enrollment and certificate revocations, laptop A gets receipts for its bundles (a refused
// one with its reason), a new rubric pack version arrives and is used for a new cycle.
import { describe, expect, it } from 'vitest';
import { startAssessment } from '../../../electron/main/assessments/workflow';
import { importWith } from '../../../electron/main/bundles/bundle-deps';
import { listReceipts } from '../../../electron/main/bundles/receipt-store';
import { findTrusted } from '../../../electron/main/trust/trust-store';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { revokeCertificate } from '../../../electron/main/certificates/revoke';
import { verifierData } from '../../../electron/main/certificates/verifier-page';
import { verifyQrText } from '../../../electron/main/certificates/verify';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { addPack } from '../../../electron/main/rubric/pack-store';
import { setVerificationAddress, verificationAddress } from '../../../electron/main/workstation/workstation';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { setWorkstationCode } from '../../../electron/main/workstation/workstation';
import { dir, file, jsonLines, now, pack2027, rebuild, station } from './world';
import type { Station } from './world';
import { contextOf, recordedAs } from '../../helpers/context';

async function issueAndRevoke(s: Station, assessmentId: string, code: string): Promise<{ number: string; qr: string }> {
  // A laptop that works with a city office numbers its plaques with the code the city gave it
  // (a city bundle brings it; test/integration/registry covers that path).
  setWorkstationCode(s.core.services.db, code);
  const ctx = contextOf(s.core, recordedAs('cli:test'), () => now);
  const { certificate } = await issueCertificate(ctx, new PassphraseKeyStore('station passphrase'), assessmentId);
  revokeCertificate(ctx, certificate.id, '发现隐患，撤销');
  const qr = s.core.services.db.prepare('SELECT qr_payload FROM certificates WHERE id = ?').pluck().get(certificate.id) as string;
  return { number: certificate.number, qr };
}

async function world(): Promise<{ a: Station; b: Station; city: Station }> {
  const [a, b, city] = [await station(), await station(), await station()];
  city.enroll(a);
  city.enroll(b);
  a.enrollCity(city);
  b.enrollCity(city);
  return { a, b, city };
}

describe('city bundles', () => {
  it('brings enrollments, revocations, receipts and a new rubric pack back to the laptops', async () => {
    const { a, b, city } = await world();
    const folder = dir();
    const assessed = a.assess({ name: '甲公司' });
    const revoked = await issueAndRevoke(a, assessed, findTrusted(city.core.services.db, a.identity.workstationId)!.code!);
    await a.exportTo(file(folder, 'a1.dxb'));
    expect((await city.importFrom(file(folder, 'a1.dxb'))).status).toBe('imported');
    // A's second bundle is altered on the way: the city refuses it, and says so in A's receipt.
    a.assess({ name: '乙公司' });
    await a.exportTo(file(folder, 'a2.dxb'));
    await rebuild(file(folder, 'a2.dxb'), file(folder, 'a2-bad.dxb'), a.signer, { signer: b.signer });
    expect((await city.importFrom(file(folder, 'a2-bad.dxb'))).status).toBe('refused');
    addPack(city.core.services.db, pack2027(), 'import', city.core.services.workstation.id, city.core.services.platform.now());

    const exported = await city.exportCityTo(file(folder, 'city-1.dxb'));
    expect(exported).toMatchObject({ sequence: 1, full: true, counts: { rubric_packs: 3, trust_roster: 2, revocation_notices: 1, receipts: 2 } });

    const atB = await b.importFrom(file(folder, 'city-1.dxb'));
    expect(atB).toMatchObject({ status: 'imported', kind: 'city', added: { rubric_packs: 1, trust_roster: 1, revocation_notices: 1 }, refused: [] });
    expect(atB.added.receipts).toBeUndefined();
    const bDb = b.core.services.db;
    expect(findTrusted(bDb, a.identity.workstationId)).toMatchObject({ kind: 'workstation', revokedAt: null, enrolledBy: `city:${city.identity.workstationId}` });
    // B now verifies A's certificate, and knows it was revoked at A.
    expect(verifyQrText(bDb, revoked.qr, '2026-12-02')).toMatchObject({ verdict: 'revoked', revocation: { reason: '发现隐患，撤销' }, certificate: { issuer: 'enrolled' } });
    // …and so does the offline verifier page B exports.
    expect(verifierData(bDb, '2026-12-02').revoked[`${a.identity.workstationId}/${revoked.number}`]).toMatchObject({ reason: '发现隐患，撤销' });

    const atA = await a.importFrom(file(folder, 'city-1.dxb'));
    expect(atA.added).toMatchObject({ receipts: 2, rubric_packs: 1 });
    const receipts = listReceipts(a.core.services.db);
    expect(receipts.map((receipt) => receipt.status).sort()).toEqual(['imported', 'refused']);
    const refusedReceipt = receipts.find((receipt) => receipt.status === 'refused')!;
    expect(refusedReceipt.report.refused[0]).toMatchObject({ entry: 'manifest.sig', reasonEn: expect.stringMatching(/signature/) });
    expect(receipts.find((receipt) => receipt.status === 'imported')!.report.added).toMatchObject({ units: 1, assessments: 1 });

    // The new pack is in force for 2027 on the laptop; 2026 keeps the shipped one.
    const unitId = a.core.services.db.prepare('SELECT unit_id FROM assessments WHERE id = ?').pluck().get(assessed) as string;
    const clock = () => now;
    expect(startAssessment(contextOf(a.core, cliActor(), clock), { unitId, cycle: 2027, assessedOn: '2027-03-01' }).rubricId).toBe('wuhan-star@2027.1');
    const other = a.core.services.db.prepare("SELECT id FROM units WHERE name = '乙公司'").pluck().get() as string;
    expect(startAssessment(contextOf(a.core, cliActor(), clock), { unitId: other, cycle: 2026 }).rubricId).toBe('wuhan-star@2026.1');

    // Idempotent: the same city bundle again adds nothing.
    const again = await a.importFrom(file(folder, 'city-1.dxb'));
    expect(again).toMatchObject({ status: 'imported', added: {} });
    expect(listReceipts(a.core.services.db)).toHaveLength(2);
  });

  it('applies a revocation from the city roster, and keeps each laptop’s own receipts only', async () => {
    const { a, b, city } = await world();
    const folder = dir();
    a.assess({ name: '丙公司' });
    await a.exportTo(file(folder, 'a.dxb'));
    await city.importFrom(file(folder, 'a.dxb'));
    await city.exportCityTo(file(folder, 'c1.dxb'));
    await b.importFrom(file(folder, 'c1.dxb'));
    expect(listReceipts(b.core.services.db)).toEqual([]);
    city.revoke(a);
    await city.exportCityTo(file(folder, 'c2.dxb'));
    const second = await b.importFrom(file(folder, 'c2.dxb'));
    expect(second).toMatchObject({ status: 'imported', sequence: 2, updated: { trust_roster: 1 } });
    expect(findTrusted(b.core.services.db, a.identity.workstationId)?.revokedAt).not.toBeNull();
  });

  it('carries the city office’s verification address to the laptops; an older bundle never undoes a newer one', async () => {
    const { a, city } = await world();
    const folder = dir();
    const cityDb = city.core.services.db;
    setVerificationAddress(cityDb, 'https://pingan.wuhan.gov.cn/verify', '2026-12-01T09:00:00.000Z');
    expect((await city.exportCityTo(file(folder, 'c1.dxb'))).counts).toMatchObject({ city_settings: 1 });
    setVerificationAddress(cityDb, 'https://pingan.wuhan.gov.cn/v2', '2026-12-02T09:00:00.000Z');
    await city.exportCityTo(file(folder, 'c2.dxb'));

    expect(await a.importFrom(file(folder, 'c2.dxb'))).toMatchObject({ status: 'imported', updated: { city_settings: 1 } });
    expect(verificationAddress(a.core.services.db)).toEqual({ address: 'https://pingan.wuhan.gov.cn/v2', setAt: '2026-12-02T09:00:00.000Z' });
    // The first bundle arrives late: the laptop keeps the newer address.
    expect(await a.importFrom(file(folder, 'c1.dxb'))).toMatchObject({ status: 'imported', alreadyPresent: { city_settings: 1 } });
    expect(verificationAddress(a.core.services.db).address).toBe('https://pingan.wuhan.gov.cn/v2');
    // Cleared at the city: cleared on the laptop too.
    setVerificationAddress(cityDb, null, '2026-12-03T09:00:00.000Z');
    await city.exportCityTo(file(folder, 'c3.dxb'));
    await a.importFrom(file(folder, 'c3.dxb'));
    expect(verificationAddress(a.core.services.db).address).toBeNull();
  });

  it('refuses a city bundle whose verification address is not an http(s) address, writing nothing', async () => {
    const { a, city } = await world();
    const folder = dir();
    setVerificationAddress(city.core.services.db, 'https://pingan.wuhan.gov.cn/verify', '2026-12-01T09:00:00.000Z');
    await city.exportCityTo(file(folder, 'c.dxb'));
    await rebuild(file(folder, 'c.dxb'), file(folder, 'c-bad.dxb'), city.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/city_settings.jsonl' ? { name: entry.name, bytes: Buffer.from(entry.bytes.toString().replace('https://pingan.wuhan.gov.cn/verify', 'javascript:alert(1)')) } : entry)),
    });
    const report = await a.importFrom(file(folder, 'c-bad.dxb'));
    expect(report.status).toBe('refused');
    expect(report.refused[0]).toMatchObject({ entry: expect.stringContaining('records/city_settings.jsonl:1') });
    expect(verificationAddress(a.core.services.db).address).toBeNull();
  });

  it('refuses a city bundle signed by a laptop key, by an unknown key, or at the wrong door, writing nothing but the refusal', async () => {
    const { a, b, city } = await world();
    const folder = dir();
    await city.exportCityTo(file(folder, 'c.dxb'));
    // A laptop (enrolled at B as a workstation) writes a city bundle: B refuses it.
    b.enroll(a);
    await a.exportCityTo(file(folder, 'from-a.dxb'));
    const before = b.snapshot();
    const fromLaptop = await b.importFrom(file(folder, 'from-a.dxb'));
    expect(fromLaptop).toMatchObject({ status: 'refused', refused: [{ entry: 'manifest.json', reasonEn: expect.stringMatching(/enrolled as a workstation, not as the city office/) }] });
    // A laptop that never enrolled the city is told how to.
    const stranger = await station();
    const unknown = await stranger.importFrom(file(folder, 'c.dxb'));
    expect(unknown.refused[0]?.reasonEn).toMatch(/city office .* is not enrolled: .*identity export --city/);
    // The city office's door takes laptops' bundles only.
    const wrongDoor = await importWith(contextOf(b.core, recordedAs('cli:test'), () => now), { file: file(folder, 'c.dxb'), dataDir: b.core.services.dataDir, kinds: ['workstation'] });
    expect(wrongDoor.refused[0]?.reasonEn).toMatch(/city office’s bundle for laptops/);
    expect(b.snapshot()).toEqual(before);
    expect(b.core.services.db.prepare('SELECT count(*) FROM bundle_receipts').pluck().get()).toBe(0);
  });

  it('refuses a pack id@version that is here with other content, and tampered entries, naming them', async () => {
    const { a, city } = await world();
    const folder = dir();
    addPack(city.core.services.db, pack2027(), 'import', city.core.services.workstation.id, city.core.services.platform.now());
    addPack(a.core.services.db, pack2027({ title: { zh: '另一版本', en: 'Another' } }), 'import', a.core.services.workstation.id, a.core.services.platform.now());
    await city.exportCityTo(file(folder, 'c.dxb'));
    const clash = await a.importFrom(file(folder, 'c.dxb'));
    expect(clash).toMatchObject({ status: 'refused', refused: [{ entry: expect.stringMatching(/^records\/rubric_packs\.jsonl:\d+$/), reasonEn: expect.stringMatching(/wuhan-star@2027\.1 is here with different content/) }] });

    // A pack changed on the way (sha256 in the line no longer fits), re-signed so only the content check can catch it.
    const fresh = await station();
    fresh.enrollCity(city);
    await rebuild(file(folder, 'c.dxb'), file(folder, 'c-pack.dxb'), city.signer, {
      entries: (entries) => entries.map((entry) => {
        if (entry.name !== 'records/rubric_packs.jsonl') return entry;
        const lines = jsonLines(entry.bytes).map((line) => (line.id === 'wuhan-star@2027.1' ? { ...line, body: (line.body as string).replace('"maxStepUp":1', '"maxStepUp":5') } : line));
        return { name: entry.name, bytes: Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join('')) };
      }),
    });
    const tampered = await fresh.importFrom(file(folder, 'c-pack.dxb'));
    expect(tampered).toMatchObject({ status: 'refused', refused: [{ entry: expect.stringMatching(/^records\/rubric_packs\.jsonl:/), reasonEn: expect.stringMatching(/sha256 does not match/) }] });
    // A changed roster line without re-signing: the manifest's hash catches it.
    await rebuild(file(folder, 'c.dxb'), file(folder, 'c-roster.dxb'), city.signer, {
      signer: false,
      entries: (entries) => entries.map((entry) => (entry.name === 'records/trust_roster.jsonl' ? { name: entry.name, bytes: Buffer.from(entry.bytes.toString().replace(/"revoked_at":null/, '"revoked_at":"2026-12-01T00:00:00Z"')) } : entry)),
    });
    const roster = await fresh.importFrom(file(folder, 'c-roster.dxb'));
    expect(roster).toMatchObject({ status: 'refused', refused: [{ entry: 'manifest.sig' }] });
    expect(fresh.core.services.db.prepare("SELECT count(*) FROM rubric_packs WHERE ref = 'wuhan-star@2027.1'").pluck().get()).toBe(0);
    // A city bundle may not carry a laptop's tables (e.g. units), even signed.
    await rebuild(file(folder, 'c.dxb'), file(folder, 'c-units.dxb'), city.signer, {
      entries: (entries) => [...entries, { name: 'records/units.jsonl', bytes: Buffer.alloc(0) }],
      manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, units: 0 } }),
    });
    expect((await fresh.importFrom(file(folder, 'c-units.dxb'))).refused[0]).toMatchObject({ entry: 'records/units.jsonl', reasonEn: 'a city bundle cannot carry this table' });
  });
});
