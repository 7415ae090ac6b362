/** Commands call the core through the same dispatcher as the app, acting as `cli:<account>`. */
import type { ProcedureName, ProcedureInput, ProcedureOutput } from '@shared/api/contract';
import { DxError } from '@shared/api/errors';
import type { Core } from '../core';
import { cliActor } from '../users/cli-actor';

export async function callCore<N extends ProcedureName>(core: Core, name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> {
  const result = await core.dispatcher.dispatch(name, input, { actor: cliActor() });
  if (!result.ok) throw DxError.from(result.error);
  return result.value as ProcedureOutput<N>;
}
