/**
 * Damaged files given to the CLI as a user would: units CSV and XLSX, assessment documents, rubric
 * packs, certificate PDFs and QR texts. Each case must end with exit 0 (the damage happened to
 * leave a good file) or exit 1 with a JSON error that names the problem (never INTERNAL, never a
 * stack), write nothing when refused, and finish well within `hangMs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseQrText } from '../../../electron/main/crypto/qr-payload';
import { damagedBytes, damagedJson, mutateBytes, byteMutation } from '../mutations';
import { hangMs } from '../target';
import type { FuzzTarget } from '../target';
import { cliInProcess } from '../world';
import type { FuzzWorld } from '../world';

let counter = 0;

interface Judged {
  code: number;
  json: Record<string, unknown> | null;
}

async function runJudged(world: FuzzWorld, argv: string[], problems: string[]): Promise<Judged> {
  const before = world.fingerprint();
  const began = Date.now();
  const result = await cliInProcess([...argv, '--db', world.dbFile, '--json']);
  const ms = Date.now() - began;
  if (ms > hangMs) problems.push(`took ${ms} ms`);
  if (result.code !== 0 && result.code !== 1) problems.push(`exit ${result.code}: ${result.stderr.slice(0, 300)}`);
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    problems.push(`stdout is not one JSON document: ${result.stdout.slice(0, 200)} ${result.stderr.slice(0, 200)}`);
  }
  if (result.code === 1) {
    const error = json?.error as { code?: string; message?: string } | undefined;
    if (error && (error.code === 'INTERNAL' || !error.message || error.message.length < 8)) problems.push(`refused with ${error.code}: ${error.message ?? '(no message)'}`);
    // The three shapes of a refusal: { error }, a verdict { valid: false, message }, an import report { errors: [{ line, message }] }.
    const rowErrors = Array.isArray(json?.errors) ? (json.errors as { message?: string }[]) : [];
    const explained = error !== undefined || (json?.valid === false && typeof json.message === 'string' && json.message.length > 0) || (rowErrors.length > 0 && rowErrors.every((row) => typeof row.message === 'string' && row.message.length > 0));
    if (!explained) problems.push(`exit 1 without saying what is wrong: ${result.stdout.slice(0, 200)}`);
    const after = world.fingerprint();
    if (after !== before) problems.push(`refused but wrote: before ${before}, after ${after}`);
  }
  if (/\n\s+at .+:\d+:\d+/.test(result.stderr)) problems.push(`printed a stack trace: ${result.stderr.slice(0, 300)}`);
  return { code: result.code, json };
}

function fileTarget(name: string, extension: string, cases: (world: FuzzWorld) => fc.Arbitrary<Buffer>, argv: (file: string) => string[]): FuzzTarget<Buffer> {
  return {
    name,
    cases,
    async check(world, bytes) {
      const file = path.join(world.dir, `case-${(counter += 1)}.${extension}`);
      fs.writeFileSync(file, bytes);
      const problems: string[] = [];
      try {
        await runJudged(world, argv(file), problems);
      } finally {
        fs.rmSync(file, { force: true });
      }
      return problems;
    },
  };
}

/** CSV lines as people write them by hand: odd quoting, formulas, long cells, other scripts. */
const handWrittenCsv = fc
  .array(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('"', '""', ',', '\r\n', '=SUM(A1)', '企业', '江岸区', '学校', '𠮷', '\u0000', 'x'.repeat(600))), { maxLength: 8 }), { maxLength: 20 })
  .map((rows) => Buffer.from(['单位名称,类型,行业,所属区', ...rows.map((cells) => cells.join(','))].join('\n')));

export const unitsCsv = fileTarget('units CSV', 'csv', (world) => fc.oneof(damagedBytes(world.seeds.unitsCsv), handWrittenCsv), (file) => ['units', 'import', file]);

export const unitsXlsx = fileTarget('units XLSX', 'xlsx', (world) => damagedBytes(world.seeds.unitsXlsx), (file) => ['units', 'import', file]);

export const assessmentJson = fileTarget('assessment JSON', 'json', (world) => damagedJson(world.seeds.assessment), (file) => ['assessments', 'import', file]);

export const rubricPack = fileTarget('rubric pack', 'json', (world) => damagedJson(world.seeds.rubricPack), (file) => ['rubric', 'import', file]);

const aspects = { politicalStability: 90, publicOrder: 88, economicOrder: 91, workSafety: 87, foodDrugSafety: 90, ecology: 85, grassrootsGovernance: 93, livelihood: 89 };
/** A good `dingxing.district-inputs/1` document for two districts. */
const districtInputs = {
  format: 'dingxing.district-inputs/1',
  cycle: 2026,
  districts: [
    { district: '420105', ruleOfLaw: 92, aspects, veto: false, previousGrade: 'bronze' },
    { district: '420102', ruleOfLaw: 88, aspects, veto: false, previousGrade: null },
  ],
};

export const districtInputsJson = fileTarget('district inputs', 'json', () => damagedJson(districtInputs), (file) => ['ding', 'inputs', 'import', file]);

/** A PDF given to `verify`: whatever it is, the answer is a verdict with its reason, never a crash. */
export const certificatePdf: FuzzTarget<Buffer> = {
  name: 'certificate PDF',
  cases: (world) => damagedBytes(world.seeds.plaquePdf),
  async check(world, bytes) {
    const file = path.join(world.dir, `case-${(counter += 1)}.pdf`);
    fs.writeFileSync(file, bytes);
    const problems: string[] = [];
    try {
      const judged = await runJudged(world, ['verify', file], problems);
      if (judged.code === 0 && judged.json?.valid !== true) problems.push('exit 0 without a valid verdict');
    } finally {
      fs.rmSync(file, { force: true });
    }
    return problems;
  },
};

/** A QR text given to `verify --qr`: a damaged payload or signature must never be valid. */
export const qrPayload: FuzzTarget<string> = {
  name: 'QR payload',
  cases: (world) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutateBytes(Buffer.from(world.seeds.qrText), mutations).toString('latin1')) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) => (text.startsWith('-') ? ` ${text}` : text)) },
    ),
  async check(world, text) {
    const problems: string[] = [];
    if (text.length === 0 || text.startsWith('-')) return problems; // a usage error, not an input
    const judged = await runJudged(world, ['verify', '--qr', text], problems);
    if (judged.code === 0) {
      const original = parseQrText(world.seeds.qrText);
      const parsed = parseQrText(text);
      const same = original.ok && parsed.ok && original.payloadBytes.equals(parsed.payloadBytes) && original.signature.equals(parsed.signature);
      if (!same) problems.push(`a changed QR text verified as valid: ${text.slice(0, 120)}`);
    }
    return problems;
  },
};

export const cliFileTargets = [unitsCsv, unitsXlsx, assessmentJson, rubricPack, districtInputsJson, certificatePdf, qrPayload];
