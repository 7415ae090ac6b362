// Every door is a client of the contract: each procedure, called through the command line's
// in-process dispatcher, serve mode's HTTP and the desktop's IPC, answers the same way, refuses
// the same callers and the same bad input with the same error, and records the door's own caller
// in the audit log (cli:<account> for the command line, the logged-in user for the app).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { procedures } from '@shared/api/contract';
import type { ProcedureName } from '@shared/api/contract';
import type { ApiErrorShape } from '@shared/api/errors';
import type { CallResult } from '@shared/api/call-result';
import { roles } from '@shared/domain/roles';
import type { Role } from '@shared/domain/roles';
import { cases } from './doors/cases';
import type { Door } from './doors/cases';
import { auditSince, lastAuditSeq } from './doors/database-digest';
import { cliDoor, httpDoor, ipcDoor } from './doors/doors';
import type { TestDoor } from './doors/doors';
import { world } from './doors/world';
import type { World } from './doors/world';

vi.mock('electron', async () => (await import('../unit/desktop/support/fake-electron')).electronModule);

interface Seen {
  door: string;
  name: ProcedureName;
  outcome: string;
  /** Audit entries the call recorded: each with the actor it names. */
  actors: string[];
}

const doors: { door: TestDoor; world: World }[] = [];
const seen: Seen[] = [];

/** What a refusal says, without the parts that name this door's own records. */
function shape(error: ApiErrorShape) {
  return { code: error.code, message: error.message, reason: error.details?.reason, roles: error.details?.roles, issues: error.details?.issues };
}

function outcome(result: CallResult): string {
  return result.ok ? 'ok' : result.error.code;
}

beforeAll(async () => {
  for (const open of [cliDoor, httpDoor, ipcDoor]) {
    const w = await world();
    doors.push({ door: await open(w), world: w });
  }
  for (const { door, world: w } of doors) {
    for (const entry of cases) {
      const input = await entry.input(w, door);
      const seq = lastAuditSeq(w.core.services.db);
      const result = await door.call(entry.name, input);
      seen.push({ door: door.name, name: entry.name, outcome: outcome(result), actors: auditSince(w.core.services.db, seq).map((row) => row.actor) });
      if (entry.relogin) await door.relogin();
    }
  }
}, 600_000);

afterAll(async () => {
  for (const { door } of doors) await door.close();
});

describe('the three doors', () => {
  it('answer every procedure of the contract as the table expects', () => {
    expect(cases.map((entry) => entry.name).sort()).toEqual(Object.keys(procedures).sort());
    for (const { door } of doors) {
      for (const entry of cases) {
        const call = seen.find((candidate) => candidate.door === door.name && candidate.name === entry.name);
        const expected = door.name === 'cli' ? (entry.withoutSession ?? entry.expect) : entry.expect;
        expect({ door: door.name, name: entry.name, outcome: call?.outcome }).toEqual({ door: door.name, name: entry.name, outcome: expected });
      }
    }
  });

  it('record the door’s own caller in every audit entry: cli:<account>, or the user logged in at the window or tab', () => {
    for (const { door, world: w } of doors) {
      for (const call of seen.filter((candidate) => candidate.door === door.name)) {
        // A login is recorded as the user it logs in, whoever asked.
        const expected = call.name === 'session.login' || call.name === 'session.logout' ? w.userId('tester') : door.actorId;
        for (const actor of call.actors) expect({ door: door.name, name: call.name, actor }).toEqual({ door: door.name, name: call.name, actor: expected });
      }
    }
    const cliActors = seen.filter((call) => call.door === 'cli' && call.name !== 'session.login').flatMap((call) => call.actors);
    expect(cliActors.length).toBeGreaterThan(20);
    expect(cliActors.every((actor) => actor.startsWith('cli:'))).toBe(true);
  });

  it('refuse input that is not the procedure’s with the same BAD_INPUT and issues through every door', async () => {
    for (const name of Object.keys(procedures) as ProcedureName[]) {
      const refusals = await Promise.all(doors.map(async ({ door }) => ({ door: door.name, result: await door.call(name, 'not an object') })));
      const shapes = refusals.map(({ door, result }) => ({ door, shape: result.ok ? 'accepted' : shape(result.error) }));
      expect(shapes[0]?.shape).toMatchObject({ code: 'BAD_INPUT', issues: [expect.objectContaining({ path: [] })] });
      for (const other of shapes.slice(1)) expect({ name, door: other.door, shape: other.shape }).toEqual({ name, door: other.door, shape: shapes[0]?.shape });
    }
  });

  it('refuse a caller without the role with the same FORBIDDEN through every door, before any input is looked at', async () => {
    const callers = new Map<string, Promise<Door>>();
    const as = (door: TestDoor, role: Role) => {
      const key = `${door.name}/${role}`;
      if (!callers.has(key)) callers.set(key, door.as(role));
      return callers.get(key) as Promise<Door>;
    };
    for (const [name, definition] of Object.entries(procedures) as [ProcedureName, (typeof procedures)[ProcedureName]][]) {
      if (definition.roles === 'public' || definition.roles === 'signedIn') continue;
      const allowed: readonly Role[] = definition.roles;
      const outsider = roles.find((role) => !allowed.includes(role)) as Role;
      const refusals = await Promise.all(doors.map(async ({ door }) => ({ door: door.name, result: await (await as(door, outsider)).call(name, 'not an object') })));
      for (const { door, result } of refusals) {
        expect({ name, door, shape: result.ok ? 'accepted' : shape(result.error) }).toEqual({ name, door, shape: { code: 'FORBIDDEN', message: expect.stringContaining(name), reason: 'auth.roleRequired', roles: [...allowed], issues: undefined } });
      }
    }
  });

  it('refuse a caller who is not logged in with the same UNAUTHORIZED through every door', async () => {
    for (const { door } of doors) {
      const result = await door.anonymous().call('units.list', {});
      expect({ door: door.name, shape: result.ok ? 'accepted' : shape(result.error) }).toEqual({ door: door.name, shape: { code: 'UNAUTHORIZED', message: '请先登录 / Log in first', reason: 'auth.required', roles: undefined, issues: undefined } });
    }
  });
});
