/** Handlers of the unit registry procedures; imports run as worker jobs so the window stays responsive. */
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { unitProcedures, ImportReport } from '@shared/api/procedures/units';
import type { CoreServices } from '../../core-services';
import { runJob } from '../../jobs/run-job';
import { createUnit, updateUnit } from '../../units/unit-commands';
import { getStarHistory, getUnitRow, listDistricts, listUnits } from '../../units/unit-queries';

type UnitHandlers = Pick<HandlerMap, keyof typeof unitProcedures>;

export function unitHandlers(services: CoreServices): UnitHandlers {
  const { db } = services;
  return {
    'districts.list': () => listDistricts(db),
    'units.list': (input) => listUnits(db, input),
    'units.get': ({ id }) => ({ unit: getUnitRow(db, id), history: getStarHistory(db, id) }),
    'units.create': (fields, context) => {
      const actor = requireActor(context);
      return createUnit(db, services.workstation.id, fields, (id) => services.audit({ actor: actor.userId, action: 'units.create', subject: id, data: { name: fields.name } }));
    },
    'units.update': ({ id, fields }, context) => {
      const actor = requireActor(context);
      return updateUnit(db, id, fields, (unitId) => services.audit({ actor: actor.userId, action: 'units.update', subject: unitId, data: { name: fields.name } }));
    },
    'units.importPreview': async (input, context) => (await runJob(services, 'units.importPreview', input, context)) as ImportReport,
    'units.import': async (input, context) => (await runJob(services, 'units.import', input, context)) as ImportReport,
  };
}
