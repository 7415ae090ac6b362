// A city office and laptops, each a core on its own database with its own keys, as people use
// them: the city enrolls each laptop for its districts (trust.add), each laptop enrolls the city,
// bundles travel both ways, and assessments go through start → submit → sign like in the app.
import path from 'node:path';
import type { Answers } from '@shared/api/procedures/assessments';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '@shared/api/contract';
import { DxError } from '@shared/api/errors';
import type { ImportReport } from '@shared/bundle/report';
import { certificateDepsOf } from '../../../electron/main/certificates/deps';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { anyone } from '../../helpers/actors';
import { perfectAnswers } from '../../unit/scoring/default-pack';
import { newUscc } from '../certificates/world';
import { dir, file, station } from '../bundles/world';
import type { Station } from '../bundles/world';

export { dir, file, newUscc, perfectAnswers };

export const clock = { now: new Date('2026-12-01T10:00:00Z') };

export interface Place extends Station {
  name: string;
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  /** Registers a unit here (units.create) and returns its id. */
  unit(name: string, district: string, uscc?: string | null): Promise<string>;
  /** start → saveDraft → submit → sign, as a team does in the app; returns the signed assessment. */
  sign(unitId: string, cycle: number, assessedOn: string, answers?: Answers): Promise<ProcedureOutput<'assessments.sign'>>;
  issue(assessmentId: string): ReturnType<typeof issueCertificate>;
  /** Exports everything not yet sent to a file and returns it. */
  send(folder: string, label: string): Promise<string>;
  /** Imports files (a laptop's bundles at the city, the city's at a laptop). */
  take(...files: string[]): Promise<ImportReport[]>;
  stars(unitId: string): number;
  unitIdOf(name: string): string | undefined;
}

export async function place(name: string): Promise<Place> {
  const base = await station();
  const services = base.core.services;
  services.db.prepare("UPDATE meta SET value = ? WHERE key = 'workstation_name'").run(name);
  services.workstation.name = name;
  const call = async <N extends ProcedureName>(procedure: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> => {
    const result = await base.core.dispatcher.dispatch(procedure, input, anyone);
    if (!result.ok) throw DxError.from(result.error);
    return result.value as ProcedureOutput<N>;
  };
  return {
    ...base,
    identity: { ...base.identity, workstationName: name },
    name,
    call,
    async unit(unitName, district, uscc) {
      const created = await call('units.create', { name: unitName, kind: 'enterprise', districtCode: district, uscc: uscc === null ? null : (uscc ?? newUscc()) });
      return created.id;
    },
    async sign(unitId, cycle, assessedOn, answers = perfectAnswers() as Answers) {
      const started = await call('assessments.start', { unitId, cycle, assessedOn });
      await call('assessments.submit', { id: started.id, answers });
      return call('assessments.sign', { id: started.id });
    },
    issue(assessmentId) {
      const deps = certificateDepsOf(services, { keyStore: new PassphraseKeyStore('station passphrase'), fontsDir: path.resolve('build/fonts'), now: () => clock.now });
      return issueCertificate(deps, assessmentId, 'cli:test');
    },
    async send(folder, label) {
      const out = file(folder, `${name}-${label}.dxb`);
      await base.exportTo(out);
      return out;
    },
    async take(...files) {
      const reports: ImportReport[] = [];
      for (const one of files) reports.push(await base.importFrom(one));
      return reports;
    },
    stars(unitId) {
      return services.db.prepare('SELECT current_stars FROM units WHERE id = ?').pluck().get(unitId) as number;
    },
    unitIdOf(unitName) {
      return services.db.prepare('SELECT id FROM units WHERE name = ?').pluck().get(unitName) as string | undefined;
    },
  };
}

export interface CityWorld {
  city: Place;
  laptops: Record<string, Place>;
  folder: string;
  /** Writes the city bundle and returns its file. */
  cityBundle(label: string): Promise<string>;
}

/** A city office and laptops, each serving the districts given; everyone enrolled both ways. */
export async function cityWorld(serves: Record<string, string[]>): Promise<CityWorld> {
  const city = await place('市指挥部');
  const laptops: Record<string, Place> = {};
  for (const [name, districts] of Object.entries(serves)) {
    const laptop = await place(name);
    await city.call('trust.add', { identityJson: JSON.stringify(laptop.identity), districts });
    laptop.enrollCity(city);
    laptops[name] = laptop;
  }
  const folder = dir();
  let sequence = 0;
  return {
    city,
    laptops,
    folder,
    async cityBundle(label) {
      sequence += 1;
      const out = file(folder, `city-${sequence}-${label}.dxb`);
      await city.exportCityTo(out);
      return out;
    },
  };
}
