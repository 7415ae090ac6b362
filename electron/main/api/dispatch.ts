/**
 * The one place where a call from any door meets the core: the procedure name is looked up, the
 * caller the door established is checked against the roles the contract allows, and the input is
 * parsed with the contract's schema, all before any handler runs. What the definition declares
 * is applied here too: a call that writes on the main connection waits for a writing job, and a
 * handler runs the job its procedure names. Every failure becomes an `ApiErrorShape`.
 * Transports only move bytes and say who is calling.
 */
import { isProcedureName, procedures } from '@shared/api/contract';
import type { ProcedureName, ProcedureOutput, ProcedureParsedInput, Procedures } from '@shared/api/contract';
import { DxError } from '@shared/api/errors';
import type { ApiErrorShape } from '@shared/api/errors';
import type { CallResult } from '@shared/api/call-result';
import type { JobProgress } from '@shared/api/procedure';
import { jobWrites } from '@shared/api/jobs';
import type { JobName } from '@shared/api/jobs';
import { toIssues } from '@shared/api/zod-issues';
import { toErrorShape } from '../db/error-shape';
import { dxErrorOfSqlite } from '../db/sqlite-errors';
import { actorMayCall } from '@shared/domain/roles';
import type { Access, Actor } from '@shared/domain/roles';
import type { Caller, ResolvedCaller } from '../users/sessions';
import type { JobInput, JobOutput } from '../jobs/registry';
import type { JobCall } from '../jobs/run-job';
import type { DomainContext } from '../context/domain-context';
import type { WriteGate } from '../jobs/write-gate';

export type { Caller };

export interface CallContext<J extends JobName = never> {
  /** Who is calling, established by the door; null only for public procedures called anonymously. */
  actor: Actor | null;
  /** The door's session value this call carried (serve header, Electron window), if it is live. */
  session: string | null;
  /** Aborted when the caller cancels the job. */
  signal: AbortSignal;
  /** Report progress; a no-op unless the caller asked for a job. */
  progress(done: number, total: number, message?: string): void;
  /** Throws CANCELLED when the job was cancelled; call between steps of long work. */
  throwIfCancelled(): void;
  /** Runs the job the procedure declares (`job` in its definition), off the main thread, with this call's progress and cancel. */
  runJob(input: JobInput<J>): Promise<JobOutput<J>>;
  /**
   * The context domain operations get: this core's connection and clock, acting as the caller
   * (or as `actor`, whom logging in has just established), auditing only the actions the procedure declares.
   */
  domain(actor?: Actor): DomainContext;
}

/** The job a procedure declares, or never. */
export type JobOfProcedure<N extends ProcedureName> = Procedures[N] extends { job?: infer J } ? (J extends JobName ? J : never) : never;

export type Handler<N extends ProcedureName> = (
  input: ProcedureParsedInput<N>,
  context: CallContext<JobOfProcedure<N>>,
) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;

export type HandlerMap = { [N in ProcedureName]: Handler<N> };

export type { CallResult };

export interface Dispatcher {
  dispatch(name: string, rawInput: unknown, caller: Caller, jobId?: string): Promise<CallResult>;
  cancel(jobId: string): boolean;
  onProgress(listener: (progress: JobProgress) => void): () => void;
}

export interface DispatcherOptions {
  resolveCaller(caller: Caller): ResolvedCaller;
  /** A call by a logged-in user went through: restart its session's idle clock. */
  touchSession?(session: string): void;
  log?(error: unknown): void;
  /** A call succeeded (e.g. to sign an audit checkpoint when one is due); not awaited, errors are logged. */
  afterCall?(name: ProcedureName): Promise<unknown>;
  /** Where calls that write on the main connection wait while a job writes from its worker. */
  writeGate?: WriteGate;
  /** Runs a job for a call (in a worker, or inline); without it a procedure's job cannot run. */
  runJob?<J extends JobName>(name: J, input: JobInput<J>, call: JobCall): Promise<JobOutput<J>>;
  /** The domain context of an actor, auditing only `actions`; without it handlers have none. */
  domainContext?(actor: Actor, actions: readonly string[]): DomainContext;
}

/**
 * Whether a call waits for writing jobs before its handler runs: it writes on the main connection.
 * A procedure whose own job writes does not wait: that job holds the gate while it runs.
 */
export function waitsForWriters(name: ProcedureName): boolean {
  const definition: { writes: boolean; job?: JobName } = procedures[name];
  return definition.writes && (definition.job === undefined || !jobWrites(definition.job));
}

export { toErrorShape };

const roleNames: Record<string, string> = { inspector: '检查员', leader: '组长', city: '市指挥部', admin: '管理员' };

/** Why a caller may not call: null when it may. */
export function refusal(name: string, access: Access, resolved: ResolvedCaller): ApiErrorShape | null {
  if (access === 'public') return null;
  if (resolved.actor === null) {
    return resolved.locked
      ? { code: 'UNAUTHORIZED', message: '已锁定，请输入密码解锁 / Locked: enter your password to unlock', details: { reason: 'auth.locked', locked: true } }
      : { code: 'UNAUTHORIZED', message: '请先登录 / Log in first', details: { reason: 'auth.required' } };
  }
  if (actorMayCall(resolved.actor, access)) return null;
  const needed = access === 'signedIn' ? [] : [...access];
  return {
    code: 'FORBIDDEN',
    message: `${name} 需要角色 ${needed.map((role) => roleNames[role] ?? role).join(' 或 ')} / ${name} needs the role ${needed.join(' or ')}`,
    details: { reason: 'auth.roleRequired', params: { procedure: name, roles: needed.join(', ') }, roles: needed },
  };
}

export function createDispatcher(handlers: HandlerMap, options: DispatcherOptions): Dispatcher {
  const running = new Map<string, AbortController>();
  const listeners = new Set<(progress: JobProgress) => void>();
  const log = options.log ?? console.error;

  async function run(name: ProcedureName, rawInput: unknown, caller: Caller, jobId: string | undefined): Promise<CallResult> {
    const definition = procedures[name];
    const resolved = options.resolveCaller(caller);
    const refused = refusal(name, definition.roles, resolved);
    if (refused) return { ok: false, error: refused };
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid input for ${name}`, details: { issues } } };
    }
    if (resolved.session !== null && resolved.actor !== null && definition.roles !== 'public') options.touchSession?.(resolved.session);
    const controller = new AbortController();
    if (jobId !== undefined) {
      if (running.has(jobId)) {
        return { ok: false, error: { code: 'CONFLICT', message: `Job ${jobId} is already running` } };
      }
      running.set(jobId, controller);
    }
    const declaredJob: JobName | undefined = (definition as { job?: JobName }).job;
    const audit: readonly string[] = (definition as { audit?: readonly string[] }).audit ?? [];
    const context: CallContext<JobName> = {
      actor: resolved.actor,
      session: resolved.session,
      signal: controller.signal,
      progress(done, total, message) {
        if (jobId === undefined) return;
        const event: JobProgress = message === undefined ? { jobId, done, total } : { jobId, done, total, message };
        for (const listener of listeners) listener(event);
      },
      throwIfCancelled() {
        if (controller.signal.aborted) throw new DxError('CANCELLED', `${name} was cancelled`);
      },
      runJob(input) {
        if (declaredJob === undefined || options.runJob === undefined) return Promise.reject(new DxError('INTERNAL', `${name} declares no job to run`));
        return options.runJob(declaredJob, input, { actor: requireActor(context), actions: audit, signal: controller.signal, progress: context.progress });
      },
      domain(actor) {
        if (options.domainContext === undefined) throw new DxError('INTERNAL', `${name} has no domain context here`);
        return options.domainContext(actor ?? requireActor(context), audit);
      },
    };
    try {
      const handler = handlers[name] as (input: unknown, context: CallContext<JobName>) => unknown;
      const gate = options.writeGate;
      const value = gate !== undefined && waitsForWriters(name) ? await gate.whenFree(() => handler(parsed.data, context)) : await handler(parsed.data, context);
      const result: CallResult = { ok: true, value: definition.output.parse(value) };
      options.afterCall?.(name).catch(log);
      return result;
    } catch (error) {
      if (!(error instanceof DxError) && dxErrorOfSqlite(error) === undefined) log(error);
      return { ok: false, error: toErrorShape(error) };
    } finally {
      if (jobId !== undefined) running.delete(jobId);
    }
  }

  return {
    dispatch(name, rawInput, caller, jobId) {
      if (!isProcedureName(name)) {
        return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown procedure ${name}` } });
      }
      return run(name, rawInput, caller, jobId);
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

/** For handlers that only a logged-in caller reaches: the dispatcher has already refused everyone else. */
export function requireActor(context: CallContext): Actor {
  if (context.actor === null) throw new DxError('UNAUTHORIZED', '请先登录 / Log in first', { reason: 'auth.required' });
  return context.actor;
}
