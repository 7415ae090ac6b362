/**
 * The one place where a call from any door meets the core: the procedure name is looked up,
 * the input is parsed with the contract's schema before any handler runs, and every failure
 * becomes an `ApiErrorShape`. Transports only move bytes.
 */
import { isProcedureName, procedures } from '@shared/api/contract';
import type { ProcedureName, ProcedureOutput, ProcedureParsedInput } from '@shared/api/contract';
import { DxError } from '@shared/api/errors';
import type { ApiErrorShape } from '@shared/api/errors';
import type { CallResult } from '@shared/api/call-result';
import type { JobProgress } from '@shared/api/procedure';
import { toIssues } from '@shared/api/zod-issues';
import { dxErrorOfSqlite } from '../db/sqlite-errors';

export interface CallContext {
  /** Aborted when the caller cancels the job. */
  signal: AbortSignal;
  /** Report progress; a no-op unless the caller asked for a job. */
  progress(done: number, total: number, message?: string): void;
  /** Throws CANCELLED when the job was cancelled; call between steps of long work. */
  throwIfCancelled(): void;
}

export type Handler<N extends ProcedureName> = (
  input: ProcedureParsedInput<N>,
  context: CallContext,
) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;

export type HandlerMap = { [N in ProcedureName]: Handler<N> };

export type { CallResult };

export interface Dispatcher {
  dispatch(name: string, rawInput: unknown, jobId?: string): Promise<CallResult>;
  cancel(jobId: string): boolean;
  onProgress(listener: (progress: JobProgress) => void): () => void;
}

export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof DxError) return error.toJSON();
  const known = dxErrorOfSqlite(error);
  if (known) return known.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export function createDispatcher(handlers: HandlerMap, log: (error: unknown) => void = console.error): Dispatcher {
  const running = new Map<string, AbortController>();
  const listeners = new Set<(progress: JobProgress) => void>();

  async function run(name: ProcedureName, rawInput: unknown, jobId: string | undefined): Promise<CallResult> {
    const definition = procedures[name];
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid input for ${name}`, details: { issues } } };
    }
    const controller = new AbortController();
    if (jobId !== undefined) {
      if (running.has(jobId)) {
        return { ok: false, error: { code: 'CONFLICT', message: `Job ${jobId} is already running` } };
      }
      running.set(jobId, controller);
    }
    const context: CallContext = {
      signal: controller.signal,
      progress(done, total, message) {
        if (jobId === undefined) return;
        const event: JobProgress = message === undefined ? { jobId, done, total } : { jobId, done, total, message };
        for (const listener of listeners) listener(event);
      },
      throwIfCancelled() {
        if (controller.signal.aborted) throw new DxError('CANCELLED', `${name} was cancelled`);
      },
    };
    try {
      const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      return { ok: true, value: definition.output.parse(value) };
    } catch (error) {
      if (!(error instanceof DxError) && dxErrorOfSqlite(error) === undefined) log(error);
      return { ok: false, error: toErrorShape(error) };
    } finally {
      if (jobId !== undefined) running.delete(jobId);
    }
  }

  return {
    dispatch(name, rawInput, jobId) {
      if (!isProcedureName(name)) {
        return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown procedure ${name}` } });
      }
      return run(name, rawInput, jobId);
    },
    cancel(jobId) {
      const controller = running.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
