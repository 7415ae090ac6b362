/**
 * The database and the good inputs the fuzz campaign damages: a units CSV and XLSX, an assessment
 * document, the default rubric pack, and a real certificate (its QR text and its signed PDF).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import BetterSqlite3 from 'better-sqlite3';
import { runCli } from '../../electron/main/cli/run-cli';

export const keyPassphrase = 'fuzz-key-passphrase';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cliInProcess(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

export interface FuzzWorld {
  dir: string;
  dbFile: string;
  seeds: { unitsCsv: Buffer; unitsXlsx: Buffer; assessment: unknown; rubricPack: unknown; qrText: string; plaquePdf: Buffer };
  /** Row counts of every table: equal before and after means nothing was written. */
  fingerprint(): string;
}

async function unitsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('单位');
  sheet.addRow(['单位名称', '类型', '行业', '所属区']);
  sheet.addRow(['江岸测试超市', '企业', '', '江岸区']);
  sheet.addRow(['汉阳测试学校', '学校', '', '汉阳区']);
  sheet.addRow(['武昌测试社区', '社区', '', '武昌区']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function must(argv: string[]): Promise<CliResult> {
  const result = await cliInProcess(argv);
  if (result.code !== 0) throw new Error(`fuzz set-up: dingxing ${argv.join(' ')} → ${result.code}: ${result.stderr}`);
  return result;
}

export async function makeFuzzWorld(dir: string): Promise<FuzzWorld> {
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, 'fuzz.sqlite');
  const assessment = JSON.parse(fs.readFileSync(path.resolve('test/fixtures/assessments/delivery-contract-example.json'), 'utf8')) as Record<string, unknown>;
  const rubricPack = JSON.parse(fs.readFileSync(path.resolve('electron/main/rubric/default-packs/wuhan-star-2026.1.json'), 'utf8')) as unknown;
  await must(['init', '--db', dbFile]);
  const assessmentFile = path.join(dir, 'seed-assessment.json');
  fs.writeFileSync(assessmentFile, JSON.stringify({ ...assessment, unit: { ...(assessment.unit as object), name: '武汉模糊测试快递有限公司', uscc: undefined } }));
  const imported = JSON.parse((await must(['assessments', 'import', assessmentFile, '--db', dbFile, '--json'])).stdout) as unknown;
  const assessmentId = JSON.stringify(imported).match(/"([0-9a-f-]{36})"/)?.[1];
  if (!assessmentId) throw new Error(`fuzz set-up: no assessment id in ${JSON.stringify(imported)}`);
  const plaque = path.join(dir, 'seed-plaque.pdf');
  const previous = process.env.DINGXING_KEY_PASSPHRASE;
  process.env.DINGXING_KEY_PASSPHRASE = keyPassphrase;
  try {
    await must(['identity', 'create', '--db', dbFile]);
    await must(['certificate', 'issue', assessmentId, '--out', plaque, '--db', dbFile]);
  } finally {
    if (previous === undefined) delete process.env.DINGXING_KEY_PASSPHRASE;
    else process.env.DINGXING_KEY_PASSPHRASE = previous;
  }
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const qrText = db.prepare('SELECT qr_payload FROM certificates LIMIT 1').pluck().get() as string;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  db.close();
  return {
    dir,
    dbFile,
    seeds: { unitsCsv: fs.readFileSync(path.resolve('test/fixtures/units/units-zh.utf8.csv')), unitsXlsx: await unitsWorkbook(), assessment, rubricPack, qrText, plaquePdf: fs.readFileSync(plaque) },
    fingerprint() {
      const reader = new BetterSqlite3(dbFile, { readonly: true });
      try {
        return tables.map((table) => `${table}:${reader.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number}`).join(' ');
      } finally {
        reader.close();
      }
    },
  };
}
