// `dingxing verification address [URL | --clear]`: the city office shows, sets and clears the address
// plaques' QR codes open, through verification.setAddress like the app's 设置; a bad address is a
// usage error naming it, and an account without the city role is refused; neither writes anything.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@shared/domain/roles';
import type * as CliActorModuleNamespace from '../../electron/main/users/cli-actor';
import { cli } from '../helpers/cli';
import { tempDbFile } from '../helpers/temp';

type CliActorModule = typeof CliActorModuleNamespace;

const account = vi.hoisted(() => ({ roles: null as Role[] | null }));

// The command line acts with every role of its account; one test gives the account fewer.
vi.mock('../../electron/main/users/cli-actor', async (importOriginal) => {
  const original = await importOriginal<CliActorModule>();
  return { cliActor: () => ({ ...original.cliActor(), ...(account.roles === null ? {} : { roles: account.roles }) }) };
});

afterEach(() => {
  account.roles = null;
});

const address = 'https://pingan.wuhan.gov.cn/verify';

function stored(file: string): { address: string | undefined; audited: { actor: string; data: string }[] } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      address: db.prepare("SELECT value FROM meta WHERE key = 'verification_address'").pluck().get() as string | undefined,
      audited: db.prepare("SELECT actor, data FROM audit_log WHERE action = 'verification.setAddress' ORDER BY seq").all() as { actor: string; data: string }[],
    };
  } finally {
    db.close();
  }
}

describe('dingxing verification address', () => {
  it('says when none is set, sets one, shows it and clears it, each change audited as cli:<account>', async () => {
    const db = tempDbFile();
    const none = await cli('verification', 'address', '--db', db, '--json');
    expect(none.code).toBe(0);
    expect(none.json()).toEqual({ address: null, setAt: null });
    expect((await cli('verification', 'address', '--db', db)).stdout).toContain('no verification address set');

    const set = await cli('verification', 'address', address, '--db', db, '--json');
    expect(set.code).toBe(0);
    expect(set.json()).toEqual({ address, setAt: expect.any(String) });
    const shown = await cli('verification', 'address', '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`verification address: ${address}`);

    const cleared = await cli('verification', 'address', '--clear', '--db', db);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain('verification address cleared');
    expect((await cli('verification', 'address', '--db', db, '--json')).json()).toMatchObject({ address: null });

    const { audited } = stored(db);
    expect(audited.map((entry) => JSON.parse(entry.data))).toEqual([{ address }, { address: null }]);
    expect(audited.every((entry) => entry.actor.startsWith('cli:'))).toBe(true);
  });

  it('refuses an address that is not one with exit 2, naming it, and writes nothing', async () => {
    const db = tempDbFile();
    await cli('verification', 'address', address, '--db', db);
    for (const bad of ['ftp://pingan.wuhan.gov.cn/verify', 'https://pingan.wuhan.gov.cn/verify?x=1', 'pingan.wuhan.gov.cn', `https://example.org/${'a'.repeat(80)}`]) {
      const refused = await cli('verification', 'address', bad, '--db', db);
      expect({ bad, code: refused.code }).toEqual({ bad, code: 2 });
      expect(refused.stderr).toContain(bad);
    }
    expect(stored(db)).toMatchObject({ address, audited: [expect.anything()] });
    const both = await cli('verification', 'address', address, '--clear', '--db', db);
    expect(both.code).toBe(2);
    // On a database that does not exist yet, a bad address does not even create it.
    const fresh = tempDbFile();
    expect((await cli('verification', 'address', 'not an address', '--db', fresh)).code).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('is refused (exit 1) for an account without the city office’s role, and changes nothing', async () => {
    const db = tempDbFile();
    await cli('verification', 'address', address, '--db', db);
    account.roles = ['inspector', 'leader', 'admin'];
    for (const args of [['https://other.example.org/verify'], ['--clear']]) {
      const refused = await cli('verification', 'address', ...args, '--db', db);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('verification.setAddress needs the role city');
    }
    // Reading it needs no role beyond being someone.
    expect((await cli('verification', 'address', '--db', db, '--json')).json()).toMatchObject({ address });
    expect(stored(db)).toMatchObject({ address, audited: [expect.anything()] });
  });
});
