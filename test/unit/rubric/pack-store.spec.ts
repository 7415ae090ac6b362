// Stored packs: seeded on open (idempotently), immutable once stored, loaded by ref.
import { describe, expect, it } from 'vitest';
import type { DxError } from '@shared/api/errors';
import { addPack, getRubricPack, listPacks } from '../../../electron/main/rubric/pack-store';
import { seedDatabase } from '../../../electron/main/host/seed';
import { testCore } from '../../helpers/core';
import { starJsonCopy } from '../scoring/default-pack';

describe('rubric pack store', () => {
  it('loads both default packs when the database is opened', async () => {
    const core = await testCore();
    expect(listPacks(core.services.db).map((pack) => pack.ref).sort()).toEqual(['wuhan-ding@2026.1', 'wuhan-star@2026.1']);
  });

  it('seeds idempotently: a second seeding adds nothing', async () => {
    const core = await testCore();
    expect(seedDatabase(core.services)).toBe(false);
    expect(core.services.db.prepare('SELECT count(*) FROM rubric_packs').pluck().get()).toBe(2);
  });

  it('treats the same pack again as a no-op', async () => {
    const core = await testCore();
    const result = addPack(core.services.db, starJsonCopy(), 'import', 'ws', core.services.platform.now());
    expect(result.added).toBe(false);
  });

  it('refuses the same id@version with different content', async () => {
    const core = await testCore();
    const changed = starJsonCopy();
    changed.stars[0].min = 61;
    expect(() => addPack(core.services.db, changed, 'import', 'ws', core.services.platform.now())).toThrow(/already stored with different content/);
  });

  it('stores a new version beside the old one', async () => {
    const core = await testCore();
    const next = starJsonCopy();
    next.version = '2027.1';
    next.stars[0].min = 61;
    expect(addPack(core.services.db, next, 'import', 'ws', core.services.platform.now()).added).toBe(true);
    expect(getRubricPack(core.services.db, 'wuhan-star@2027.1').pack.stars[0]?.min).toBe(61);
  });

  it('refuses to change a stored pack in the database itself', async () => {
    const core = await testCore();
    expect(() => core.services.db.prepare("UPDATE rubric_packs SET body = '{}'").run()).toThrow(/immutable/);
    expect(() => core.services.db.prepare('DELETE FROM rubric_packs').run()).toThrow(/immutable/);
  });

  it('names a missing pack with NOT_FOUND', async () => {
    const core = await testCore();
    const error = (() => {
      try {
        getRubricPack(core.services.db, 'wuhan-star@1999.1');
      } catch (caught) {
        return caught as DxError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.message).toContain('wuhan-star@1999.1');
  });
});
