/** Handlers of the inspection plan (计划): quick reads and writes on the main connection. */
import type { planProcedures } from '@shared/api/procedures/plan';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { localDate } from '../../context/local-date';
import { addToPlan, allowedDistricts, removeFromPlan, writePlanRows } from '../../plan/plan-commands';
import { matchWorkstation, readPlanFile } from '../../plan/plan-import';
import { listPlan, planProgress, planWorkstations } from '../../plan/plan-queries';
import { workstationCodeOf } from '../../workstation/workstation';

type PlanHandlers = Pick<HandlerMap, keyof typeof planProcedures>;

export function planHandlers(services: CoreServices): PlanHandlers {
  const db = services.db;
  const today = () => localDate(services.platform.now());
  const workstations = () => planWorkstations(db, services.workstation, workstationCodeOf(db));
  /** A workstation named by id, code or name (as a plan file names it). */
  const workstationId = (text: string) => matchWorkstation(workstations(), text)[0]?.id ?? text;
  return {
    'plan.list': ({ cycle, workstation, district, status, mine, limit }) => {
      const listed = cycle ?? (mine ? Number(today().slice(0, 4)) : undefined);
      return { ...listPlan(db, { cycle: listed, district, status, limit, assigneeId: mine ? services.workstation.id : workstation === undefined ? undefined : workstationId(workstation) }, today()), cycle: listed ?? null };
    },
    'plan.progress': ({ cycle }) => planProgress(db, cycle, today()),
    'plan.workstations': () => workstations(),
    'plan.add': (input, context) => addToPlan(context.domain(), input, { workstationIds: new Set(workstations().map((station) => station.id)) }),
    'plan.remove': ({ ids }, context) => ({ removed: removeFromPlan(context.domain(), ids) }),
    'plan.import': async ({ fileName, contentBase64 }, context) => {
      const ctx = context.domain();
      const rows = await readPlanFile(db, fileName, Buffer.from(contentBase64, 'base64'), { workstations: workstations(), allowedDistricts: allowedDistricts(ctx, ctx.actor) });
      // Reading a spreadsheet awaits: a writing job may have started meanwhile, so the write waits again.
      const outcome = await services.writeGate.whenFree(() => writePlanRows(ctx, rows, 'plan.import', fileName));
      return { rows: rows.length, ...outcome, cycles: [...new Set(rows.map((row) => row.cycle))].sort() };
    },
  };
}
