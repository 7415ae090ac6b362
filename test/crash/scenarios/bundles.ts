/**
 * Bundles killed both ways. The world's workstation is a laptop; a second database beside it is
 * the city office that enrolled it and imports what it sends.
 *
 * `dingxing export`, killed: a bundle under the final name is whole (the city imports it), a
 * partial file left under a temporary name is refused by import and changes nothing (one killed
 * after its last byte is the whole bundle, and imports whole), the export history (the cursor of
 * the next incremental export) records only a bundle that was written and saved, and the next
 * export still carries everything the city lacks.
 *
 * `dingxing import FILE.dxb`, killed at the city: the bundle's records are there all or none, an
 * import in the history exactly when they are, and a re-import afterwards is complete; one more
 * re-import adds nothing.
 *
 * Every other kill is aimed at the stage that matters rather than at a time (most of a short
 * command's life is starting up): a few milliseconds after the bundle's file appears, or after
 * the city's write-ahead log starts to grow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, runAndKill, runAndKillWhen } from '../processes';
import type { Ran } from '../processes';
import { integrityProblems, startProblems, withDb } from '../checks';
import type { Scenario } from '../scenario';
import { keyEnv } from '../world';
import type { World } from '../world';

/** The tables whose every row the city must hold after the laptop's next export is imported. */
const tracked = ['units', 'unit_star_history', 'assessments', 'evidence', 'rectifications', 'certificates', 'certificate_revocations', 'district_inputs'] as const;

interface ImportJson {
  reports: { status: 'imported' | 'refused'; bundleId: string | null; added: Record<string, number>; refused: { entry: string; reason: string }[] }[];
}

const cities = new Map<string, Promise<string>>();

/** The city office's database, enrolled with the laptop's identity once per world. */
function cityOf(world: World): Promise<string> {
  let city = cities.get(world.dir);
  if (city === undefined) {
    city = (async () => {
      const cityFile = path.join(world.dir, 'city.sqlite');
      const identity = path.join(world.dir, 'laptop-identity.json');
      for (const args of [
        ['identity', 'export', '--out', identity, '--db', world.dbFile],
        ['trust', 'add', identity, '--db', cityFile],
      ]) {
        const ran = await run(args, keyEnv);
        if (ran.code !== 0) throw new Error(`crash set-up: dingxing ${args.join(' ')} → ${ran.code}: ${ran.stderr}`);
      }
      return cityFile;
    })();
    cities.set(world.dir, city);
  }
  return city;
}

function parsed(ran: Ran): ImportJson | null {
  try {
    return JSON.parse(ran.stdout) as ImportJson;
  } catch {
    return null;
  }
}

/** Imports at the city, unkilled; names what went wrong when a whole bundle is not imported. */
async function importWhole(cityFile: string, file: string, what: string): Promise<string[]> {
  const ran = await run(['import', file, '--db', cityFile, '--json'], keyEnv);
  const report = parsed(ran)?.reports[0];
  if (ran.code === 0 && report?.status === 'imported') return [];
  return [`${what} ${path.basename(file)} was not imported (exit ${ran.code}): ${report?.refused.map((refusal) => `${refusal.entry}: ${refusal.reason}`).join('; ') ?? ran.stderr.slice(0, 200)}`];
}

/** Rows of the laptop the city does not hold (by id, or as a linked unit's alias). */
function missingAtCity(laptopFile: string, cityFile: string): string[] {
  const ids = (file: string) =>
    withDb(file, (db) => new Map(tracked.map((table) => [table, new Set(db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[])])));
  const laptop = ids(laptopFile);
  const city = ids(cityFile);
  const aliases = new Set(withDb(cityFile, (db) => db.prepare('SELECT alias_id FROM unit_aliases').pluck().all() as string[]));
  const problems: string[] = [];
  for (const table of tracked) {
    const missing = [...laptop.get(table)!].filter((id) => !city.get(table)!.has(id) && !(table === 'units' && aliases.has(id)));
    if (missing.length > 0) problems.push(`after the next export the city lacks ${missing.length} ${table} rows of the laptop (first ${missing[0]})`);
  }
  return problems;
}

function cityCounts(cityFile: string): string {
  return withDb(cityFile, (db) => tracked.map((table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number).join(','));
}

/** New work on the laptop, so each bundle carries something: `units` units under a fresh tag. */
async function newUnits(world: World, units: number): Promise<string> {
  const tag = world.tag('crash-bundle');
  const file = world.file(`${tag}.csv`, ['name,kind,industry,district', ...Array.from({ length: units }, (_, row) => `${tag}-${row},企业,,江汉区`)].join('\n'));
  const ran = await run(['units', 'import', file, '--db', world.dbFile]);
  fs.rmSync(file, { force: true });
  if (ran.code !== 0) throw new Error(`crash set-up: units import → ${ran.code}: ${ran.stderr}`);
  return tag;
}

let exports = 0;

export const bundleExport: Scenario = {
  name: 'bundle export',
  firstWindowMs: 2500,
  async attempt(world, afterMs) {
    const cityFile = await cityOf(world);
    await newUnits(world, 200);
    // Every third export is --full: the whole laptop, the longest write.
    const full = (exports += 1) % 3 === 0;
    const name = `${world.tag('export')}.dxb`;
    const out = path.join(world.dir, name);
    const args = ['export', '--out', out, ...(full ? ['--full'] : []), '--db', world.dbFile, '--json'];
    const fileAppeared = () => fs.readdirSync(world.dir).some((file) => file.startsWith(name));
    const ran = exports % 2 === 0 ? await runAndKillWhen(args, fileAppeared, afterMs % 40, afterMs + 15_000, keyEnv) : await runAndKill(args, afterMs, keyEnv);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`export failed (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    const recorded = withDb(world.dbFile, (db) => db.prepare('SELECT count(*) FROM bundle_exports WHERE file_name = ?').pluck().get(name) as number);
    const written = fs.existsSync(out);
    if (recorded > 0 && !written) problems.push(`export ${name} is in the history (the next export starts after it) but the bundle was never written`);
    if (ran.code === 0 && !written) problems.push(`export ${name} was acknowledged but the bundle is missing`);
    if (written) problems.push(...(await importWhole(cityFile, out, 'the bundle under its final name')));
    // Whatever the kill left under a temporary name is either refused, changing nothing, or (killed
    // between the last byte and the rename) the whole signed bundle, which imports whole.
    const partials = fs.readdirSync(world.dir).filter((file) => file.startsWith(`${name}.`));
    let outcome = written ? (recorded > 0 ? 'whole bundle, recorded' : 'whole bundle, not recorded') : partials.length > 0 ? 'partial file refused' : 'no file';
    for (const partial of partials) {
      const before = cityCounts(cityFile);
      const imported = await run(['import', path.join(world.dir, partial), '--db', cityFile, '--json'], keyEnv);
      const status = parsed(imported)?.reports[0]?.status;
      if (imported.code === 0 && status === 'imported') outcome = 'whole bundle under a temporary name, imported';
      else {
        if (status !== 'refused') problems.push(`a partial bundle ${partial} was neither imported whole nor refused (exit ${imported.code})`);
        if (cityCounts(cityFile) !== before) problems.push(`importing the partial bundle ${partial} changed the city's records`);
      }
      fs.rmSync(path.join(world.dir, partial), { force: true });
    }
    const next = path.join(world.dir, `${world.tag('next')}.dxb`);
    const nextRan = await run(['export', '--out', next, '--db', world.dbFile, '--json'], keyEnv);
    if (nextRan.code !== 0) problems.push(`the export after the kill failed (exit ${nextRan.code}): ${nextRan.stderr.slice(0, 200)}`);
    else problems.push(...(await importWhole(cityFile, next, 'the export after the kill')), ...missingAtCity(world.dbFile, cityFile));
    fs.rmSync(out, { force: true });
    fs.rmSync(next, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems, outcome: `${full ? 'full' : 'incremental'}: ${outcome}` };
  },
};

const bundleUnits = 300;
let imports = 0;

export const bundleImport: Scenario = {
  name: 'bundle import',
  firstWindowMs: 2500,
  async attempt(world, afterMs) {
    const cityFile = await cityOf(world);
    const tag = await newUnits(world, bundleUnits);
    const file = path.join(world.dir, `${tag}.dxb`);
    const exported = await run(['export', '--out', file, '--db', world.dbFile, '--json'], keyEnv);
    if (exported.code !== 0) throw new Error(`crash set-up: export → ${exported.code}: ${exported.stderr}`);
    const bundleId = (JSON.parse(exported.stdout) as { bundleId: string }).bundleId;
    const state = () =>
      withDb(cityFile, (db) => ({
        units: db.prepare('SELECT count(*) FROM units WHERE name LIKE ?').pluck().get(`${tag}-%`) as number,
        imports: db.prepare("SELECT count(*) FROM bundle_imports WHERE bundle_id = ? AND status = 'imported'").pluck().get(bundleId) as number,
        refusals: db.prepare("SELECT count(*) FROM bundle_imports WHERE bundle_id = ? AND status = 'refused'").pluck().get(bundleId) as number,
      }));

    const args = ['import', file, '--db', cityFile, '--json'];
    const wal = `${cityFile}-wal`;
    const walBytes = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
    const walBefore = walBytes();
    const ran = (imports += 1) % 2 === 0 ? await runAndKillWhen(args, () => walBytes() > walBefore, afterMs % 30, afterMs + 15_000, keyEnv) : await runAndKill(args, afterMs, keyEnv);
    const problems: string[] = [...integrityProblems(cityFile)];
    if (!ran.killed && ran.code !== 0) problems.push(`import refused a good bundle (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    const after = state();
    if (ran.code === 0 && after.units !== bundleUnits) problems.push(`import acknowledged, ${after.units} of ${bundleUnits} units are there`);
    if (after.units !== 0 && after.units !== bundleUnits) problems.push(`import left ${after.units} of ${bundleUnits} units (not all or nothing)`);
    if ((after.imports > 0) !== (after.units === bundleUnits)) problems.push(`the import history (${after.imports} imports) disagrees with the records (${after.units} of ${bundleUnits} units)`);
    if (after.refusals > 0) problems.push(`a good bundle was recorded as refused`);

    const outcome = after.units === bundleUnits ? 'all written' : 'nothing written';
    problems.push(...(await importWhole(cityFile, file, 'the re-import after the kill')));
    const complete = state();
    if (complete.units !== bundleUnits) problems.push(`after the re-import ${complete.units} of ${bundleUnits} units are there`);
    const again = await run(['import', file, '--db', cityFile, '--json'], keyEnv);
    const added = parsed(again)?.reports[0]?.added ?? {};
    if (again.code !== 0 || Object.values(added).some((count) => count > 0)) problems.push(`a second re-import was not a no-op (exit ${again.code}, added ${JSON.stringify(added)})`);
    if (state().units !== bundleUnits) problems.push('a second re-import changed the unit count');
    problems.push(...(await startProblems(cityFile)));
    fs.rmSync(file, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems, outcome };
  },
};
