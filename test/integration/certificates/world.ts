// A core with assessments to issue certificates from, and the tools to look at the PDFs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { usccCheckCharacter } from '@shared/domain/uscc';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import type { DocumentTools } from '../../../electron/main/certificates/signing-keys';
import type { DomainContext } from '../../../electron/main/context/domain-context';
import { contextOf } from '../../helpers/context';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import type { Core } from '../../../electron/main/host/core';
import { perfectAnswers } from '../../unit/scoring/default-pack';
import { testCore } from '../../helpers/core';
import { makeKeys } from '../../helpers/keys';
import { tempDir } from '../../helpers/temp';

export const passphrase = 'correct horse battery staple';

let usccSerial = 0;
export function newUscc(): string {
  usccSerial += 1;
  const body = `91420105MA4K${String(usccSerial).padStart(5, '0')}`;
  return body + usccCheckCharacter(body);
}

export function assessmentDocument(overrides: { name?: string; district?: string; uscc?: string | null; cycle?: number; assessedOn?: string; answers?: Record<string, unknown>; previousStars?: number } = {}) {
  const uscc = overrides.uscc === undefined ? newUscc() : overrides.uscc;
  return {
    format: 'dingxing.assessment/1',
    rubric: 'wuhan-star@2026.1',
    unit: { name: overrides.name ?? '汉阳测试物流有限公司', kind: 'enterprise', industry: null, district: overrides.district ?? '420105', households: null, ...(uscc ? { uscc } : {}) },
    cycle: overrides.cycle ?? 2026,
    assessedOn: overrides.assessedOn ?? '2026-11-20',
    previousStars: overrides.previousStars ?? 2,
    lastVetoOn: null,
    answers: { ...perfectAnswers(), 'SAT-1': { respondents: 120, safe: 118 }, ...(overrides.answers ?? {}) },
  };
}

export type Tools = DocumentTools & { dataDir: string };

export interface World {
  core: Core;
  /** The key store (unlocked by the world's passphrase), the fonts and the evidence folder. */
  tools: Tools;
  dir: string;
  /** The context of the user `userId` (a leader, say) on the world's clock. */
  as(userId?: string): DomainContext;
  /** Records a final assessment and returns its id. */
  assess(overrides?: Parameters<typeof assessmentDocument>[0]): string;
  toolsWith(passphraseText: string | null): Tools;
}

export async function certificateWorld(now: () => Date = () => new Date('2026-12-01T10:00:00Z')): Promise<World> {
  const core = await testCore();
  await makeKeys(core, passphrase, now());
  const toolsWith = (text: string | null): Tools => ({ keyStore: text === null ? null : new PassphraseKeyStore(text), fontsDir: path.resolve('build/fonts'), dataDir: core.services.dataDir });
  return {
    core,
    tools: toolsWith(passphrase),
    dir: tempDir(),
    as: (userId = 'leader') => contextOf(core, { userId, name: userId, displayName: userId, roles: ['leader'] }, now),
    assess(overrides = {}) {
      const [recorded] = importAssessmentDocuments(contextOf(core, cliActor(), now), [{ source: 'test.json', json: assessmentDocument(overrides) }]);
      return recorded!.id;
    },
    toolsWith,
  };
}

export function writePdf(dir: string, name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}

export function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders page 1 at 150 dpi and decodes its QR code with zbarimg. */
export function scanQr(file: string, dir: string): string {
  const prefix = path.join(dir, `page-${path.basename(file, '.pdf')}`);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return execFileSync('zbarimg', ['-q', '--raw', `${prefix}.png`], { encoding: 'utf8' }).trim();
}
