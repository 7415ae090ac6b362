/**
 * Everything a bundle must pass before anything is written: the manifest's format version and
 * shape, the source in the trust store and not revoked, the Ed25519 signature over the manifest's
 * bytes, every entry listed with its size and sha256 and nothing unlisted, every record line
 * against its table's schema, no id twice, counts as announced, every evidence file's name its hash.
 */
import { createHash } from 'node:crypto';
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { bundleFormatVersion, formatVersionOf, ManifestSchema } from '@shared/bundle/manifest';
import type { Manifest } from '@shared/bundle/manifest';
import { isRecordTable, recordSchemas, tablesOfKind } from '@shared/bundle/records';
import type { RecordTable } from '@shared/bundle/records';
import type { BundleLimits } from './limits';
import type { BundleContents } from './read-bundle';
import { refuse } from './refusal';
import { keyForBundle } from '../trust/trust-store';

export type BundleLine = Record<string, unknown> & { id: string; _origin: string; _version: number };

export interface VerifiedBundle {
  manifest: Manifest;
  records: Map<RecordTable, BundleLine[]>;
  evidence: Map<string, Buffer>;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest's head, read leniently, so even a refused bundle's history names its source. */
export function manifestHead(bytes: Buffer | undefined): { bundleId: string | null; kind: string | null; workstationId: string | null; name: string | null; sequence: number | null } {
  try {
    const json = JSON.parse((bytes ?? Buffer.alloc(0)).toString('utf8')) as Record<string, unknown>;
    const source = (json.source ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : null);
    return { bundleId: text(json.bundleId), kind: text(json.kind), workstationId: text(source.workstationId), name: text(source.name), sequence: Number.isSafeInteger(json.sequence) ? (json.sequence as number) : null };
  } catch {
    return { bundleId: null, kind: null, workstationId: null, name: null, sequence: null };
  }
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('manifest.json', '清单不是有效的 JSON', 'the manifest is not valid JSON');
  }
  const version = formatVersionOf((json as { format?: unknown } | null)?.format);
  if (version === undefined) refuse('manifest.json', '不是鼎星数据包（format 应为 dingxing.bundle/1）', 'not a Dingxing bundle (format should be dingxing.bundle/1)');
  if (version > bundleFormatVersion) {
    refuse('manifest.json', `数据包格式版本 ${version} 比本应用新（本应用读取版本 ${bundleFormatVersion}）：请把应用升级到支持 dingxing.bundle/${version} 的版本`, `bundle format version ${version} is newer than this app reads (${bundleFormatVersion}): upgrade the app to one that reads dingxing.bundle/${version}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    refuse(`manifest.json:${where}`, `清单字段 ${where} 缺失或不符合格式`, `manifest field ${where} is wrong: ${issue?.message}`);
  }
  return parsed.data;
}

function checkSource(db: Database, manifest: Manifest, manifestBytes: Buffer, signature: Buffer): void {
  const id = manifest.source.workstationId;
  const trusted = keyForBundle(db, id);
  if ('refusedBecause' in trusted) {
    if (trusted.refusedBecause === 'revoked') {
      refuse('manifest.json', `工作站 ${manifest.source.name}（${id}）已于 ${trusted.entry.revokedAt} 被撤销信任，其数据包一律拒收；如属误撤，请重新登记其身份文件：dingxing trust add 文件`, `workstation ${manifest.source.name} (${id}) was revoked on ${trusted.entry.revokedAt}; its bundles are refused. If that was a mistake, enroll its identity file again: dingxing trust add FILE`);
    }
    if (manifest.kind === 'city') {
      refuse('manifest.json', `市指挥部 ${manifest.source.name}（${id}）的密钥未登记：请向市指挥部索取其身份文件（在市指挥部运行 dingxing identity export --city --out city.id），电话核对指纹后在本机运行 dingxing trust add city.id，再导入`, `the city office ${manifest.source.name} (${id}) is not enrolled: get its identity file (at the city office: dingxing identity export --city --out city.id), compare the fingerprint by phone, run dingxing trust add city.id here, then import again`);
    }
    refuse('manifest.json', `工作站 ${manifest.source.name}（${id}）未登记：请让该工作站运行 dingxing identity export --out 文件，核对指纹后在本机运行 dingxing trust add 文件，再导入`, `workstation ${manifest.source.name} (${id}) is not enrolled: have it run dingxing identity export --out FILE, compare the fingerprint, run dingxing trust add FILE here, then import again`);
  }
  if (manifest.kind === 'city' && trusted.entry === null) refuse('manifest.json', '这是本工作站自己导出的市级数据包，无需导入', 'this is a city bundle this workstation wrote itself; it needs no import');
  if (manifest.kind === 'city' && trusted.entry !== null && trusted.entry.kind !== 'city') {
    refuse('manifest.json', `${manifest.source.name}（${id}）登记为工作站而非市指挥部，不能发送市级数据包`, `${manifest.source.name} (${id}) is enrolled as a workstation, not as the city office; it cannot send a city bundle`);
  }
  if (trusted.raw !== manifest.source.ed25519PublicKey) refuse('manifest.json', '清单中的公钥与登记的公钥不符', 'the public key in the manifest is not the enrolled one');
  let valid = false;
  try {
    valid = signature.length === 64 && crypto.verify(null, manifestBytes, trusted.key, signature);
  } catch {
    valid = false;
  }
  if (!valid) refuse('manifest.sig', '签名与清单不符：数据包被改动过或不是该工作站签发的', 'the signature does not match the manifest: the bundle was altered or not signed by this workstation');
}

function checkEntries(manifest: Manifest, entries: Map<string, Buffer>): void {
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.name)) refuse(entry.name, '清单重复列出此条目', 'the manifest lists the entry twice');
    listed.add(entry.name);
    if (entry.name === 'manifest.json' || entry.name === 'manifest.sig') refuse(entry.name, '清单不应列出自身或签名', 'the manifest must not list itself or its signature');
    const bytes = entries.get(entry.name);
    if (!bytes) refuse(entry.name, '清单列出的条目不在数据包中', 'the manifest lists an entry the bundle does not hold');
    if (bytes.length !== entry.bytes) refuse(entry.name, `大小 ${bytes.length} 字节与清单的 ${entry.bytes} 不符`, `size ${bytes.length} bytes differs from the manifest's ${entry.bytes}`);
    if (sha256(bytes) !== entry.sha256) refuse(entry.name, 'sha256 与清单不符：条目被改动过', 'sha256 differs from the manifest: the entry was altered');
  }
  for (const name of entries.keys()) if (!listed.has(name)) refuse(name, '条目未列在清单中', 'the entry is not listed in the manifest');
}

const newline = 0x0a;

function parseRecords(table: RecordTable, name: string, bytes: Buffer, limits: BundleLimits): BundleLine[] {
  if (bytes.length > 0 && bytes[bytes.length - 1] !== newline) refuse(name, '最后一行不完整（缺少换行）', 'the last line is incomplete (no newline)');
  const schema = recordSchemas[table];
  const lines: BundleLine[] = [];
  const ids = new Set<string>();
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    // A newline byte never occurs inside a UTF-8 character: lines are found in the bytes.
    const end = bytes.indexOf(newline, start);
    lineNumber += 1;
    const where = `${name}:${lineNumber}`;
    if (end - start > limits.maxLineBytes) refuse(where, '此行过长', 'the line is too long');
    let json: unknown;
    try {
      // Each line decoded on its own: one string of a whole 40 MB file is slower to make and to parse.
      json = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      refuse(where, '此行不是有效的 JSON', 'the line is not valid JSON');
    }
    start = end + 1;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(record)';
      refuse(where, `字段 ${field} 缺失或不符合格式`, `field ${field} is wrong: ${issue?.message}`);
    }
    const record = parsed.data as BundleLine;
    if (ids.has(record.id)) refuse(where, `记录 ${record.id} 重复出现`, `record ${record.id} appears twice`);
    ids.add(record.id);
    lines.push(record);
  }
  return lines;
}

export function verifyBundle(db: Database, contents: BundleContents, limits: BundleLimits): VerifiedBundle {
  const manifest = parseManifest(contents.manifestBytes);
  checkSource(db, manifest, contents.manifestBytes, contents.signature);
  checkEntries(manifest, contents.entries);
  const records = new Map<RecordTable, BundleLine[]>();
  const evidence = new Map<string, Buffer>();
  for (const [name, bytes] of contents.entries) {
    if (name.startsWith('evidence/')) {
      const hash = name.slice('evidence/'.length);
      if (sha256(bytes) !== hash) refuse(name, '证据文件内容与其名称（sha256）不符', 'the evidence file’s content does not match its name (sha256)');
      evidence.set(hash, bytes);
      continue;
    }
    const table = name.slice('records/'.length, -'.jsonl'.length);
    if (!isRecordTable(table)) refuse(name, `未知的记录表 ${table}`, `unknown record table ${table}`);
    if (!tablesOfKind[manifest.kind].includes(table)) refuse(name, `${manifest.kind === 'city' ? '市级' : '工作站'}数据包不能携带此表`, `a ${manifest.kind} bundle cannot carry this table`);
    records.set(table, parseRecords(table, name, bytes, limits));
  }
  for (const [table, count] of Object.entries(manifest.counts)) {
    if (table === 'evidence_files') {
      if (count !== evidence.size) refuse('manifest.json', `清单说有 ${count} 个证据文件，实有 ${evidence.size} 个`, `the manifest counts ${count} evidence files, the bundle holds ${evidence.size}`);
      continue;
    }
    if (!isRecordTable(table)) refuse('manifest.json', `清单计数中有未知的记录表 ${table}`, `the manifest counts an unknown record table ${table}`);
    const actual = records.get(table)?.length ?? 0;
    if (actual !== count) refuse(`records/${table}.jsonl`, `清单说有 ${count} 条记录，实有 ${actual} 条`, `the manifest counts ${count} records, the file holds ${actual}`);
  }
  for (const [table, lines] of records) if (lines.length > 0 && manifest.counts[table] === undefined) refuse(`records/${table}.jsonl`, '清单没有此表的计数', 'the manifest does not count this table');
  return { manifest, records, evidence };
}
