// Workstations for bundle tests: each a core on its own database with its own Ed25519 key,
// able to assess, export, enroll the others and import; and tools to take a bundle apart,
// change it and put it back together (re-signed or not).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { ImportReport } from '@shared/bundle/report';
import type { Manifest } from '@shared/bundle/manifest';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { exportWith, importWith } from '../../../electron/main/bundles/bundle-deps';
import type { BundleLimits } from '../../../electron/main/bundles/limits';
import { signerMaterialOf } from '../../../electron/main/bundles/signer';
import type { SignerMaterial } from '../../../electron/main/bundles/signer';
import { enroll, revokeTrust } from '../../../electron/main/trust/trust-store';
import { writeZip } from '../../../electron/main/bundles/zip-writer';
import type { ZipEntry } from '../../../electron/main/bundles/zip-writer';
import { trackedTables } from '../../../electron/main/bundles/record-rows';
import type { Core } from '../../../electron/main/host/core';
import { createIdentity } from '../../../electron/main/crypto/identity';
import type { PublicIdentity } from '../../../electron/main/crypto/identity';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { defaultPacks } from '../../../electron/main/rubric/default-packs';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { assessmentDocument } from '../certificates/world';
import { contextOf } from '../../helpers/context';

export const now = new Date('2026-12-01T10:00:00Z');
export const dir = (): string => tempDir('dingxing-bundles-');

export interface Station {
  core: Core;
  identity: PublicIdentity;
  signer: SignerMaterial;
  assess(overrides?: Parameters<typeof assessmentDocument>[0]): string;
  exportTo(file: string, full?: boolean): ReturnType<typeof exportWith>;
  /** The city office's bundle for laptops. */
  exportCityTo(file: string): ReturnType<typeof exportWith>;
  /** Enrolls the other as the city office (its identity exported with --city). */
  enrollCity(other: Station): void;
  importFrom(file: string, limits?: BundleLimits): Promise<ImportReport>;
  enroll(other: Station): void;
  revoke(other: Station): void;
  /** Rows of every tracked table and the audit entries kept from others: what a refusal must not change. */
  snapshot(): Record<string, number>;
}

export async function station(): Promise<Station> {
  const core = await testCore();
  const services = core.services;
  const unlocked = await createIdentity(services.db, services.workstation, [new PassphraseKeyStore('station passphrase')], now);
  const ctx = contextOf(core, cliActor(), () => now);
  const signer = signerMaterialOf(unlocked);
  return {
    core,
    identity: unlocked.publicIdentity,
    signer,
    assess(overrides = {}) {
      const [recorded] = importAssessmentDocuments(contextOf(core, cliActor(), () => now), [{ source: 'test.json', json: assessmentDocument(overrides) }]);
      return recorded!.id;
    },
    exportTo(file, full = false) {
      return exportWith(ctx, { out: file, full, signer, dataDir: services.dataDir });
    },
    exportCityTo(file) {
      return exportWith(ctx, { out: file, full: false, city: true, signer, dataDir: services.dataDir });
    },
    enrollCity(other) {
      enroll(ctx, { ...other.identity, kind: 'city' });
    },
    importFrom(file, limits) {
      return importWith(ctx, { file, dataDir: services.dataDir, limits });
    },
    enroll(other) {
      enroll(ctx, other.identity);
    },
    revoke(other) {
      revokeTrust(ctx, other.identity.workstationId, 'lost laptop');
    },
    snapshot() {
      const counts: Record<string, number> = {};
      for (const table of [...trackedTables, 'bundle_audit_entries', 'unit_aliases', 'record_versions', 'bundle_conflicts', 'streets']) counts[table] = services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      return counts;
    },
  };
}

/** The entries of a zip, in order, as they are (no checks: this is the test's own reader). */
export async function unzip(file: string): Promise<{ name: string; bytes: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries: { name: string; bytes: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
  }
  zip.close();
  return entries;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function sign(signer: SignerMaterial, bytes: Buffer): Buffer {
  return crypto.sign(null, bytes, crypto.createPrivateKey({ key: Buffer.from(signer.pkcs8, 'base64'), format: 'der', type: 'pkcs8' }));
}

export interface Rebuild {
  /** Change the record and evidence entries (names and bytes). */
  entries?(entries: { name: string; bytes: Buffer }[]): { name: string; bytes: Buffer }[];
  /** Change the manifest after its entry list was recomputed. */
  manifest?(manifest: Manifest): unknown;
  /** Sign with this key (default: the original signer); `false` keeps the old signature. */
  signer?: SignerMaterial | false;
}

/** Takes a bundle apart, changes it and writes it again, with hashes (and signature) made to fit. */
export async function rebuild(source: string, target: string, signer: SignerMaterial, change: Rebuild): Promise<void> {
  const all = await unzip(source);
  const oldSignature = all.find((entry) => entry.name === 'manifest.sig')!.bytes;
  const original = JSON.parse(all.find((entry) => entry.name === 'manifest.json')!.bytes.toString('utf8')) as Manifest;
  let entries = all.filter((entry) => entry.name !== 'manifest.json' && entry.name !== 'manifest.sig');
  entries = change.entries ? change.entries(entries) : entries;
  const recounted: Manifest = { ...original, entries: entries.map((entry) => ({ name: entry.name, bytes: entry.bytes.length, sha256: sha256(entry.bytes) })) };
  const manifest = change.manifest ? change.manifest(recounted) : recounted;
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const signature = change.signer === false ? oldSignature : sign(change.signer ?? signer, manifestBytes);
  const zipEntries: ZipEntry[] = [{ name: 'manifest.json', bytes: manifestBytes, compress: true }, { name: 'manifest.sig', bytes: signature, compress: false }, ...entries.map((entry) => ({ ...entry, compress: true }))];
  await writeZip(target, zipEntries);
}

/** Replaces every occurrence of `from` by `to` (same length) in the file's bytes: names in local and central headers. */
export function patchBytes(file: string, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('same length only');
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(from);
  let at = bytes.indexOf(needle);
  while (at >= 0) {
    Buffer.from(to).copy(bytes, at);
    at = bytes.indexOf(needle, at + 1);
  }
  fs.writeFileSync(file, bytes);
}

export function jsonLines(bytes: Buffer): Record<string, unknown>[] {
  return bytes.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function toJsonLines(lines: readonly object[]): Buffer {
  return Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

export const file = (folder: string, name: string): string => path.join(folder, name);

export interface ByteMutation {
  kind: 'flip' | 'insert' | 'remove' | 'truncate';
  /** Any natural number: taken modulo the length at the time. */
  at: number;
  byte: number;
}

/** A copy of `bytes` with each mutation applied in turn (a flip always changes the byte). */
export function mutateBytes(bytes: Buffer, mutations: readonly ByteMutation[]): Buffer {
  let result = Buffer.from(bytes);
  for (const mutation of mutations) {
    const at = mutation.at % Math.max(1, result.length);
    if (mutation.kind === 'flip') result[at] = (result[at] ?? 0) ^ (mutation.byte || 1);
    if (mutation.kind === 'insert') result = Buffer.concat([result.subarray(0, at), Buffer.from([mutation.byte]), result.subarray(at)]);
    if (mutation.kind === 'remove') result = Buffer.concat([result.subarray(0, at), result.subarray(at + 1)]);
    if (mutation.kind === 'truncate') result = result.subarray(0, at);
  }
  return result;
}

/**
 * For `rebuild`'s entries: one line of one records file with one field set to `replacement`
 * (the field named, when the line has it, else one picked by the name's length).
 */
export function replaceField(entryName: string, lineIndex: number, field: string, replacement: unknown): (entries: ZipEntry[]) => ZipEntry[] {
  return (entries) =>
    entries.map((entry) => {
      if (entry.name !== entryName) return entry;
      const lines = jsonLines(entry.bytes);
      const index = lineIndex % lines.length;
      const keys = Object.keys(lines[index]!);
      const key = keys.includes(field) ? field : (keys[field.length % keys.length] as string);
      lines[index] = { ...lines[index], [key]: replacement };
      return { ...entry, bytes: toJsonLines(lines) };
    });
}

/** The shipped star pack as a new version in force from 2027. */
export function pack2027(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(structuredClone(defaultPacks[0]) as Record<string, unknown>), version: '2027.1', inForceFrom: 2027, ...changes };
}
