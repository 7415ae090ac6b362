/**
 * The records a bundle carries, one JSON-lines file per table (records/<table>.jsonl). Each line
 * is one row with the table's column names, plus `_origin` (the workstation that made the
 * record) and `_version` (that workstation's change counter when the row was exported). Every
 * line is checked against its table's schema before anything is written.
 */
import { z } from 'zod';
import { assessmentStatuses } from '../domain/assessment-status';
import { revocationCauses } from '../domain/certificate';
import { CycleSchema } from '../domain/cycle';
import { unitKinds } from '../domain/unit-kinds';
import { VerificationAddressSchema } from '../domain/workstation';

const shortText = z.string().max(2000);
const longText = z.string().max(4_000_000);
const id = z.string().min(1).max(64);
const time = z.string().min(10).max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const flag = z.union([z.literal(0), z.literal(1)]);
const stars = z.number().int().min(0).max(5);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const meta = { _origin: id, _version: z.number().int().min(0) };
const districtCode = z.string().regex(/^[0-9A-Z]{6}$/);
const historySource = z.enum(['assessment', 'paper']);

const planLine = z.strictObject({
  ...meta,
  id,
  /** The workstation that planned it. */
  workstation_id: id,
  cycle: CycleSchema,
  unit_id: id,
  /** The workstation that assesses the unit. */
  assignee_id: id,
  due_on: day,
  planned_by: shortText,
  created_at: time,
  updated_at: time,
});

/** A 整改 item: the laptop's own (rectifications) and the city's copy in a city bundle (registry_rectifications) are one shape. */
const rectificationRecord = z.strictObject({
  ...meta,
  id,
  workstation_id: id,
  unit_id: id,
  assessment_id: id.nullable(),
  item_id: shortText.nullable(),
  description: shortText,
  owner: shortText.nullable(),
  due_on: day,
  status: z.enum(['open', 'done']),
  closed_on: day.nullable(),
  follow_up_assessment_id: id.nullable(),
  created_at: time,
  updated_at: time,
});

export const recordSchemas = {
  units: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    name: z.string().min(1).max(200),
    kind: z.enum(unitKinds),
    industry: shortText.nullable(),
    district_code: z.string().regex(/^[0-9A-Z]{6}$/),
    /** The street's name (street ids are per workstation). */
    street: shortText.nullable(),
    address: shortText.nullable(),
    uscc: z.string().regex(/^[0-9A-Z]{18}$/).nullable(),
    households: z.number().int().min(0).nullable(),
    contact: shortText.nullable(),
    phone: shortText.nullable(),
    in_scope: flag,
    current_stars: stars,
    last_assessed_on: day.nullable(),
    last_veto_on: day.nullable(),
    created_at: time,
    updated_at: time,
  }),
  unit_star_history: z.strictObject({
    ...meta,
    id,
    unit_id: id,
    cycle: CycleSchema,
    stars,
    previous_stars: stars,
    assessed_on: day,
    assessment_id: id.nullable(),
    vetoed: flag,
    decided_by: shortText.nullable(),
    created_at: time,
    /** `paper`: entered from the records kept before the app; absent (an assessment's row) in bundles from before paper rows. */
    source: historySource.default('assessment'),
    /** Who entered a paper row. */
    entered_by: shortText.nullable().default(null),
  }),
  assessments: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    unit_id: id,
    cycle: CycleSchema,
    assessed_on: day,
    rubric_id: shortText,
    rubric_sha256: shortText.nullable(),
    answers: longText,
    details: longText,
    status: z.enum(assessmentStatuses),
    result: longText.nullable(),
    total: z.number().nullable(),
    score_stars: stars.nullable(),
    awarded_stars: stars.nullable(),
    vetoed: flag.nullable(),
    decided_by: shortText.nullable(),
    inspector: shortText.nullable(),
    submitted_at: time.nullable(),
    signed_by: shortText.nullable(),
    signed_at: time.nullable(),
    supersedes_id: id.nullable(),
    supersede_reason: shortText.nullable(),
    follows_up_id: id.nullable(),
    created_at: time,
    updated_at: time,
    autosaved_at: time.nullable(),
  }),
  evidence: z.strictObject({
    ...meta,
    id,
    assessment_id: id,
    item_id: shortText,
    sha256,
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
    bytes: z.number().int().min(1),
    original_name: shortText,
    created_at: time,
  }),
  rectifications: rectificationRecord,
  certificates: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    number: shortText,
    sequence: z.number().int().min(1),
    assessment_id: id,
    unit_id: id,
    unit_name: shortText,
    uscc: shortText.nullable(),
    district_code: shortText,
    cycle: CycleSchema,
    stars: z.number().int().min(1).max(5),
    issued_on: day,
    valid_until: day,
    authority: shortText,
    qr_payload: shortText,
    issued_by: shortText,
    issued_at: time,
  }),
  certificate_revocations: z.strictObject({
    ...meta,
    id,
    certificate_id: id,
    workstation_id: id,
    cause: z.enum(revocationCauses),
    reason: z.string().min(1).max(500),
    assessment_id: id.nullable(),
    revoked_on: day,
    revoked_by: shortText,
    created_at: time,
  }),
  district_inputs: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    cycle: CycleSchema,
    district_code: z.string().regex(/^[0-9A-Z]{6}$/),
    rule_of_law: z.number().min(0).max(100),
    aspects: z.string().max(20_000),
    veto: flag,
    veto_reason: shortText.nullable(),
    previous_grade: z.enum(['none', 'bronze', 'silver', 'gold']),
    source: shortText,
    entered_by: shortText,
    entered_at: time,
  }),
  audit_log: z.strictObject({
    ...meta,
    id,
    seq: z.number().int().min(1),
    at: time,
    workstation_id: id,
    actor: shortText,
    action: shortText,
    subject: shortText.nullable(),
    data: longText,
    prev_hash: sha256,
    hash: sha256,
  }),
  /** Signed heads of the source's audit chain (issue 13): the receiver detects a rewritten or trimmed log. */
  audit_checkpoints: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    seq: z.number().int().min(1),
    entry_id: id,
    hash: sha256,
    reason: z.enum(['interval', 'export', 'manual']),
    signed_at: time,
    public_key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 key in base64url'),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature in base64url'),
  }),
  /** City bundles: a rubric pack version, `id` its ref `id@version`, `body` its canonical JSON. */
  rubric_packs: z.strictObject({
    ...meta,
    id: z.string().regex(/^[a-z][a-z0-9-]{0,63}@[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, 'a rubric is named id@version'),
    type: z.enum(['star', 'ding']),
    sha256,
    body: longText,
  }),
  /** City bundles: the city office's trust store, `id` the enrolled workstation's id. */
  trust_roster: z.strictObject({
    ...meta,
    id,
    name: z.string().max(200),
    kind: z.enum(['workstation', 'city']),
    ed25519_public_key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 key in base64url'),
    certificate_pem: z.string().max(20_000).nullable(),
    fingerprint: shortText,
    enrolled_at: time,
    revoked_at: time.nullable(),
    revoke_reason: shortText.nullable(),
    /** The short code the city office gave the workstation (absent in city bundles from before codes). */
    code: z.string().regex(/^[A-HJ-NP-Z2-9]{2}$/).nullable().optional(),
    /** The districts it serves, by code (absent in city bundles from before the registry travelled). */
    districts: z.array(districtCode).max(15).optional(),
  }),
  /** City bundles: a certificate revocation made on some workstation, `id` the revocation's id. */
  revocation_notices: z.strictObject({
    ...meta,
    id,
    certificate_id: id,
    certificate_number: shortText,
    issuer_workstation_id: id,
    cause: z.enum(revocationCauses),
    reason: z.string().min(1).max(500),
    revoked_on: day,
    revoked_by: shortText,
    created_at: time,
  }),
  /** City bundles: what the city office did with one laptop bundle, `id` its import id, `report` the import report (JSON). */
  receipts: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    bundle_id: id.nullable(),
    sequence: z.number().int().min(1).nullable(),
    status: z.enum(['imported', 'refused']),
    imported_at: time,
    report: longText,
  }),
  /**
   * City bundles: a setting the city office makes for every laptop, `id` its name, `value` null
   * when cleared, `set_at` when the city set it (a laptop keeps the newest). Today one:
   * `verification_address`, the verifier page a plaque's QR code opens (docs/certificates.md).
   */
  city_settings: z.strictObject({
    ...meta,
    id: z.enum(['verification_address']),
    value: VerificationAddressSchema.nullable(),
    set_at: time,
  }),
  /** Which workstation assesses which unit in a cycle, and by when (made at the city office or by a leader on a laptop). */
  inspection_plan: planLine,
  /** City bundles: the registry of record, one unit a line, with its official stars (docs/registry.md). */
  registry_units: z.strictObject({
    ...meta,
    id,
    workstation_id: id,
    name: z.string().min(1).max(200),
    kind: z.enum(unitKinds),
    industry: shortText.nullable(),
    district_code: districtCode,
    street: shortText.nullable(),
    address: shortText.nullable(),
    uscc: z.string().regex(/^[0-9A-Z]{18}$/).nullable(),
    households: z.number().int().min(0).nullable(),
    contact: shortText.nullable(),
    phone: shortText.nullable(),
    in_scope: flag,
    official_stars: stars,
    last_assessed_on: day.nullable(),
    last_veto_on: day.nullable(),
    /** Ratings of the unit held at the city office for a person to choose between. */
    open_conflicts: z.number().int().min(0),
    created_at: time,
    updated_at: time,
  }),
  /** City bundles: the official star history of those units (rows in force only), with where each came from. */
  registry_history: z.strictObject({
    ...meta,
    id,
    unit_id: id,
    cycle: CycleSchema,
    stars,
    previous_stars: stars,
    assessed_on: day,
    vetoed: flag,
    decided_by: shortText.nullable(),
    source: historySource,
    /** The workstation that recorded the row (its assessment's, or where a paper row was entered). */
    workstation_id: id.nullable(),
    assessment_id: id.nullable(),
    entered_by: shortText.nullable(),
    created_at: time,
  }),
  /** City bundles: the 整改 items of those units with their deadlines and state. */
  registry_rectifications: rectificationRecord,
  /** City bundles: the current certificate of each of those units (number, stars, validity, issuing workstation). */
  registry_certificates: z.strictObject({
    ...meta,
    id,
    number: shortText,
    workstation_id: id,
    unit_id: id,
    assessment_id: id.nullable(),
    cycle: CycleSchema,
    stars: z.number().int().min(1).max(5),
    issued_on: day,
    valid_until: day,
  }),
  /** City bundles: the inspection plan of those units. */
  plan: planLine,
} as const;

export type RecordTable = keyof typeof recordSchemas;
export const recordTables = Object.keys(recordSchemas) as RecordTable[];

/** Tables in the order they are merged: what a row refers to comes before it. */
export const mergeOrder = ['units', 'assessments', 'unit_star_history', 'evidence', 'rectifications', 'certificates', 'certificate_revocations', 'district_inputs', 'inspection_plan', 'audit_log'] as const satisfies readonly RecordTable[];

/** The registry of record a city bundle carries for the districts of enrolled workstations (docs/registry.md). */
export const registryTables = ['registry_units', 'registry_history', 'registry_rectifications', 'registry_certificates', 'plan'] as const satisfies readonly RecordTable[];
export type RegistryTable = (typeof registryTables)[number];

/** The record files each kind of bundle may hold; any other refuses the bundle. */
export const tablesOfKind: Readonly<Record<'workstation' | 'city', readonly RecordTable[]>> = {
  workstation: [...mergeOrder, 'audit_checkpoints'],
  city: ['rubric_packs', 'trust_roster', 'revocation_notices', 'district_inputs', 'receipts', 'city_settings', ...registryTables],
};

export type BundleRecord = z.infer<(typeof recordSchemas)[RecordTable]>;

export function isRecordTable(name: string): name is RecordTable {
  return Object.hasOwn(recordSchemas, name);
}
