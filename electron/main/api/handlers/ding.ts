/** Handlers of the district 平安鼎 procedures and the Excel exports. */
import type { CallContext, HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { dingProcedures } from '@shared/api/procedures/ding';
import type { CoreServices } from '../core-services';
import { localDate } from '../../context/local-date';
import { dingTable, defaultCycle, loadDingPack } from '../../ding/ding-table';
import { districtDashboard } from '../../ding/district-dashboard';
import { recordDistrictInputs } from '../../ding/import-inputs';
import { currentInputs, knownCycles } from '../../ding/inputs-store';
import { dingSheet } from '../../exports/ding-export';
import { unitsSheet } from '../../exports/units-export';
import { xlsxBuffer } from '../../exports/xlsx-writer';
import { unlockedKeys } from '../../certificates/signing-keys';
import { toTransferable } from '../../pdf/signer';
import type { SummaryJobInput } from '../../summary/summary-job';

type DingHandlers = Pick<HandlerMap, keyof typeof dingProcedures>;

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dingHandlers(services: CoreServices): DingHandlers {
  const { db } = services;
  const now = () => services.platform.now();
  const cycleOf = (cycle: number | undefined) => cycle ?? defaultCycle(db, now());

  async function summaryInWorker(district: string | null, cycle: number, context: CallContext<'summary.pdf'>) {
    const keys = await unlockedKeys(context.domain(), services.platform.keyStore);
    const input: SummaryJobInput = { district, cycle, printedBy: requireActor(context).displayName, fontsDir: services.platform.fontsDir, signingKey: toTransferable(keys.pdfSigningKey) };
    const { fileName, pdf } = await context.runJob(input);
    return { fileName, mime: 'application/pdf', contentBase64: Buffer.from(pdf).toString('base64'), cycle };
  }

  return {
    'ding.table': ({ cycle }) => {
      const table = dingTable(db, cycleOf(cycle));
      return {
        cycle: table.cycle,
        cycles: knownCycles(db),
        rubric: table.rubric,
        rows: table.rows,
        previous: table.rows.map((row) => ({ district: row.district, grade: row.previousGrade })),
      };
    },
    'ding.district': ({ district, cycle }) => districtDashboard(db, district, cycleOf(cycle), localDate(now())),
    'ding.inputs.current': ({ cycle }) => [...currentInputs(db, cycle).values()],
    'ding.inputs.record': (document, context) => recordDistrictInputs(context.domain(), document, 'form'),
    'ding.inputs.import': ({ fileName, document }, context) => recordDistrictInputs(context.domain(), document, fileName),
    'exports.dingXlsx': async ({ cycle }) => {
      const table = dingTable(db, cycleOf(cycle));
      const bytes = await xlsxBuffer([dingSheet(loadDingPack(db).pack, table.cycle, table.rows)]);
      return { fileName: `平安鼎评定-${table.cycle}.xlsx`, mime: xlsxMime, contentBase64: bytes.toString('base64') };
    },
    'summary.district': ({ district, cycle }, context) => summaryInWorker(district.toUpperCase(), cycleOf(cycle), context),
    'summary.city': ({ cycle }, context) => summaryInWorker(null, cycleOf(cycle), context),
    'exports.unitsXlsx': async (filter) => {
      const bytes = await xlsxBuffer([unitsSheet(db, filter)]);
      return { fileName: `单位名单-${localDate(now())}.xlsx`, mime: xlsxMime, contentBase64: bytes.toString('base64') };
    },
  };
}
