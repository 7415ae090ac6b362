/**
 * Adding and editing a unit by hand, with the same rules as an import row: a known district, a
 * valid USCC, no second unit with that USCC or with that name in the district. Stars are not
 * editable here; only assessments change them.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { DomainContext } from '../context/domain-context';
import { DxError } from '@shared/api/errors';
import type { ErrorIssue } from '@shared/api/errors';
import type { Unit, UnitFieldsSchema } from '@shared/api/procedures/units';
import { createDistrictMatcher } from '@shared/domain/districts';
import { validateUscc } from '@shared/domain/uscc';
import { newId } from '../platform/ids';
import { loadDistrictRefs } from './districts';
import { ensureStreet, insertUnit, updateUnitFacts } from './unit-store';
import type { UnitFacts } from './unit-store';
import { getUnitRow } from './unit-queries';

type Fields = z.output<typeof UnitFieldsSchema>;

interface Checked {
  districtCode: string;
  uscc: string | null;
}

function check(db: Database, fields: Fields, selfId: string | null): Checked {
  const issues: ErrorIssue[] = [];
  let conflicts = 0;
  const district = createDistrictMatcher(loadDistrictRefs(db))(fields.districtCode);
  if (!district) issues.push({ path: ['districtCode'], message: `未知的区“${fields.districtCode}” / Unknown district “${fields.districtCode}”` });
  let uscc: string | null = null;
  if (fields.uscc) {
    const result = validateUscc(fields.uscc);
    if (result.ok) uscc = result.code;
    else issues.push({ path: ['uscc'], message: `${result.message.zh} / ${result.message.en}` });
  }
  if (uscc !== null) {
    const owner = db.prepare('SELECT id, name FROM units WHERE uscc = ?').get(uscc) as { id: string; name: string } | undefined;
    if (owner && owner.id !== selfId) {
      conflicts += 1;
      issues.push({ path: ['uscc'], message: `统一社会信用代码 ${uscc} 已被单位“${owner.name}”使用 / USCC ${uscc} is already used by “${owner.name}”` });
    }
  }
  if (district) {
    const same = db.prepare('SELECT id FROM units WHERE district_code = ? AND name = ?').pluck().get(district.code, fields.name) as string | undefined;
    if (same !== undefined && same !== selfId) {
      conflicts += 1;
      issues.push({ path: ['name'], message: `${district.name}已有同名单位“${fields.name}” / ${district.nameEn} already has a unit named “${fields.name}”` });
    }
  }
  if (issues.length > 0) {
    const side = (index: 0 | 1) => issues.map((issue) => issue.message.split(' / ')[index] ?? issue.message).join(index === 0 ? '；' : '; ');
    const message = `${side(0)} / ${side(1)}`;
    throw new DxError(conflicts === issues.length ? 'CONFLICT' : 'BAD_INPUT', message, { issues });
  }
  return { districtCode: (district as { code: string }).code, uscc };
}

function streetIdFor(db: Database, districtCode: string, street: string | null): string | null {
  return street ? ensureStreet(db, districtCode, street).id : null;
}

function factsOf(db: Database, fields: Fields, checked: Checked): UnitFacts {
  return {
    name: fields.name,
    kind: fields.kind,
    industry: fields.industry,
    districtCode: checked.districtCode,
    streetId: streetIdFor(db, checked.districtCode, fields.street),
    address: fields.address || null,
    uscc: checked.uscc,
    households: fields.households,
    contact: fields.contact || null,
    phone: fields.phone || null,
    inScope: fields.inScope,
  };
}

export function createUnit(ctx: DomainContext, fields: Fields): Unit {
  const { db } = ctx;
  const id = newId();
  db.transaction(() => {
    const checked = check(db, fields, null);
    insertUnit(db, { id, workstationId: ctx.workstation.id, ...factsOf(db, fields, checked), createdAt: ctx.now().toISOString() });
    ctx.audit({ action: 'units.create', subject: id, data: { name: fields.name } });
  }).immediate();
  return getUnitRow(db, id);
}

export function updateUnit(ctx: DomainContext, id: string, fields: Fields): Unit {
  const { db } = ctx;
  db.transaction(() => {
    getUnitRow(db, id);
    const checked = check(db, fields, id);
    updateUnitFacts(db, id, factsOf(db, fields, checked), ctx.now().toISOString());
    ctx.audit({ action: 'units.update', subject: id, data: { name: fields.name } });
  }).immediate();
  return getUnitRow(db, id);
}
