/** Handlers of the inspection plan (计划): quick reads and writes on the main connection. */
import { DxError } from '@shared/api/errors';
import type { planProcedures } from '@shared/api/procedures/plan';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { localDate } from '../../context/local-date';
import { addToPlan, allowedDistricts, removeFromPlan, writePlanRows } from '../../plan/plan-commands';
import { matchWorkstation, readPlanFile } from '../../plan/plan-import';
import { listPlan, planNamesAssignee, planProgress, planWorkstations } from '../../plan/plan-queries';
import { workstationCodeOf } from '../../workstation/workstation';

type PlanHandlers = Pick<HandlerMap, keyof typeof planProcedures>;

export function planHandlers(services: CoreServices): PlanHandlers {
  const db = services.db;
  const today = () => localDate(services.platform.now());
  const workstations = () => planWorkstations(db, services.workstation, workstationCodeOf(db));
  /**
   * A workstation named by id, code or name (as a plan file names it), or the id of one no longer
   * enrolled that entries still name. An unknown or shared name is refused: an empty list would
   * read as "nothing planned".
   */
  const workstationId = (text: string): string => {
    const matches = matchWorkstation(workstations(), text);
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) {
      throw new DxError('BAD_INPUT', `工作站名称“${text}”有 ${matches.length} 个工作站同名，请用编号 (the name "${text}" is shared by ${matches.length} workstations: use the id)`);
    }
    if (planNamesAssignee(db, text)) return text;
    throw new DxError('NOT_FOUND', `未知的工作站“${text}”：应为本工作站或已登记工作站的名称、代码或编号 (unknown workstation "${text}": use the name, code or id of this workstation or an enrolled one)`);
  };
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
