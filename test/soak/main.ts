/**
 * `npm run soak [-- --units 2000 --evidence 20000 --evidence-kb 200 --certificates 2000]`: a year
 * of one team's work in one database, made through the real write paths (the demo generator for
 * units and three cycles of signed assessments, the workflow for drafts and their evidence, the
 * certificate issuer), then measured: database and evidence size, start-up time (opening the core,
 * and a cold `dingxing` process), and the 95th percentile of each screen's main query through the
 * dispatcher. Exit 1 when any p95 is above 200 ms. `--dir D --reuse` measures the database an
 * earlier `--dir D` run left there (building takes a quarter of an hour at full size).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/main/host/core';
import type { Core } from '../../electron/main/host/core';
import { nodePlatform } from '../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../helpers/keys';
import { generateDemo } from '../../electron/main/demo/generate-demo';
import { addEvidence } from '../../electron/main/assessments/evidence';
import { issueCertificate } from '../../electron/main/certificates/issue';
import type { Actor } from '@shared/domain/roles';
import { roles } from '@shared/domain/roles';
import { contextOf } from '../helpers/context';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '2000' },
    evidence: { type: 'string', default: '20000' },
    'evidence-kb': { type: 'string', default: '200' },
    certificates: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '60' },
    dir: { type: 'string' },
    /** Measure the database already in --dir (made by an earlier run) instead of building a new one. */
    reuse: { type: 'boolean', default: false },
  },
});
const target = { units: Number(values.units), evidence: Number(values.evidence), evidenceKb: Number(values['evidence-kb']), certificates: Number(values.certificates) };
const samples = Number(values.samples);
const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-soak-'));
const dbFile = path.join(dir, 'soak.sqlite');
const actor: Actor = { userId: 'soak', name: 'soak', displayName: '浸泡测试', roles: [...roles] };
const caller = { actor };
const keyStore = new PassphraseKeyStore('soak-passphrase');
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const began = performance.now();
  const value = fn();
  return { value, ms: performance.now() - began };
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A fake JPEG of about `kb` kilobytes, unique (so each is its own file). */
function photo(kb: number): Buffer {
  const bytes = crypto.randomBytes(kb * 1024);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

async function build(): Promise<void> {
  const core = await openCore({ dbFile, jobMode: 'inline', platform: nodePlatform({ keyStore }) });
  await makeKeys(core, 'soak-passphrase');
  const demo = timed(() => generateDemo(contextOf(core), { units: target.units, seed: 2026 }));
  log(`demo: ${JSON.stringify(demo.value)} in ${Math.round(demo.ms)} ms`);

  // This cycle's work in progress: drafts of 2027 carrying the photos taken on site.
  const units = core.services.db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as string[];
  const perDraft = 10;
  const drafts = Math.ceil(target.evidence / perDraft);
  let added = 0;
  const began = performance.now();
  for (let index = 0; index < drafts && added < target.evidence; index += 1) {
    const draft = await call<{ id: string; form: { items: { id: string }[] }[] }>(core, 'assessments.start', { unitId: units[index % units.length], cycle: 2027, assessedOn: '2027-03-01' });
    const items = draft.form.flatMap((section) => section.items.map((item) => item.id));
    for (let file = 0; file < perDraft && added < target.evidence; file += 1) {
      addEvidence(contextOf(core, actor), core.services.dataDir, { assessmentId: draft.id, itemId: items[file % items.length]!, name: `现场照片-${file + 1}.jpg`, bytes: photo(target.evidenceKb) });
      added += 1;
    }
    if (index % 200 === 0) log(`evidence: ${added} files`);
  }
  log(`evidence: ${added} files of ${target.evidenceKb} KB on ${drafts} drafts in ${Math.round(performance.now() - began)} ms`);

  const issuable = core.services.db
    .prepare("SELECT id FROM assessments WHERE status IN ('signed', 'final') AND awarded_stars >= 1 ORDER BY signed_at DESC LIMIT ?")
    .pluck()
    .all(target.certificates) as string[];
  const issuing = performance.now();
  let issued = 0;
  for (const id of issuable) {
    try {
      await issueCertificate(contextOf(core, actor), core.services.platform.keyStore, id);
      issued += 1;
    } catch (error) {
      if (issued === 0) throw error;
    }
  }
  log(`certificates: ${issued} issued in ${Math.round(performance.now() - issuing)} ms (of ${issuable.length} signed assessments with stars)`);
  core.close();
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

async function measure(): Promise<boolean> {
  const opening = [];
  for (let run = 0; run < 5; run += 1) {
    const began = performance.now();
    const core = await openCore({ dbFile, jobMode: 'inline' });
    opening.push(performance.now() - began);
    core.close();
  }
  const cold = [];
  for (let run = 0; run < 5; run += 1) {
    const began = performance.now();
    execFileSync(process.execPath, ['bin/dingxing.mjs', 'units', 'list', '--district', '420102', '--db', dbFile, '--json'], { stdio: 'ignore' });
    cold.push(performance.now() - began);
  }
  const core = await openCore({ dbFile, jobMode: 'inline', platform: nodePlatform({ keyStore }) });
  const db = core.services.db;
  const pick = <T>(list: T[], index: number) => list[(index * 7919) % list.length]!;
  const unitIds = db.prepare('SELECT id FROM units').pluck().all() as string[];
  const assessmentIds = db.prepare("SELECT id FROM assessments WHERE status IN ('signed', 'final')").pluck().all() as string[];
  const draftIds = db.prepare("SELECT id FROM assessments WHERE status = 'draft'").pluck().all() as string[];
  const certificateIds = db.prepare('SELECT id FROM certificates').pluck().all() as string[];
  const districts = db.prepare('SELECT code FROM districts').pluck().all() as string[];
  const auditSubjects = db.prepare('SELECT DISTINCT subject FROM audit_log WHERE subject IS NOT NULL LIMIT 500').pluck().all() as string[];
  const signedWithCertificate = db.prepare('SELECT assessment_id FROM certificates').pluck().all() as string[];
  const screens: [string, string, (index: number) => unknown][] = [
    ['首页 home', 'home.summary', () => ({})],
    ['单位 units (first page)', 'units.list', () => ({})],
    ['单位 units (district, stars)', 'units.list', (index) => ({ district: pick(districts, index), stars: index % 6 })],
    ['单位 units (search)', 'units.list', (index) => ({ search: ['江', '学校', '社区', '物流', '9142'][index % 5] })],
    ['单位 units (sorted by stars, late page)', 'units.list', (index) => ({ sort: 'stars', order: 'desc', offset: (index * 50) % 1900 })],
    ['单位详情 unit', 'units.get', (index) => ({ id: pick(unitIds, index) })],
    ['单位 unit picker (search)', 'units.list', (index) => ({ search: ['江', '学校', '社区', '物流', '9142'][index % 5], limit: 30 })],
    ['单位详情 unit history', 'assessments.listForUnit', (index) => ({ unitId: pick(unitIds, index) })],
    ['单位详情 unit rectifications', 'rectifications.listForUnit', (index) => ({ unitId: pick(unitIds, index), includeDone: true })],
    ['评定 list (drafts tab, first page)', 'assessments.search', () => ({ statuses: ['draft'], limit: 20, offset: 0 })],
    ['评定 list (tab counts)', 'assessments.search', (index) => ({ ...[{ statuses: ['draft'] }, { statuses: ['submitted'] }, {}][index % 3], limit: 1, offset: 0 })],
    ['评定 list (all, late page)', 'assessments.search', (index) => ({ limit: 20, offset: (index * 20 * 13) % 6000 })],
    ['评定 list (district, cycle, name)', 'assessments.search', (index) => ({ districtCode: pick(districts, index), cycle: 2026, text: '公司', limit: 20, offset: 0 })],
    ['评定 certificate of assessment', 'certificates.forAssessment', (index) => ({ assessmentId: pick(signedWithCertificate, index) })],
    ['评定 assessment', 'assessments.get', (index) => ({ id: pick(assessmentIds, index) })],
    ['评定 draft with evidence', 'assessments.get', (index) => ({ id: pick(draftIds, index) })],
    ['佐证 evidence list', 'evidence.list', (index) => ({ assessmentId: pick(draftIds, index) })],
    ['待办 drafts', 'assessments.listDrafts', () => ({})],
    ['最近 recent', 'assessments.listRecent', () => ({ limit: 50 })],
    ['整改 rectifications', 'rectifications.listDue', () => ({})],
    ['证书 certificates', 'certificates.list', () => ({})],
    ['证书 certificates (district, search)', 'certificates.list', (index) => ({ district: pick(districts, index), search: '公司' })],
    ['证书详情 certificate', 'certificates.get', (index) => ({ id: pick(certificateIds, index) })],
    ['区 district ding table', 'ding.table', () => ({})],
    ['区 district dashboard', 'ding.district', (index) => ({ district: pick(districts, index) })],
    ['审计 audit log (first page)', 'audit.list', () => ({})],
    ['审计 audit log (late page)', 'audit.list', (index) => ({ offset: (index * 100 * 37) % 20000 })],
    ['审计 audit log (record)', 'audit.list', (index) => ({ subject: pick(auditSubjects, index) })],
    ['审计 audit log (user, dates)', 'audit.list', () => ({ actor: actor.userId, from: '2026-01-01', to: '2027-12-31' })],
    ['数据交换 bundle history', 'bundles.history', () => ({})],
    ['数据交换 conflicts', 'bundles.conflicts', () => ({ status: 'open' })],
    ['数据交换 trusted workstations', 'trust.list', () => ({})],
    ['备份 backups', 'backups.list', () => ({})],
    ['备份 backup status', 'backups.status', () => ({})],
    ['用户 users', 'users.list', () => ({})],
    ['评分表 rubric packs', 'rubric.list', () => ({})],
    ['系统状态 status', 'system.status', () => ({})],
    ['区 districts', 'districts.list', () => ({})],
  ];
  const rows: { screen: string; procedure: string; p95: number; median: number }[] = [];
  for (const [screen, procedure, input] of screens) {
    const times: number[] = [];
    await call(core, procedure, input(0)); // warm statements
    for (let index = 0; index < samples; index += 1) {
      const began = performance.now();
      await call(core, procedure, input(index + 1));
      times.push(performance.now() - began);
    }
    const sorted = [...times].sort((a, b) => a - b);
    rows.push({ screen, procedure, p95: Math.round(p95(times) * 10) / 10, median: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10 });
  }
  const counts = Object.fromEntries(
    ['units', 'assessments', 'evidence', 'certificates', 'audit_log', 'audit_checkpoints'].map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
  );
  core.close();
  const dbBytes = fs.statSync(dbFile).size;
  const evidenceDir = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'backups');
  const evidenceBytes = evidenceDir.reduce((total, entry) => total + folderBytes(path.join(dir, entry.name)), 0);
  const slow = rows.filter((row) => row.p95 > 200);
  console.log(
    JSON.stringify(
      {
        target,
        counts,
        databaseMB: Math.round(dbBytes / 1048576),
        evidenceMB: Math.round(evidenceBytes / 1048576),
        openCoreMs: { median: Math.round(opening.sort((a, b) => a - b)[2]!), max: Math.round(Math.max(...opening)) },
        coldCliUnitsListMs: { median: Math.round(cold.sort((a, b) => a - b)[2]!), max: Math.round(Math.max(...cold)) },
        screens: rows,
        over200ms: slow.map((row) => row.screen),
      },
      null,
      2,
    ),
  );
  return slow.length === 0;
}

const reusing = values.reuse && values.dir !== undefined && fs.existsSync(dbFile);
log(`soak in ${dir}: ${reusing ? 'measuring the database already there' : JSON.stringify(target)}`);
if (!reusing) await build();
const ok = await measure();
if (values.dir === undefined && ok) fs.rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
