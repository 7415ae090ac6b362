/**
 * What the logged-in user may do, from the one source the core checks too: each procedure's roles
 * in the API contract. A view shows an action only to those who may take it, instead of a button
 * that can only be refused.
 */
import { procedures } from '@shared/api/contract';
import type { ProcedureName } from '@shared/api/contract';
import { actorMayCall } from '@shared/domain/roles';
import { useAuthStore } from './auth';

export function useCan(): (name: ProcedureName) => boolean {
  const auth = useAuthStore();
  return (name) => auth.user !== null && actorMayCall(auth.user, procedures[name].roles);
}
