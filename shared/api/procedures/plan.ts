/**
 * Procedures of the inspection plan (计划, docs/registry.md): which workstation assesses which
 * unit in a cycle, and by when. The city office plans (or a leader, for the districts of their
 * workstation); the plan travels in bundles; each laptop shows its own (我的计划) and the city
 * dashboard the progress by district and workstation.
 */
import { z } from 'zod';
import { CycleSchema } from '../../domain/cycle';
import { UnitKindSchema } from './units';
import { IsoDateSchema } from '../../assessment/iso-date';
import { base64Length } from '../../limits';
import { procedure } from '../procedure';

/** 待办 to do, 已完成 done (the unit was assessed in the cycle), 逾期 overdue (not done, past the date). */
export const planStatuses = ['todo', 'done', 'overdue'] as const;
export const PlanStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

export const PlanEntrySchema = z.object({
  id: z.string(),
  cycle: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  uscc: z.string().nullable(),
  districtCode: z.string(),
  districtName: z.string(),
  kind: UnitKindSchema,
  currentStars: z.number().int(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  dueOn: z.string(),
  status: PlanStatusSchema,
  /** The day of the assessment that did it. */
  doneOn: z.string().nullable(),
  /** The workstation that planned it, by name. */
  plannedAt: z.string(),
  plannedBy: z.string(),
});
export type PlanEntry = z.infer<typeof PlanEntrySchema>;

/** A workstation a unit may be planned for: this one, or one the trust store knows. */
export const PlanWorkstationSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  districts: z.array(z.string()),
  /** This workstation itself. */
  self: z.boolean(),
});
export type PlanWorkstation = z.infer<typeof PlanWorkstationSchema>;

const CountsSchema = z.object({ planned: z.number().int(), done: z.number().int(), overdue: z.number().int() });
export const PlanProgressSchema = z.object({
  cycle: z.number().int(),
  total: CountsSchema,
  byDistrict: z.array(CountsSchema.extend({ code: z.string(), name: z.string(), nameEn: z.string() })),
  byWorkstation: z.array(CountsSchema.extend({ id: z.string(), name: z.string() })),
});
export type PlanProgress = z.infer<typeof PlanProgressSchema>;

export const PlanImportIssueSchema = z.object({ line: z.number().int(), column: z.string().optional(), message: z.string(), messageEn: z.string() });
export type PlanImportIssue = z.infer<typeof PlanImportIssueSchema>;

const maxPlanFileBytes = 10 * 1024 * 1024;

export const planProcedures = {
  'plan.list': procedure({
    roles: 'signedIn',
    summary: 'Plan entries, by due date: of a cycle, a workstation (id or name), a district, a status; `mine`: this workstation’s (this year’s, unless a cycle is given)',
    input: z
      .object({
        cycle: CycleSchema.optional(),
        workstation: z.string().trim().min(1).max(200).optional(),
        district: z.string().trim().min(1).max(20).optional(),
        status: PlanStatusSchema.optional(),
        mine: z.boolean().optional(),
        limit: z.number().int().min(1).max(100_000).default(2000),
      })
      .strict(),
    /** `cycle`: the cycle listed (for `mine` without one, this year's by the workstation's clock). */
    output: z.object({ entries: z.array(PlanEntrySchema), total: z.number().int(), cycle: z.number().int().nullable() }),
  }),
  'plan.progress': procedure({
    roles: 'signedIn',
    summary: 'How far the plan of a cycle is, by district and by workstation',
    input: z.object({ cycle: CycleSchema }).strict(),
    output: PlanProgressSchema,
  }),
  'plan.workstations': procedure({
    roles: 'signedIn',
    summary: 'The workstations a unit may be planned for (this one and those enrolled), with their districts',
    input: z.object({}).strict(),
    output: z.array(PlanWorkstationSchema),
  }),
  'plan.add': procedure({
    roles: ['city', 'leader'],
    summary: 'Plan units for a workstation in a cycle, by a date (a unit planned already moves to it); a leader plans only the districts of their workstation',
    input: z.object({ cycle: CycleSchema, unitIds: z.array(z.string().min(1).max(64)).min(1).max(20_000), assigneeId: z.string().min(1).max(64), dueOn: IsoDateSchema }).strict(),
    output: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  }),
  'plan.remove': procedure({
    roles: ['city', 'leader'],
    summary: 'Take entries out of the plan (those made here; a leader only those of their workstation’s districts)',
    input: z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(20_000) }).strict(),
    output: z.object({ removed: z.number().int() }),
  }),
  'plan.import': procedure({
    roles: ['city', 'leader'],
    summary: 'Import a plan file (CSV or XLSX: 年度, 统一社会信用代码 or 区 + 单位名称, 工作站, 截止日期); refused whole, each bad line named',
    input: z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(base64Length(maxPlanFileBytes)) }).strict(),
    output: z.object({ rows: z.number().int(), added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), cycles: z.array(z.number().int()) }),
  }),
};
