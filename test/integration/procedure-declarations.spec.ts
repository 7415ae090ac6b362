// What a procedure declares is what it does: every call of the contract is made on a real core,
// and a call declared as a read may not change the database, a job that writes must be declared
// writing, and every audit entry a call records must be an action its definition names.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { procedures } from '@shared/api/contract';
import type { ProcedureName } from '@shared/api/contract';
import { jobs } from '@shared/api/jobs';
import type { JobName } from '@shared/api/jobs';
import type * as ExecuteJob from '../../electron/main/jobs/execute-job';
import { waitsForWriters } from '../../electron/main/api/dispatch';
import { cliActor } from '../../electron/main/cli/cli-actor';
import { cases } from './doors/cases';
import type { Door } from './doors/cases';
import { auditSince, databaseDigest, lastAuditSeq } from './doors/database-digest';
import { world } from './doors/world';
import type { World } from './doors/world';

/** Which jobs changed the database while they ran. */
const jobRuns = new Map<JobName, boolean>();

vi.mock('../../electron/main/jobs/execute-job', async (importOriginal) => {
  const actual = await importOriginal<typeof ExecuteJob>();
  const { databaseDigest: digest } = await import('./doors/database-digest');
  return {
    ...actual,
    executeJob: async (options: Parameters<typeof actual.executeJob>[0]) => {
      const before = digest(options.db);
      try {
        return await actual.executeJob(options);
      } finally {
        jobRuns.set(options.name, (jobRuns.get(options.name) ?? false) || digest(options.db) !== before);
      }
    },
  };
});

interface Observed {
  name: ProcedureName;
  ok: boolean;
  code: string | null;
  wrote: boolean;
  actions: string[];
}

let w: World;
const observed: Observed[] = [];

beforeAll(async () => {
  w = await world();
  const door: Door = { name: 'cli', call: (name, input, jobId) => w.core.dispatcher.dispatch(name, input, { actor: cliActor() }, jobId) };
  for (const entry of cases) {
    const input = await entry.input(w, door);
    const before = databaseDigest(w.core.services.db);
    const seq = lastAuditSeq(w.core.services.db);
    const result = await door.call(entry.name, input);
    observed.push({
      name: entry.name,
      ok: result.ok,
      code: result.ok ? null : result.error.code,
      wrote: databaseDigest(w.core.services.db) !== before,
      actions: auditSince(w.core.services.db, seq).map((row) => row.action),
    });
  }
}, 120_000);

afterAll(() => jobRuns.clear());

describe('procedure declarations', () => {
  it('has a call of every procedure in the contract, and each answers as expected', () => {
    expect(cases.map((entry) => entry.name).sort()).toEqual(Object.keys(procedures).sort());
    for (const entry of cases) {
      const seen = observed.find((call) => call.name === entry.name);
      expect({ name: entry.name, outcome: seen?.ok ? 'ok' : seen?.code }).toEqual({ name: entry.name, outcome: entry.withoutSession ?? entry.expect });
    }
  });

  it('leaves the database as it was after every call declared as a read', () => {
    const undeclared = observed.filter((call) => call.wrote && !procedures[call.name].writes).map((call) => call.name);
    expect(undeclared).toEqual([]);
  });

  it('declares as writing every job that changed the database from its own connection', () => {
    expect([...jobRuns.keys()].sort()).toEqual(Object.keys(jobs).sort());
    const undeclared = [...jobRuns].filter(([name, wrote]) => wrote && !jobs[name].writes).map(([name]) => name);
    expect(undeclared).toEqual([]);
  });

  it('records only the audit actions a procedure declares', () => {
    const undeclared = observed.flatMap((call) => call.actions.filter((action) => !(procedures[call.name].audit ?? []).includes(action)).map((action) => `${call.name} → ${action}`));
    expect(undeclared).toEqual([]);
  });

  it('declares a writing procedure for every audit action, so the call waits for a writing job or is one', () => {
    for (const [name, definition] of Object.entries(procedures) as [ProcedureName, (typeof procedures)[ProcedureName]][]) {
      if ((definition.audit ?? []).length === 0) continue;
      expect({ name, writes: definition.writes }).toEqual({ name, writes: true });
    }
  });

  it('queues behind a writing job every call that writes on the main connection, and no read', () => {
    expect(waitsForWriters('assessments.saveDraft')).toBe(true);
    expect(waitsForWriters('trust.add')).toBe(true);
    // Its own job holds the gate while it writes from the worker.
    expect(waitsForWriters('units.import')).toBe(false);
    expect(waitsForWriters('units.list')).toBe(false);
  });
});
