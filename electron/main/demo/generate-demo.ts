/**
 * The demo data set (`dingxing demo`, the first-run button): units in every district and kind
 * with valid USCCs, three cycles of assessments (2024–2026) scored by the engine, with
 * promotions, demotions, a veto, drafts to finish, and rectifications open, overdue and done.
 * About half the units start from stars rated on paper the year before the first cycle (history
 * rows without an assessment), so every star level appears. Deterministic for a seed and size. One
 * transaction: all or nothing. Sized for the city office too: 100,000 units in a few minutes
 * (docs/assessments.md, "Demo data").
 */
import { DxError } from '@shared/api/errors';
import type { Answers, DemoResult } from '@shared/api/procedures/assessments';
import { usccAlphabet, usccCheckCharacter } from '@shared/domain/uscc';
import type { RubricItem } from '@shared/rubric/star-pack';
import type { UnitKind } from '@shared/rubric/unit-kind';
import { newId } from '../platform/ids';
import { ensureStreet, insertUnit } from '../units/unit-store';
import type { DomainContext } from '../context/domain-context';
import { getAssessmentRow } from '../assessments/repository';
import { defaultRubricId, loadPack, scoreAnswers, surveyMinimumSample } from '../assessments/scoring-port';
import type { LoadedPack } from '../assessments/scoring-port';
import { historyContext, recordPaperRating } from '../assessments/star-history';
import { insertAssessmentRow, recordSigned, storeSubmittedResult } from '../assessments/workflow';
import { keepRecordedRectification } from '../assessments/rectifications';
import { demoLoadedAt, markDemoLoaded } from '../workstation/workstation';
import type { Actor } from '@shared/domain/roles';
import { applicableItems } from '../scoring/index';
import { communityName, contactName, enterpriseName, institutionName, streetAndAddress, UnitNamer, villageName } from './names';
import { seededRandom } from './random';
import { sparseDemoDistrict, writeDemoDistrictInputs } from './demo-district-inputs';
import type { Random } from './random';

/** Demo signatures name made-up team leaders who are not users of this workstation. */
function demoLeader(name: string): Actor {
  return { userId: `demo:${name}`, name, displayName: name, roles: ['leader'] };
}

/**
 * The day the demo data is drawn as of, whatever day it is loaded: the same seed then makes the
 * same units, scores, stars, due dates and grades on any date (its records' creation times are
 * the clock's).
 */
export const demoAsOf = '2026-11-29';

export interface DemoOptions {
  units?: number;
  seed?: number;
  /** How many yearly cycles of assessments, ending with `lastDemoCycle` (default 3). */
  cycles?: number;
  /** YYYY-MM-DD; defaults to demoAsOf. */
  asOf?: string;
  progress?(done: number, total: number): void;
  throwIfCancelled?(): void;
}

/** The newest cycle the demo assesses; its drafts and signatures are the ones still open. */
export const lastDemoCycle = 2026;
export { demoLimits } from '@shared/limits';

/** The cycles the demo assesses, oldest first: `count` years ending with `lastDemoCycle`. */
export function demoCycles(count: number): number[] {
  return Array.from({ length: count }, (_, index) => lastDemoCycle - count + 1 + index);
}

/** Pages of SQLite cache while the demo writes: its indexes outgrow the default 2 MB at a few thousand units. */
const demoCacheKib = 256 * 1024;
const ruralDistricts = new Set(['420112', '420113', '420114', '420115', '420116', '420117', '4201DH', '4201JK']);

interface DemoUnit {
  id: string;
  kind: UnitKind;
  industry: string | null;
  households: number | null;
  /** How well the unit runs its safety work, 0..1; drifts from cycle to cycle. */
  quality: number;
}

function uscc(random: Random, kind: UnitKind, districtCode: string): string {
  const head = kind === 'enterprise' ? '91' : kind === 'institution' ? '12' : '55';
  const division = /^\d{6}$/.test(districtCode) ? districtCode : '420100';
  let body = '';
  for (let index = 0; index < 9; index += 1) body += random.pick(usccAlphabet.split(''));
  const first17 = `${head}${division}${body}`;
  return first17 + usccCheckCharacter(first17);
}

function pickKind(random: Random, rural: boolean): UnitKind {
  const roll = random.next();
  if (rural) return roll < 0.42 ? 'enterprise' : roll < 0.62 ? 'community' : roll < 0.85 ? 'village' : 'institution';
  return roll < 0.55 ? 'enterprise' : roll < 0.83 ? 'community' : roll < 0.86 ? 'village' : 'institution';
}

const halfSteps = (value: number) => Math.round(value * 2) / 2;

/** Answers a unit of this quality would plausibly get; a veto only when asked. */
function answersFor(random: Random, items: RubricItem[], unit: DemoUnit, quality: number, veto: boolean): Answers {
  const answers: Answers = {};
  for (const item of items) {
    switch (item.kind) {
      case 'check':
        answers[item.id] = random.chance(0.55 + 0.45 * quality);
        break;
      case 'scale':
        answers[item.id] = Math.min(item.points, Math.max(0, halfSteps(item.points * Math.min(1, quality + (random.next() - 0.4) * 0.3))));
        break;
      case 'deduct':
        answers[item.id] = random.chance(0.75 * (1 - quality) + 0.05) ? random.int(1, 3) : 0;
        break;
      case 'rate':
        answers[item.id] = Math.min(100, Math.round((88 + 12 * quality + (random.next() - 0.5) * 4) * 10) / 10);
        break;
      case 'gate':
        answers[item.id] = random.chance(0.75 + 0.25 * quality) ? 100 : random.int(92, 99);
        break;
      case 'survey': {
        const minimum = surveyMinimumSample(item, unit.households);
        const respondents = minimum + random.int(0, 40);
        const share = Math.min(1, 0.82 + 0.18 * quality + (random.next() - 0.5) * 0.04);
        answers[item.id] = { respondents, safe: Math.min(respondents, Math.round(respondents * share)) };
        break;
      }
      case 'veto':
        answers[item.id] = false;
        break;
    }
  }
  if (veto) answers['VETO-2'] = true;
  return answers;
}

function dateIn(random: Random, cycle: number, today: string): string {
  const month = random.int(6, 11);
  const day = random.int(1, 28);
  const date = `${cycle}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return date < today ? date : today;
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function generateDemo(ctx: DomainContext, options: DemoOptions = {}): DemoResult {
  const db = ctx.db;
  const count = options.units ?? 300;
  const cycles = demoCycles(options.cycles ?? 3);
  const first = cycles[0] as number;
  const last = cycles[cycles.length - 1] as number;
  const random = seededRandom(options.seed ?? 20261129);
  // Streets and addresses draw from their own sequence: adding them left every other demo fact
  // (units, scores, stars, grades) as the same seed made it before.
  const placeRandom = seededRandom(((options.seed ?? 20261129) ^ 0x5f3759df) >>> 0);
  const today = options.asOf ?? demoAsOf;
  const stamp = ctx.now().toISOString();
  if (demoLoadedAt(db) !== undefined) {
    throw new DxError('CONFLICT', 'Demo data is already loaded in this database');
  }
  const loaded: LoadedPack = loadPack(db, defaultRubricId);
  const districts = db.prepare('SELECT code, name FROM districts ORDER BY sort').all() as { code: string; name: string }[];
  if (districts.length === 0) throw new DxError('CONFLICT', 'The database has no districts; run "dingxing init" first');
  const namer = new UnitNamer(db.prepare('SELECT district_code || char(0) || name FROM units').pluck().all() as string[]);
  const takenUscc = new Set(db.prepare('SELECT uscc FROM units WHERE uscc IS NOT NULL').pluck().all() as string[]);
  const insertAssessment = (id: string, unitId: string, cycle: number, assessedOn: string, answers: Record<string, unknown>, status: 'draft' | 'submitted', inspector: string, submittedAt: string | null) =>
    insertAssessmentRow(db, { id, workstationId: ctx.workstation.id, unitId, cycle, assessedOn, rubricId: loaded.ref, rubricSha256: loaded.sha256, answers: JSON.stringify(answers), details: '{}', status, inspector, submittedAt, createdAt: stamp });
  const inspectors = ['张建国', '李红梅', '王志强', '刘晓燕', '陈国平', '杨丽华'];
  const leaders = ['周卫东', '吴秀英', '徐海涛'];
  const owners = ['保卫科', '物业经理', '网格员', '安全主任', '综治专干'];
  const byStatus = { drafts: 0, submitted: 0, signed: 0 };
  let rectifications = 0;
  let vetoes = 0;
  // Progress a hundred times at most: a callback per unit would cost the city-scale demo seconds.
  const progressEvery = Math.max(1, Math.floor(count / 100));

  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${demoCacheKib}`);
  try {
    db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        if (index % progressEvery === 0) options.throwIfCancelled?.();
        // Every district gets units: the first 15 go round-robin, the rest at random.
        const district = index < districts.length ? (districts[index] as { code: string; name: string }) : random.pick(districts);
        const rural = ruralDistricts.has(district.code);
        const kind: UnitKind = index < 4 * districts.length ? (['enterprise', 'community', 'institution', rural ? 'village' : 'enterprise'] as const)[Math.floor(index / districts.length)] ?? 'enterprise' : pickKind(random, rural);
        const industry = kind === 'enterprise' ? (random.chance(0.12) ? 'delivery' : random.chance(0.09) ? 'finance' : null) : null;
        const nameOf = () => (kind === 'enterprise' ? enterpriseName(random, industry, district.code) : kind === 'community' ? communityName(random, district.code) : kind === 'village' ? villageName(random) : institutionName(random, district.code, district.name));
        // A name already taken in the district is drawn again, never numbered "（2）" as no real unit is.
        const name = namer.name(district.code, kind, nameOf);
        let code = uscc(random, kind, district.code);
        while (takenUscc.has(code)) code = uscc(random, kind, district.code);
        takenUscc.add(code);
        const households = kind === 'community' ? random.int(800, 6000) : kind === 'village' ? random.int(200, 1500) : null;
        const place = streetAndAddress(placeRandom, district.code, district.name, kind, name);
        const unit: DemoUnit = { id: newId(), kind, industry, households, quality: 0.45 + random.next() * 0.55 };
        insertUnit(db, {
          id: unit.id,
          workstationId: ctx.workstation.id,
          name,
          kind,
          industry,
          districtCode: district.code,
          streetId: place.street === null ? null : ensureStreet(db, district.code, place.street).id,
          address: place.address,
          uscc: code,
          households,
          contact: contactName(random, kind),
          phone: `027-8${random.int(1000000, 9999999)}`,
          inScope: random.chance(0.96),
          createdAt: stamp,
        });
        const items = applicableItems(loaded.pack, unit);
        // Many units were rated on paper before this workstation: those stars, the year before the first cycle, start their history.
        const sparse = district.code === sparseDemoDistrict;
        if (random.chance(sparse ? 0.08 : 0.55)) {
          const stars = Math.max(0, Math.min(4, Math.round(unit.quality * 5) - random.int(0, 1)));
          recordPaperRating(db, { unitId: unit.id, cycle: first - 1, stars, previousStars: Math.max(0, stars - 1), assessedOn: `${first - 1}-${String(random.int(9, 12)).padStart(2, '0')}-15` }, stamp);
        }

        for (const cycle of cycles) {
          if (!random.chance(sparse ? 0.12 : cycle === first ? 0.7 : 0.85)) continue;
          unit.quality = Math.max(0.2, Math.min(1, unit.quality + (random.next() - 0.4) * 0.18));
          const assessedOn = dateIn(random, cycle, today);
          const veto = (index === 7 && cycle === last - 1) || random.chance(0.012);
          const answers = answersFor(random, items, unit, unit.quality, veto);
          const id = newId();
          const inspector = random.pick(inspectors);
          // The newest cycle: some still being filled in or waiting for a signature.
          const openRoll = cycle === last ? random.next() : 1;
          if (openRoll < 0.06) {
            const partial = Object.fromEntries(Object.entries(answers).slice(0, random.int(4, 20)));
            insertAssessment(id, unit.id, cycle, assessedOn, partial, 'draft', inspector, null);
            byStatus.drafts += 1;
            continue;
          }
          const history = historyContext(db, unit.id, cycle, assessedOn);
          const result = scoreAnswers(loaded, unit, answers, { assessedOn, previousStars: history.previousStars, lastVetoOn: history.lastVetoOn, draft: false });
          if (openRoll < 0.09) {
            insertAssessment(id, unit.id, cycle, assessedOn, answers, 'submitted', inspector, stamp);
            storeSubmittedResult(db, id, result);
            byStatus.submitted += 1;
            continue;
          }
          insertAssessment(id, unit.id, cycle, assessedOn, answers, 'draft', inspector, stamp);
          const leader = demoLeader(random.pick(leaders));
          recordSigned(ctx, getAssessmentRow(db, id), { loaded, result, previousStars: history.previousStars }, { signedBy: leader, status: cycle === last ? 'signed' : 'final', stamp: `${assessedOn}T16:00:00.000Z` });
          // Like every signature, with its audit entry (`dingxing audit verify` finds a signed assessment without one).
          ctx.audit({ action: 'assessment.sign', subject: id, data: { unitId: unit.id, cycle, total: result.total, awardedStars: result.awardedStars, decidedBy: result.decidedBy, vetoed: result.vetoed, signedBy: leader.userId, demo: true } });
          byStatus.signed += 1;
          if (result.vetoed) vetoes += 1;
          // Hidden dangers found (PRE-5) become rectifications with a due date.
          const dangers = answers['PRE-5'];
          if (typeof dangers === 'number' && dangers > 0) {
            const dueOn = addDays(assessedOn, random.pick([30, 45, 60]));
            const done = cycle < last || (dueOn < today && random.chance(0.5));
            keepRecordedRectification(db, {
              id: newId(),
              workstationId: ctx.workstation.id,
              unitId: unit.id,
              assessmentId: id,
              itemId: 'PRE-5',
              description: `整改检查发现的 ${dangers} 处安全隐患（消防通道、监控盲区等）`,
              owner: random.pick(owners),
              dueOn,
              status: done ? 'done' : 'open',
              closedOn: done ? addDays(dueOn, -random.int(1, 20)) : null,
              followUpAssessmentId: null,
              createdAt: stamp,
              updatedAt: stamp,
            });
            rectifications += 1;
          }
        }
        if ((index + 1) % progressEvery === 0 || index + 1 === count) options.progress?.(index + 1, count);
      }
      writeDemoDistrictInputs(db, cycles, { workstationId: ctx.workstation.id, enteredBy: 'demo', now: ctx.now() });
      markDemoLoaded(db, stamp);
      ctx.audit({ action: 'demo.load', data: { units: count, cycles: cycles.length, ...byStatus, rectifications, vetoes, seed: options.seed ?? 20261129 } });
    }).immediate();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return { units: count, assessments: byStatus.drafts + byStatus.submitted + byStatus.signed, ...byStatus, rectifications };
}
