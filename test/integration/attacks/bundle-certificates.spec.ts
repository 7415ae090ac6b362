// Item 5 of the hostile run: certificate rows were not checked against their own signed QR
// payload at import, so a bundle re-signed with the laptop's key with a row's stars changed, or
// with an all-zero QR signature, was stored at the city office. Each row is now held to its
// payload (fields and signature) before anything is written; a contradiction refuses the bundle
// naming the line.
import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { contextOf, recordedAs } from '../../helpers/context';
import { dir, file, jsonLines, now, rebuild, sign, station, toJsonLines } from '../bundles/world';
import type { Station } from '../bundles/world';

async function laptopWithCertificate(): Promise<{ a: Station; city: Station; folder: string; bundle: string }> {
  const [a, city] = [await station(), await station()];
  city.enroll(a);
  await issueCertificate(contextOf(a.core, recordedAs('leader'), () => now), new PassphraseKeyStore('station passphrase'), a.assess({ name: '证书行单位' }));
  const folder = dir();
  const bundle = file(folder, 'with-certificate.dxb');
  await a.exportTo(bundle);
  return { a, city, folder, bundle };
}

/** The bundle again with the certificate line changed, re-signed with the laptop's own key. */
async function withCertificateLine(a: Station, source: string, target: string, change: (line: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  await rebuild(source, target, a.signer, {
    entries: (entries) =>
      entries.map((entry) => (entry.name === 'records/certificates.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map(change)) } : entry)),
  });
}

describe('item 5: certificate rows against their signed QR payload', () => {
  it('refuses a re-signed bundle whose certificate row has its stars changed, naming the line and the column', async () => {
    const { a, city, folder, bundle } = await laptopWithCertificate();
    const forged = file(folder, 'more-stars.dxb');
    await withCertificateLine(a, bundle, forged, (line) => ({ ...line, stars: line.stars === 5 ? 4 : 5 }));
    const before = city.snapshot();
    const report = await city.importFrom(forged);
    expect(report).toMatchObject({ status: 'refused', refused: [{ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/its stars contradicts its signed QR payload \(the signed payload says \d\)/) }] });
    expect(city.snapshot()).toEqual(before);
  });

  it('refuses a row whose QR signature is all zeros, or signed by another key', async () => {
    const { a, city, folder, bundle } = await laptopWithCertificate();
    const zero = file(folder, 'zero-signature.dxb');
    await withCertificateLine(a, bundle, zero, (line) => {
      const [prefix, body] = String(line.qr_payload).split('.');
      return { ...line, qr_payload: `${prefix}.${body}.${Buffer.alloc(64).toString('base64url')}` };
    });
    expect(await city.importFrom(zero)).toMatchObject({ status: 'refused', refused: [{ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/signature does not verify with the issuing workstation’s key/) }] });
    const other = await station();
    const theirs = file(folder, 'their-workstation.dxb');
    await withCertificateLine(a, bundle, theirs, (line) => ({ ...line, workstation_id: other.identity.workstationId }));
    expect((await city.importFrom(theirs)).refused[0]?.reasonEn).toMatch(/workstation_id contradicts its signed QR payload/);
  });

  it('refuses a row moved to another district or sequence than its signed number says', async () => {
    const { a, city, folder, bundle } = await laptopWithCertificate();
    const moved = file(folder, 'other-district.dxb');
    await withCertificateLine(a, bundle, moved, (line) => ({ ...line, district_code: line.district_code === '420102' ? '420103' : '420102' }));
    expect((await city.importFrom(moved)).refused[0]).toMatchObject({ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/its district_code contradicts its signed number/) });
    const renumbered = file(folder, 'other-sequence.dxb');
    await withCertificateLine(a, bundle, renumbered, (line) => ({ ...line, sequence: Number(line.sequence) + 7 }));
    expect((await city.importFrom(renumbered)).refused[0]).toMatchObject({ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/its sequence contradicts its signed number/) });
  });

  it('refuses a row whose stars are not what its assessment awarded, even with a payload re-signed to match', async () => {
    const { a, city, folder, bundle } = await laptopWithCertificate();
    const forged = file(folder, 'resigned-stars.dxb');
    await withCertificateLine(a, bundle, forged, (line) => {
      const [prefix, body] = String(line.qr_payload).split('.');
      const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const stars = line.stars === 5 ? 4 : 5;
      const bytes = Buffer.from(JSON.stringify({ ...payload, s: stars }), 'utf8');
      return { ...line, stars, qr_payload: `${prefix}.${bytes.toString('base64url')}.${sign(a.signer, bytes).toString('base64url')}` };
    });
    expect((await city.importFrom(forged)).refused[0]).toMatchObject({ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/its stars contradicts its assessment .* which awarded \d/) });
  });

  it('holds a row to its assessment held here when the bundle does not carry it (an earlier bundle did)', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const assessment = a.assess({ name: '先到的评定单位' });
    const folder = dir();
    await a.exportTo(file(folder, 'first.dxb'));
    expect(await city.importFrom(file(folder, 'first.dxb'))).toMatchObject({ status: 'imported' });
    await issueCertificate(contextOf(a.core, recordedAs('leader'), () => now), new PassphraseKeyStore('station passphrase'), assessment);
    const second = file(folder, 'second.dxb');
    await a.exportTo(second);
    const forged = file(folder, 'second-resigned-stars.dxb');
    await rebuild(second, forged, a.signer, {
      entries: (entries) =>
        entries
          .filter((entry) => entry.name !== 'records/assessments.jsonl')
          .map((entry) => {
            if (entry.name !== 'records/certificates.jsonl') return entry;
            return {
              ...entry,
              bytes: toJsonLines(
                jsonLines(entry.bytes).map((line) => {
                  const [prefix, body] = String(line.qr_payload).split('.');
                  const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
                  const stars = line.stars === 5 ? 4 : 5;
                  const bytes = Buffer.from(JSON.stringify({ ...payload, s: stars }), 'utf8');
                  return { ...line, stars, qr_payload: `${prefix}.${bytes.toString('base64url')}.${sign(a.signer, bytes).toString('base64url')}` };
                }),
              ),
            };
          }),
      manifest: (manifest) => ({ ...manifest, counts: Object.fromEntries(Object.entries(manifest.counts).filter(([table]) => table !== 'assessments')) }),
    });
    const before = city.snapshot();
    expect((await city.importFrom(forged)).refused[0]).toMatchObject({ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(new RegExp(`its stars contradicts its assessment ${assessment}, which awarded \\d`)) });
    expect(city.snapshot()).toEqual(before);
    expect(await city.importFrom(second)).toMatchObject({ status: 'imported', added: { certificates: 1 } });
  });

  it('refuses a row whose payload is not a DX1 text, and takes the genuine bundle', async () => {
    const { a, city, folder, bundle } = await laptopWithCertificate();
    const broken = file(folder, 'broken.dxb');
    await withCertificateLine(a, bundle, broken, (line) => ({ ...line, qr_payload: 'DX1.not-base64!.x' }));
    expect((await city.importFrom(broken)).refused[0]).toMatchObject({ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/not a DX1 text/) });
    expect(await city.importFrom(bundle)).toMatchObject({ status: 'imported', added: { certificates: 1 } });
  });
});
