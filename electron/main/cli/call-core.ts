/**
 * How a command reaches the core: through the same dispatcher as serve and the desktop app,
 * acting as `cli:<account>` (cli-actor.ts), with the contract's validation, roles and audit.
 */
import type { ProcedureName, ProcedureInput, ProcedureOutput } from '@shared/api/contract';
import { DxError } from '@shared/api/errors';
import type { Core } from '../host/core';
import { cliActor } from './cli-actor';

/** What a command may hold of the core: its dispatcher, and what opening it did. */
export type CliCore = Pick<Core, 'dispatcher' | 'migrated'>;

export interface CliCallOptions {
  /** Progress of a long job, as the app's progress bar gets it. */
  onProgress?(done: number, total: number, message?: string): void;
}

let jobs = 0;

export async function callCore<N extends ProcedureName>(core: CliCore, name: N, input: ProcedureInput<N>, options: CliCallOptions = {}): Promise<ProcedureOutput<N>> {
  const listener = options.onProgress;
  const jobId = listener === undefined ? undefined : `cli-${process.pid}-${(jobs += 1)}`;
  const unsubscribe = listener === undefined ? undefined : core.dispatcher.onProgress((progress) => {
    if (progress.jobId === jobId) listener(progress.done, progress.total, progress.message);
  });
  try {
    const result = await core.dispatcher.dispatch(name, input, { actor: cliActor() }, jobId);
    if (!result.ok) throw DxError.from(result.error);
    // The dispatcher checked the value against the contract's output schema.
    return result.value as ProcedureOutput<N>;
  } finally {
    unsubscribe?.();
  }
}
