// The three doors a call can come through, each over its own world: the command line's in-process
// dispatcher (acting as cli:<account>), serve mode's loopback HTTP, and the desktop's IPC (with
// `electron` stood in for by test/unit/desktop/support/fake-electron.ts, which the spec mocks).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { CallResult } from '@shared/api/call-result';
import { ipcChannel } from '@shared/api/ipc-channels';
import { isApiErrorShape } from '@shared/api/errors';
import type { Role } from '@shared/domain/roles';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { registerIpcTransport } from '../../../electron/main/desktop/ipc-transport';
import { startHttpServer } from '../../../electron/main/transports/http-server';
import { FakeWebContents, ipcHandlers } from '../../unit/desktop/support/fake-electron';
import { actorWith } from '../../helpers/actors';
import type { Door } from './cases';
import { password, scratchDir } from './world';
import type { World } from './world';

export interface TestDoor extends Door {
  /** Who the audit log must name for this door's calls. */
  actorId: string;
  /** Logs in again (after a case ended or replaced the session). */
  relogin(): Promise<void>;
  /** A caller of this door holding only `role`. */
  as(role: Role): Promise<Door>;
  /** A caller of this door with no login at all. */
  anonymous(): Door;
  close(): Promise<void>;
}

export function cliDoor(world: World): TestDoor {
  const dispatch = world.core.dispatcher;
  return {
    name: 'cli',
    actorId: cliActor().userId,
    call: (name, input, jobId) => dispatch.dispatch(name, input, { actor: cliActor() }, jobId),
    relogin: async () => undefined,
    as: async (role) => ({ name: `cli as ${role}`, call: (name, input) => dispatch.dispatch(name, input, { actor: actorWith(role, role) }) }),
    anonymous: () => ({ name: 'cli without an actor', call: (name, input) => dispatch.dispatch(name, input, { session: null }) }),
    close: async () => undefined,
  };
}

function post(port: number, token: string, session: string, name: string, input: unknown, jobId?: string): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input ?? {});
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Dingxing-Session': session, ...(jobId === undefined ? {} : { 'X-Job-Id': jobId }) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const reply = JSON.parse(text) as { result?: unknown; error?: unknown };
          if (isApiErrorShape(reply.error)) resolve({ ok: false, error: reply.error });
          else resolve({ ok: true, value: reply.result });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function httpDoor(world: World): Promise<TestDoor> {
  const rendererDir = scratchDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  const token = 'doors-token-0123456789abcdef';
  const server = await startHttpServer({ dispatcher: world.core.dispatcher, port: 0, rendererDir, token });
  const login = async (name: string) => {
    const result = await post(server.port, token, '', 'session.login', { name, password });
    if (!result.ok) throw new Error(`cannot log in ${name}: ${result.error.message}`);
    return (result.value as { session: string }).session;
  };
  let session = await login('tester');
  return {
    name: 'serve',
    actorId: world.userId('tester'),
    call: async (name, input, jobId) => {
      const result = await post(server.port, token, session, name, input, jobId);
      // As the app does: a login or the first admin answers the tab's new session.
      if (result.ok && (name === 'session.login' || name === 'setup.createAdmin')) session = (result.value as { session: string }).session;
      return result;
    },
    relogin: async () => {
      session = await login('tester');
    },
    as: async (role) => {
      const own = await login(role);
      return { name: `serve as ${role}`, call: (name, input) => post(server.port, token, own, name, input) };
    },
    anonymous: () => ({ name: 'serve without a session', call: (name, input) => post(server.port, token, '', name, input) }),
    close: () => server.close(),
  };
}

/** A window of the app: its top frame at the app's own origin, as the IPC transport requires. */
function windowEvent(contents: FakeWebContents) {
  return { senderFrame: { url: 'app://dingxing/index.html', parent: null }, sender: contents };
}

export async function ipcDoor(world: World): Promise<TestDoor> {
  const unregister = registerIpcTransport(world.core.dispatcher, null);
  const invoke = (contents: FakeWebContents, name: string, input: unknown, jobId?: string): Promise<CallResult> => {
    const handler = ipcHandlers.get(ipcChannel(name));
    if (handler === undefined) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `no IPC channel for ${name}` } });
    return handler(windowEvent(contents), input, jobId) as Promise<CallResult>;
  };
  const window = new FakeWebContents();
  const login = async (contents: FakeWebContents, name: string) => {
    const result = await invoke(contents, 'session.login', { name, password });
    if (!result.ok) throw new Error(`cannot log in ${name}: ${result.error.message}`);
  };
  await login(window, 'tester');
  return {
    name: 'electron',
    actorId: world.userId('tester'),
    call: (name, input, jobId) => invoke(window, name, input, jobId),
    relogin: () => login(window, 'tester'),
    as: async (role) => {
      const other = new FakeWebContents();
      await login(other, role);
      return { name: `electron as ${role}`, call: (name, input) => invoke(other, name, input) };
    },
    anonymous: () => {
      const stranger = new FakeWebContents();
      return { name: 'electron without a login', call: (name, input) => invoke(stranger, name, input) };
    },
    close: async () => unregister(),
  };
}
