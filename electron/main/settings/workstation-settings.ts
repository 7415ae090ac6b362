/**
 * What people change about the workstation itself, each change with its audit entry in one
 * transaction: its name (an admin, at first start or in 设置) and the verification address the
 * city office sets for plaques' QR codes.
 */
import type { DomainContext } from '../context/domain-context';
import { setVerificationAddress, setWorkstationName, verificationAddress } from '../workstation/workstation';
import type { VerificationAddress } from '../workstation/workstation';

export function nameWorkstation(ctx: DomainContext, name: string): { id: string; name: string; named: boolean } {
  const previous = ctx.workstation.name;
  ctx.db.transaction(() => {
    setWorkstationName(ctx.db, ctx.workstation, name, ctx.now());
    ctx.audit({ action: 'workstation.setName', subject: ctx.workstation.id, data: { name, previous } });
  }).immediate();
  return { id: ctx.workstation.id, name: ctx.workstation.name, named: ctx.workstation.named };
}

/** The city office sets (or, with null, clears) the address; city bundles carry it to the laptops. */
export function changeVerificationAddress(ctx: DomainContext, address: string | null): VerificationAddress {
  ctx.db.transaction(() => {
    setVerificationAddress(ctx.db, address, ctx.now().toISOString());
    ctx.audit({ action: 'verification.setAddress', subject: ctx.workstation.id, data: { address } });
  }).immediate();
  return verificationAddress(ctx.db);
}
