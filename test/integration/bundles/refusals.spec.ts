// Every refusal names the entry and the reason, changes nothing, and is kept in the import history.
import fs from 'node:fs';
import yazl from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '@shared/bundle/manifest';
import { listImports } from '../../../electron/main/bundles/bundle-history';
import { bundleLimits } from '../../../electron/main/bundles/limits';
import { dir, file, jsonLines, patchBytes, rebuild, sha256, station, toJsonLines } from './world';
import type { Station } from './world';

let a: Station;
let city: Station;
let stranger: Station;
let folder: string;
let good: string;

beforeAll(async () => {
  [a, city, stranger] = [await station(), await station(), await station()];
  city.enroll(a);
  a.assess({ name: '一号公司' });
  a.assess({ name: '二号公司' });
  folder = dir();
  good = file(folder, 'good.dxb');
  await a.exportTo(good);
});

async function expectRefused(bundle: string, entry: string | RegExp, reason: RegExp, limits = bundleLimits): Promise<void> {
  const before = city.snapshot();
  const report = await city.importFrom(bundle, limits);
  expect(report.status).toBe('refused');
  expect(report.refused).toHaveLength(1);
  const [refusal] = report.refused;
  if (typeof entry === 'string') expect(refusal!.entry).toBe(entry);
  else expect(refusal!.entry).toMatch(entry);
  expect(`${refusal!.reason} ${refusal!.reasonEn}`).toMatch(reason);
  expect(refusal!.reason).toMatch(/[\u4e00-\u9fff]/);
  expect(city.snapshot()).toEqual(before);
  expect(listImports(city.core.services.db)[0]).toMatchObject({ importId: report.importId, status: 'refused', refused: report.refused });
}

const variant = (name: string) => file(folder, name);

describe('a bundle is refused, with the entry and the reason, and nothing is written', () => {
  it('from an unknown workstation, saying how to enroll it', async () => {
    const other = variant('stranger.dxb');
    stranger.assess({ name: '陌生公司' });
    await stranger.exportTo(other);
    await expectRefused(other, 'manifest.json', /not enrolled.*trust add/);
  });

  it('with a record changed after signing', async () => {
    await rebuild(good, variant('changed-record.dxb'), a.signer, {
      signer: false,
      manifest: (manifest) => manifest,
      entries: (entries) => entries.map((entry) => (entry.name === 'records/units.jsonl' ? { ...entry, bytes: Buffer.from(entry.bytes.toString().replace('一号公司', '改过公司')) } : entry)),
    });
    // The recomputed hashes changed the manifest, which the old signature does not cover.
    await expectRefused(variant('changed-record.dxb'), 'manifest.sig', /signature does not match/);
    // The manifest kept as signed, the record changed: the hash names the entry.
    const all = await import('./world').then((world) => world.unzip(good));
    const manifestEntry = all.find((entry) => entry.name === 'manifest.json')!;
    const manifest = JSON.parse(manifestEntry.bytes.toString()) as Manifest;
    await rebuild(good, variant('changed-record-2.dxb'), a.signer, {
      signer: false,
      manifest: () => manifest,
      entries: (entries) => entries.map((entry) => (entry.name === 'records/units.jsonl' ? { ...entry, bytes: Buffer.from(entry.bytes.toString().replace('一号公司', '改过公司')) } : entry)),
    });
    await expectRefused(variant('changed-record-2.dxb'), 'records/units.jsonl', /sha256 differs/);
  });

  it('with a changed manifest, or signed by another key', async () => {
    await rebuild(good, variant('manifest.dxb'), a.signer, { signer: false, manifest: (manifest) => ({ ...manifest, sequence: 99 }) });
    await expectRefused(variant('manifest.dxb'), 'manifest.sig', /signature does not match/);
    await rebuild(good, variant('wrong-key.dxb'), a.signer, { signer: stranger.signer });
    await expectRefused(variant('wrong-key.dxb'), 'manifest.sig', /signature does not match/);
    await rebuild(good, variant('other-key.dxb'), a.signer, { signer: stranger.signer, manifest: (manifest) => ({ ...manifest, source: { ...manifest.source, ed25519PublicKey: stranger.signer.source.ed25519PublicKey } }) });
    await expectRefused(variant('other-key.dxb'), 'manifest.json', /not the enrolled one/);
  });

  it('from the future, saying which version it needs', async () => {
    await rebuild(good, variant('future.dxb'), a.signer, { manifest: (manifest) => ({ ...manifest, format: 'dingxing.bundle/2', hologram: true }) });
    await expectRefused(variant('future.dxb'), 'manifest.json', /version 2 is newer.*dingxing\.bundle\/2/);
  });

  it('with a record that fails its schema, naming the line and field', async () => {
    await rebuild(good, variant('schema.dxb'), a.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/units.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map((line, index) => (index === 1 ? { ...line, kind: 'spaceship' } : line))) } : entry)),
    });
    await expectRefused(variant('schema.dxb'), 'records/units.jsonl:2', /field kind is wrong/);
  });

  it('with a record twice, counts that do not add up, an unlisted entry or an unknown table', async () => {
    await rebuild(good, variant('twice.dxb'), a.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/units.jsonl' ? { ...entry, bytes: Buffer.concat([entry.bytes, Buffer.from(entry.bytes.toString().split('\n')[0] + '\n')]) } : entry)),
    });
    await expectRefused(variant('twice.dxb'), 'records/units.jsonl:3', /appears twice/);
    await rebuild(good, variant('counts.dxb'), a.signer, { manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, units: 5 } }) });
    await expectRefused(variant('counts.dxb'), 'records/units.jsonl', /counts 5 records/);
    await rebuild(good, variant('unlisted.dxb'), a.signer, { manifest: (manifest) => ({ ...manifest, entries: manifest.entries.filter((entry) => entry.name !== 'records/units.jsonl') }) });
    await expectRefused(variant('unlisted.dxb'), 'records/units.jsonl', /not listed/);
    await rebuild(good, variant('unknown-table.dxb'), a.signer, { entries: (entries) => [...entries, { name: 'records/users.jsonl', bytes: Buffer.from('{}\n') }] });
    await expectRefused(variant('unknown-table.dxb'), 'records/users.jsonl', /unknown record table users/);
  });

  it('with an assessment of a unit that is neither here nor in the bundle', async () => {
    await rebuild(good, variant('dangling.dxb'), a.signer, {
      entries: (entries) => entries.filter((entry) => !['records/units.jsonl'].includes(entry.name)),
      manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, units: 0 } }),
    });
    await expectRefused(variant('dangling.dxb'), /^records\/(assessments|unit_star_history)\.jsonl$/, /neither here nor in the bundle/);
  });

  it('with ../ or absolute entry names', async () => {
    for (const [name, bad] of [['climb.dxb', '../../../../x'], ['absolute.dxb', '/etc/passwdxx']] as const) {
      const placeholder = 'evidence/'.padEnd(bad.length, 'q');
      await rebuild(good, variant(name), a.signer, { signer: false, entries: (entries) => [...entries, { name: placeholder, bytes: Buffer.from('x') }] });
      patchBytes(variant(name), placeholder, bad);
      await expectRefused(variant(name), bad, /unsafe entry name|not an entry/);
    }
  });

  it('a zip bomb: too many entries, an entry or the whole too large when unpacked', async () => {
    await expectRefused(good, 'bundle', /entries, over the limit of 3/, { ...bundleLimits, maxEntries: 3 });
    await expectRefused(good, /^(records\/.*|manifest\.json)$/, /unpacks to .* over the limit/, { ...bundleLimits, maxEntryBytes: 2000 });
    await expectRefused(good, 'bundle', /unpacks to more than/, { ...bundleLimits, maxTotalBytes: 4000 });
    const bomb = variant('bomb.dxb');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(64 * 1024 * 1024), 'records/units.jsonl', { compress: true });
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(bomb)).on('close', () => resolve()));
    expect(fs.statSync(bomb).size).toBeLessThan(200_000);
    await expectRefused(bomb, 'records/units.jsonl', /over the limit/, { ...bundleLimits, maxEntryBytes: 8 * 1024 * 1024 });
  });

  it('an entry that unpacks to more or fewer bytes than its zip header declares: refused, never inflated further', async () => {
    const bytes = fs.readFileSync(good);
    const name = Buffer.from('records/units.jsonl');
    // The central directory's record of the entry (signature PK\x01\x02, its name at offset 46): the sizes a reader trusts.
    let header = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (header >= 0 && !bytes.subarray(header + 46, header + 46 + name.length).equals(name)) header = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), header + 4);
    expect(header).toBeGreaterThan(0);
    const real = bytes.readUInt32LE(header + 24);
    for (const [declared, reason] of [[real - 100, /unpacks to more than it declares/], [real + 100, /fewer than the \d+ it declares/]] as const) {
      const lying = Buffer.from(bytes);
      lying.writeUInt32LE(declared, header + 24);
      fs.writeFileSync(variant('lying-size.dxb'), lying);
      await expectRefused(variant('lying-size.dxb'), 'records/units.jsonl', reason);
    }
  });

  it('a line longer than the limit, counted in UTF-8 bytes (Chinese text takes three a character)', async () => {
    const { unzip } = await import('./world');
    const lines = (await unzip(good)).find((entry) => entry.name === 'records/units.jsonl')!.bytes.toString('utf8').split('\n').slice(0, -1);
    const bytes = lines.map((line) => Buffer.byteLength(line));
    const longest = Math.max(...bytes);
    // Short enough in characters, too long in bytes: only a byte count refuses it.
    expect(lines[bytes.indexOf(longest)]!.length).toBeLessThan(longest - 1);
    await expectRefused(good, `records/units.jsonl:${bytes.indexOf(longest) + 1}`, /line is too long/, { ...bundleLimits, maxLineBytes: longest - 1 });
  });

  it('truncated, empty or not a zip at all', async () => {
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(variant('truncated.dxb'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(variant('truncated.dxb'), 'bundle', /truncated or not a \.dxb/);
    fs.writeFileSync(variant('empty.dxb'), '');
    await expectRefused(variant('empty.dxb'), 'bundle', /truncated or not a \.dxb/);
    await expectRefused(variant('missing.dxb'), 'bundle', /no such file/);
  });

  it('with the same entry twice', async () => {
    const all = await import('./world').then((world) => world.unzip(good));
    const duplicate = variant('duplicate.dxb');
    const zip = new yazl.ZipFile();
    for (const entry of [...all, all.find((entry) => entry.name === 'records/units.jsonl')!]) zip.addBuffer(entry.bytes, entry.name);
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(duplicate)).on('close', () => resolve()));
    await expectRefused(duplicate, 'records/units.jsonl', /appears twice/);
  });

  it('an evidence file whose content is not its name', async () => {
    const fake = Buffer.from('not the photo');
    const name = `evidence/${sha256(Buffer.from('the photo'))}`;
    await rebuild(good, variant('evidence.dxb'), a.signer, { entries: (entries) => [...entries, { name, bytes: fake }], manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, evidence_files: 1 } }) });
    await expectRefused(variant('evidence.dxb'), name, /does not match its name/);
  });

  it('from a revoked workstation, with the date; then nothing from it is accepted', async () => {
    const revokedCity = await station();
    revokedCity.enroll(a);
    revokedCity.revoke(a);
    const report = await revokedCity.importFrom(good);
    expect(report.refused[0]).toMatchObject({ entry: 'manifest.json' });
    expect(report.refused[0]!.reasonEn).toMatch(/was revoked on 2026-12-01/);
    expect(revokedCity.snapshot().units).toBe(0);
  });

  it('and a good bundle still imports after all of that', async () => {
    expect((await city.importFrom(good)).status).toBe('imported');
  });
});

describe('a record the database’s own rules refuse', () => {
  it('refuses the whole bundle naming the line (a signed assessment without its result)', async () => {
    await rebuild(good, variant('check.dxb'), a.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/assessments.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map((line) => ({ ...line, result: null }))) } : entry)),
    });
    const fresh = await station();
    fresh.enroll(a);
    const report = await fresh.importFrom(variant('check.dxb'));
    expect(report.refused).toEqual([expect.objectContaining({ entry: 'records/assessments.jsonl:1', reasonEn: expect.stringMatching(/breaks a rule of the database/) })]);
    expect(fresh.snapshot().units).toBe(0);
  });

  it('names the line at fault when the rows before it were fine (new rows are written together, then one by one to find it)', async () => {
    await rebuild(good, variant('check-second.dxb'), a.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/assessments.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map((line, index) => (index === 1 ? { ...line, result: null } : line))) } : entry)),
    });
    const fresh = await station();
    fresh.enroll(a);
    const before = fresh.snapshot();
    const report = await fresh.importFrom(variant('check-second.dxb'));
    expect(report.refused).toEqual([expect.objectContaining({ entry: 'records/assessments.jsonl:2', reasonEn: expect.stringMatching(/breaks a rule of the database/) })]);
    expect(fresh.snapshot()).toEqual(before);
  });
});
