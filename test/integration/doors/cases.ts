// One realistic call of every procedure in the contract, with what it should answer. The same
// table runs through each door; a procedure without a case fails the test that reads it.
import type { CallResult } from '@shared/api/call-result';
import type { ErrorCode } from '@shared/api/errors';
import type { ProcedureName } from '@shared/api/contract';
import { onePixelPng, passphrase, password, scratchDir, unitsCsv } from './world';
import type { World } from './world';
import fs from 'node:fs';
import path from 'node:path';

/** How a case reaches the core: through the door under test, as the door's own caller. */
export interface Door {
  name: string;
  call(name: string, input: unknown, jobId?: string): Promise<CallResult>;
}

export interface Case {
  name: ProcedureName;
  /** The input, made fresh for each door (a new draft, an upload of the door's own caller, …). */
  input(world: World, door: Door): unknown;
  expect: 'ok' | ErrorCode;
  /** What a caller without a login session (the command line) gets, where that differs. */
  withoutSession?: 'ok' | ErrorCode;
  /** The call ends or replaces the door's session: the door logs in again afterwards. */
  relogin?: true;
}

async function value<T>(result: Promise<CallResult>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value as T;
}

async function upload(door: Door, fileName: string, contentBase64: string): Promise<string> {
  const bytes = Buffer.from(contentBase64, 'base64');
  const { uploadId } = await value<{ uploadId: string }>(door.call('files.startUpload', { fileName, bytes: bytes.length }));
  await value(door.call('files.uploadChunk', { uploadId, offset: 0, dataBase64: contentBase64 }));
  return uploadId;
}

const csvBase64 = (tag: string) => Buffer.from(unitsCsv(tag), 'utf8').toString('base64');
const exampleJson = (file: string) => JSON.parse(fs.readFileSync(`docs/examples/${file}`, 'utf8')) as unknown;
const inputsDocument = () => JSON.parse(fs.readFileSync('docs/examples/inputs-2026.json', 'utf8')) as unknown;
let serial = 0;
const tag = () => `·${(serial += 1)}`;

async function previewToken(door: Door): Promise<string> {
  return (await value<{ token: string }>(door.call('units.importPreview', { fileName: 'units.csv', contentBase64: csvBase64(tag()) }))).token;
}

export const cases: Case[] = [
  { name: 'system.status', input: () => ({}), expect: 'ok' },
  { name: 'system.backup', input: () => ({}), expect: 'ok' },
  { name: 'system.backupTo', input: () => ({ file: path.join(scratchDir(), 'copy.sqlite') }), expect: 'ok' },
  { name: 'system.integrityCheck', input: () => ({}), expect: 'ok' },
  { name: 'jobs.cancel', input: () => ({ jobId: 'no-such-job' }), expect: 'ok' },
  { name: 'scoring.preview', input: () => ({ rubric: 'wuhan-star@2026.1', unit: { kind: 'enterprise', industry: null, households: null }, answers: { 'RES-1': true }, previousStars: 0, lastVetoOn: null, assessedOn: '2026-11-20' }), expect: 'ok' },
  { name: 'scoring.score', input: () => ({ source: 'assessment.json', document: exampleJson('assessment.json') }), expect: 'ok' },
  { name: 'scoring.rescore', input: () => ({ cycle: 2026, documents: [{ source: 'assessment.json', document: exampleJson('assessment.json') }] }), expect: 'ok' },
  { name: 'rubric.list', input: () => ({}), expect: 'ok' },
  { name: 'rubric.get', input: () => ({ ref: 'wuhan-star@2026.1' }), expect: 'ok' },
  { name: 'rubric.import', input: () => ({ pack: exampleJson('jiangxia-star-2026.2.json') }), expect: 'ok' },
  { name: 'districts.list', input: () => ({}), expect: 'ok' },
  { name: 'units.list', input: () => ({ district: '420105', limit: 5 }), expect: 'ok' },
  { name: 'units.get', input: async (w) => ({ id: await w.unit() }), expect: 'ok' },
  { name: 'units.create', input: () => ({ name: `新登记单位${tag()}`, kind: 'community', districtCode: '420106', households: 1200 }), expect: 'ok' },
  { name: 'units.update', input: async (w) => ({ id: await w.unit(), fields: { name: `改名单位${tag()}`, kind: 'enterprise', districtCode: '420105' } }), expect: 'ok' },
  { name: 'units.importPreview', input: () => ({ fileName: 'units.csv', contentBase64: csvBase64(tag()) }), expect: 'ok' },
  { name: 'units.importPreviewRows', input: async (_w, door) => ({ token: await previewToken(door), only: 'all', offset: 0, limit: 10 }), expect: 'ok' },
  { name: 'units.importPreviewErrors', input: async (_w, door) => ({ token: await previewToken(door), offset: 0, limit: 10 }), expect: 'ok' },
  { name: 'units.importErrorsCsv', input: async (_w, door) => ({ token: await previewToken(door) }), expect: 'ok' },
  { name: 'units.import', input: async (_w, door) => ({ token: await previewToken(door) }), expect: 'ok' },
  { name: 'assessments.start', input: async (w) => ({ unitId: await w.unit(), cycle: 2026, assessedOn: '2026-11-20' }), expect: 'ok' },
  { name: 'assessments.get', input: async (w) => ({ id: await w.completeDraft() }), expect: 'ok' },
  { name: 'assessments.saveDraft', input: async (w) => ({ id: await w.completeDraft(), answers: { 'RES-1': true } }), expect: 'ok' },
  { name: 'assessments.preview', input: async (w) => ({ id: await w.completeDraft(), answers: { 'RES-1': false } }), expect: 'ok' },
  { name: 'assessments.submit', input: async (w) => ({ id: await w.completeDraft() }), expect: 'ok' },
  { name: 'assessments.reopen', input: async (w) => ({ id: await w.submitted(), reason: 'PRE-3 照片不清楚，请补拍 / retake the PRE-3 photo' }), expect: 'ok' },
  { name: 'assessments.sign', input: async (w) => ({ id: await w.submitted() }), expect: 'ok' },
  { name: 'assessments.finalize', input: async (w) => ({ id: await w.signed() }), expect: 'ok' },
  { name: 'assessments.supersede', input: async (w) => ({ id: await w.signed(), reason: '复核后更正 / corrected after review' }), expect: 'ok' },
  { name: 'assessments.discard', input: async (w) => ({ id: await w.completeDraft() }), expect: 'ok' },
  { name: 'assessments.listDrafts', input: () => ({}), expect: 'ok' },
  { name: 'assessments.listForUnit', input: async (w) => ({ unitId: await w.unit() }), expect: 'ok' },
  { name: 'assessments.search', input: () => ({ statuses: ['draft'], limit: 10 }), expect: 'ok' },
  { name: 'assessments.listRecent', input: () => ({ limit: 10 }), expect: 'ok' },
  { name: 'assessments.import', input: () => ({ documents: [{ source: 'assessment.json', json: exampleJson('assessment.json') }] }), expect: 'ok' },
  { name: 'evidence.add', input: async (w) => ({ assessmentId: await w.completeDraft(), itemId: 'RES-1', name: 'photo.png', mime: 'image/png', dataBase64: onePixelPng }), expect: 'ok' },
  { name: 'evidence.list', input: async (w) => ({ assessmentId: await w.completeDraft() }), expect: 'ok' },
  {
    name: 'evidence.get',
    input: async (w) => ({ id: (await w.setup('evidence.add', { assessmentId: await w.completeDraft(), itemId: 'RES-1', name: 'photo.png', mime: 'image/png', dataBase64: onePixelPng })).id }),
    expect: 'ok',
  },
  {
    name: 'evidence.remove',
    input: async (w) => ({ id: (await w.setup('evidence.add', { assessmentId: await w.completeDraft(), itemId: 'RES-1', name: 'photo.png', mime: 'image/png', dataBase64: onePixelPng })).id }),
    expect: 'ok',
  },
  { name: 'rectifications.open', input: async (w) => ({ unitId: await w.unit(), description: '消防通道堆放杂物', dueOn: '2026-12-20' }), expect: 'ok' },
  { name: 'rectifications.close', input: async (w) => ({ id: (await w.setup('rectifications.open', { unitId: await w.unit(), description: '监控缺失', dueOn: '2026-12-20' })).id, closedOn: '2026-12-01' }), expect: 'ok' },
  { name: 'rectifications.listForUnit', input: async (w) => ({ unitId: await w.unit() }), expect: 'ok' },
  { name: 'rectifications.listDue', input: () => ({ asOf: '2026-12-01' }), expect: 'ok' },
  { name: 'home.summary', input: () => ({}), expect: 'ok' },
  { name: 'demo.load', input: () => ({ units: 15, seed: 7 }), expect: 'ok' },
  { name: 'session.get', input: () => ({}), expect: 'ok' },
  { name: 'session.login', input: () => ({ name: 'tester', password }), expect: 'ok', relogin: true },
  { name: 'session.logout', input: () => ({}), expect: 'ok', relogin: true },
  { name: 'session.lock', input: () => ({}), expect: 'ok' },
  // The command line has no session to unlock, and is no user of this workstation with a password.
  { name: 'session.unlock', input: () => ({ password }), expect: 'ok', withoutSession: 'UNAUTHORIZED' },
  { name: 'session.changePassword', input: () => ({ current: password, next: password }), expect: 'ok', withoutSession: 'NOT_FOUND' },
  { name: 'setup.createAdmin', input: () => ({ name: 'second-admin', displayName: '第二管理员', password }), expect: 'CONFLICT' },
  { name: 'users.list', input: () => ({}), expect: 'ok' },
  { name: 'users.add', input: () => ({ name: `user${(serial += 1)}`, displayName: '新用户', roles: ['inspector'], password }), expect: 'ok' },
  { name: 'users.update', input: (w) => ({ id: w.userId('inspector'), displayName: `检查员${tag()}` }), expect: 'ok' },
  { name: 'users.resetPassword', input: (w) => ({ id: w.userId('leader'), password }), expect: 'ok' },
  { name: 'backups.list', input: () => ({}), expect: 'ok' },
  // A core that does not host itself (the test's, the CLI's) cannot put a backup in place while running.
  { name: 'backups.restore', input: async (w) => ({ name: (await w.setup('backups.list', {})).backups[0]?.name ?? 'none.sqlite' }), expect: 'REFUSED' },
  { name: 'backups.status', input: () => ({}), expect: 'ok' },
  { name: 'audit.list', input: () => ({ limit: 20 }), expect: 'ok' },
  { name: 'audit.verify', input: () => ({}), expect: 'ok' },
  { name: 'audit.checkpoint', input: () => ({}), expect: 'ok' },
  { name: 'ding.table', input: () => ({ cycle: 2026 }), expect: 'ok' },
  { name: 'ding.district', input: () => ({ district: '420105', cycle: 2026 }), expect: 'ok' },
  { name: 'ding.inputs.current', input: () => ({ cycle: 2026 }), expect: 'ok' },
  { name: 'ding.inputs.record', input: () => inputsDocument(), expect: 'ok' },
  { name: 'ding.inputs.import', input: () => ({ fileName: 'inputs-2026.json', document: inputsDocument() }), expect: 'ok' },
  { name: 'exports.dingXlsx', input: () => ({ cycle: 2026 }), expect: 'ok' },
  { name: 'exports.unitsXlsx', input: () => ({ district: '420105' }), expect: 'ok' },
  {
    name: 'summary.district',
    input: async (w) => {
      await w.setup('ding.inputs.record', inputsDocument() as never);
      return { district: '420105', cycle: 2026 };
    },
    expect: 'ok',
  },
  {
    name: 'summary.city',
    input: async (w) => {
      await w.setup('ding.inputs.record', inputsDocument() as never);
      return { cycle: 2026 };
    },
    expect: 'ok',
  },
  { name: 'certificates.issue', input: async (w) => ({ assessmentId: await w.signed() }), expect: 'ok' },
  { name: 'certificates.list', input: () => ({ limit: 10 }), expect: 'ok' },
  { name: 'certificates.page', input: () => ({ limit: 10 }), expect: 'ok' },
  { name: 'certificates.get', input: async (w) => ({ id: await w.certificate() }), expect: 'ok' },
  { name: 'certificates.forAssessment', input: async (w) => ({ assessmentId: await w.signed() }), expect: 'ok' },
  { name: 'certificates.revoke', input: async (w) => ({ id: await w.certificate(), reason: '单位已注销 / the unit closed' }), expect: 'ok' },
  { name: 'certificates.plaquePdf', input: async (w) => ({ id: await w.certificate() }), expect: 'ok' },
  { name: 'certificates.batchPdf', input: async (w) => ({ ids: [await w.certificate()] }), expect: 'ok' },
  // Printing needs the desktop's print dialog; every other door says so.
  { name: 'certificates.print', input: async (w) => ({ id: await w.certificate() }), expect: 'CONFLICT' },
  { name: 'certificates.reportPdf', input: async (w) => ({ assessmentId: await w.signed() }), expect: 'ok' },
  { name: 'certificates.verifyQr', input: () => ({ text: 'DX1.bm90.c2lnbmVk' }), expect: 'ok' },
  {
    name: 'certificates.verifyPdf',
    input: async (w) => ({ pdfBase64: (await w.setup('certificates.plaquePdf', { id: await w.certificate() })).pdfBase64 }),
    expect: 'ok',
  },
  { name: 'identity.show', input: () => ({}), expect: 'ok' },
  { name: 'identity.get', input: () => ({}), expect: 'ok' },
  { name: 'keys.status', input: () => ({}), expect: 'ok' },
  // The world's keys were made beforehand: a second set is refused, whichever door asks.
  { name: 'keys.create', input: () => ({ passphrase: 'a second passphrase' }), expect: 'CONFLICT' },
  { name: 'keys.unlock', input: () => ({ passphrase }), expect: 'ok' },
  { name: 'keys.lock', input: () => ({}), expect: 'ok' },
  { name: 'verification.address', input: () => ({}), expect: 'ok' },
  { name: 'verification.setAddress', input: () => ({ address: 'https://pingan.wuhan.gov.cn/verify' }), expect: 'ok' },
  { name: 'workstation.setName', input: () => ({ name: '门户测试工作站' }), expect: 'ok' },
  { name: 'certificates.verifierPage', input: () => ({}), expect: 'ok' },
  { name: 'bundles.export', input: () => ({ full: false }), expect: 'ok' },
  { name: 'bundles.exportCity', input: () => ({}), expect: 'ok' },
  {
    name: 'bundles.exportSaved',
    input: async (_w, door) => ({ downloadId: (await value<{ download: { downloadId: string } }>(door.call('bundles.export', { full: true }))).download.downloadId }),
    expect: 'ok',
  },
  {
    name: 'bundles.import',
    input: async (w, door) => {
      await w.setup('trust.add', { identityJson: w.mail.laptopIdentityJson });
      return { uploadId: await upload(door, w.mail.laptopBundle.fileName, w.mail.laptopBundle.contentBase64) };
    },
    expect: 'ok',
  },
  {
    name: 'bundles.importCity',
    input: async (w) => {
      await w.setup('trust.addCity', { identityJson: w.mail.cityIdentityJson });
      return w.mail.cityBundle;
    },
    expect: 'ok',
  },
  { name: 'bundles.history', input: () => ({}), expect: 'ok' },
  // The city office's bundle again, as `dingxing import` takes either kind: nothing new, nothing refused.
  { name: 'bundles.importAny', input: async (w, door) => ({ uploadId: await upload(door, w.mail.cityBundle.fileName, w.mail.cityBundle.contentBase64) }), expect: 'ok' },
  { name: 'bundles.conflicts', input: () => ({ status: 'all' }), expect: 'ok' },
  { name: 'bundles.resolveConflict', input: () => ({ id: '0192f5a0-0000-7000-8000-000000000000', keep: 'keep-local' }), expect: 'NOT_FOUND' },
  { name: 'trust.list', input: () => ({}), expect: 'ok' },
  { name: 'trust.acknowledgeWarning', input: () => ({ id: '0192f5a0-0000-7000-8000-000000000001', note: '已核实 / looked into' }), expect: 'NOT_FOUND' },
  { name: 'trust.add', input: (w) => ({ identityJson: w.mail.laptopIdentityJson }), expect: 'ok' },
  { name: 'trust.addCity', input: (w) => ({ identityJson: w.mail.cityIdentityJson }), expect: 'ok' },
  {
    name: 'trust.revoke',
    input: async (w) => {
      const entry = (await w.setup('trust.add', { identityJson: w.mail.laptopIdentityJson })).entry;
      return { workstationId: entry.workstationId, reason: '笔记本遗失 / laptop lost' };
    },
    expect: 'ok',
  },
  {
    name: 'trust.setDistricts',
    input: async (w) => {
      const entry = (await w.setup('trust.add', { identityJson: w.mail.laptopIdentityJson })).entry;
      return { workstationId: entry.workstationId, districts: ['420105', '汉阳区', '420106'] };
    },
    expect: 'ok',
  },
  { name: 'identity.export', input: () => ({ city: false }), expect: 'ok' },
  { name: 'plan.workstations', input: () => ({}), expect: 'ok' },
  { name: 'plan.add', input: async (w) => ({ cycle: 2026, unitIds: [await w.unit()], assigneeId: w.core.services.workstation.id, dueOn: '2026-12-20' }), expect: 'ok' },
  {
    name: 'plan.import',
    input: async (w) => {
      const name = `计划单位${tag()}`;
      await w.setup('units.create', { name, kind: 'enterprise', districtCode: '420105' });
      const csv = `年度,区,单位名称,工作站,截止日期\n2026,汉阳区,${name},${w.core.services.workstation.id},2026-12-20\n`;
      return { fileName: 'plan-2026.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
    },
    expect: 'ok',
  },
  { name: 'plan.list', input: () => ({ cycle: 2026, limit: 20 }), expect: 'ok' },
  { name: 'plan.progress', input: () => ({ cycle: 2026 }), expect: 'ok' },
  {
    name: 'plan.remove',
    input: async (w) => {
      const unitId = await w.unit();
      await w.setup('plan.add', { cycle: 2026, unitIds: [unitId], assigneeId: w.core.services.workstation.id, dueOn: '2026-12-20' });
      const { entries } = await w.setup('plan.list', { cycle: 2026, limit: 100_000 });
      return { ids: entries.filter((entry) => entry.unitId === unitId).map((entry) => entry.id) };
    },
    expect: 'ok',
  },
  { name: 'registry.staleBases', input: () => ({ open: true }), expect: 'ok' },
  // No assessment here was signed on a basis that changed since: the decision finds no mark.
  { name: 'registry.decideStale', input: () => ({ assessmentId: '0192f5a0-0000-7000-8000-000000000002', decision: 'stands' }), expect: 'NOT_FOUND' },
  { name: 'files.startUpload', input: () => ({ fileName: 'week.dxb', bytes: 10 }), expect: 'ok' },
  {
    name: 'files.uploadChunk',
    input: async (_w, door) => {
      const { uploadId } = await value<{ uploadId: string }>(door.call('files.startUpload', { fileName: 'week.dxb', bytes: 3 }));
      return { uploadId, offset: 0, dataBase64: Buffer.from('dxb').toString('base64') };
    },
    expect: 'ok',
  },
  {
    name: 'files.readDownload',
    input: async (_w, door) => ({ downloadId: (await value<{ download: { downloadId: string } }>(door.call('bundles.export', { full: true }))).download.downloadId, offset: 0 }),
    expect: 'ok',
  },
];
