// What the registry's bundles refuse, and what they still take: a number held for another
// certificate, a registry row of a unit the bundle does not carry, a code that changed under a
// laptop's plaques; and city and laptop bundles written before the registry travelled.
import { describe, expect, it } from 'vitest';
import { jsonLines, rebuild, toJsonLines } from '../bundles/world';
import type { Manifest } from '@shared/bundle/manifest';
import { cityWorld, place } from './world';

const hanyang = '420105';

describe('registry bundles: refusals and bundles from before', () => {
  it('refuses a laptop bundle whose plaque number the city holds for another certificate, naming the line', async () => {
    const { city, folder } = await cityWorld({});
    // Two laptops that work alone number without a code: both issue WH-2026-420105-000001.
    const first = await place('独立一号');
    const second = await place('独立二号');
    for (const laptop of [first, second]) {
      await city.call('trust.add', { identityJson: JSON.stringify(laptop.identity), districts: [hanyang] });
      const unit = await laptop.unit(`${laptop.name}的单位`, hanyang);
      const { certificate } = await laptop.issue((await laptop.sign(unit, 2026, '2026-11-20')).id);
      expect(certificate.number).toBe('WH-2026-420105-000001');
    }
    const [accepted, refused] = await city.take(await first.send(folder, 'x'), await second.send(folder, 'y'));
    expect(accepted!.status).toBe('imported');
    expect(refused).toMatchObject({ status: 'refused', refused: [{ entry: 'records/certificates.jsonl:1', reasonEn: expect.stringMatching(/WH-2026-420105-000001 already belongs to another certificate \(独立一号的单位, issued by 独立一号/) }] });
    expect(city.core.services.db.prepare("SELECT count(*) FROM units WHERE name = '独立二号的单位'").pluck().get()).toBe(0);
  });

  it('refuses to issue a plaque on a laptop that works with a city office before its code arrived', async () => {
    const { laptops } = await cityWorld({ A: [hanyang] });
    const unit = await laptops.A!.unit('等待代码的单位', hanyang);
    const signed = await laptops.A!.sign(unit, 2026, '2026-11-20');
    await expect(laptops.A!.issue(signed.id)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'no-workstation-code' } });
    expect(laptops.A!.core.services.db.prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(0);
  });

  it('refuses a city bundle with a history row of a unit it does not carry, or a code that changed, writing nothing', async () => {
    const world = await cityWorld({ A: [hanyang] });
    const A = world.laptops.A!;
    const unit = await A.unit('汉阳参照单位', hanyang);
    await A.sign(unit, 2026, '2026-11-20');
    await world.city.take(await A.send(world.folder, '1'));
    const good = await world.cityBundle('good');
    const orphan = `${world.folder}/orphan.dxb`;
    await rebuild(good, orphan, world.city.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/registry_history.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map((line) => ({ ...line, unit_id: 'no-such-unit' }))) } : entry)),
    });
    const before = A.snapshot();
    const [refusedOrphan] = await A.take(orphan);
    expect(refusedOrphan).toMatchObject({ status: 'refused', refused: [{ entry: 'records/registry_history.jsonl:1', reasonEn: expect.stringMatching(/unit no-such-unit, which registry_units does not hold/) }] });
    expect(A.snapshot()).toEqual(before);

    await A.take(good);
    const code = A.core.services.db.prepare("SELECT value FROM meta WHERE key = 'workstation_code'").pluck().get() as string;
    const recoded = `${world.folder}/recoded.dxb`;
    await rebuild(good, recoded, world.city.signer, {
      entries: (entries) => entries.map((entry) => (entry.name === 'records/trust_roster.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map((line) => ({ ...line, code: code === 'ZZ' ? 'ZY' : 'ZZ' }))) } : entry)),
    });
    const [refusedCode] = await A.take(recoded);
    expect(refusedCode).toMatchObject({ status: 'refused', refused: [{ entry: 'records/trust_roster.jsonl:1', reasonEn: expect.stringMatching(new RegExp(`already uses ${code}`)) }] });
  });

  it('still imports a city bundle from before the registry travelled (no registry files, no codes or districts)', async () => {
    const world = await cityWorld({ A: [hanyang] });
    const A = world.laptops.A!;
    const current = await world.cityBundle('now');
    const old = `${world.folder}/old-city.dxb`;
    const registryFiles = ['registry_units', 'registry_history', 'registry_rectifications', 'registry_certificates', 'plan'];
    await rebuild(current, old, world.city.signer, {
      entries: (entries) =>
        entries
          .filter((entry) => !registryFiles.some((table) => entry.name === `records/${table}.jsonl`))
          .map((entry) => (entry.name === 'records/trust_roster.jsonl' ? { ...entry, bytes: toJsonLines(jsonLines(entry.bytes).map(({ code: _code, districts: _districts, ...line }) => line)) } : entry)),
      manifest: (manifest: Manifest) => ({ ...manifest, counts: Object.fromEntries(Object.entries(manifest.counts).filter(([table]) => !registryFiles.includes(table))) }),
    });
    const [report] = await A.take(old);
    expect(report).toMatchObject({ status: 'imported', refused: [], skipped: {} });
    expect(A.core.services.db.prepare("SELECT value FROM meta WHERE key = 'workstation_code'").pluck().get()).toBeUndefined();
  });

  it('still imports a laptop bundle whose history rows have no source (written before paper rows)', async () => {
    const world = await cityWorld({ A: [hanyang] });
    const A = world.laptops.A!;
    const unit = await A.unit('汉阳旧格式单位', hanyang);
    await A.sign(unit, 2026, '2026-11-20');
    const sent = await A.send(world.folder, 'old');
    const lines = await import('../bundles/world').then(({ unzip }) => unzip(sent));
    const history = jsonLines(lines.find((entry) => entry.name === 'records/unit_star_history.jsonl')!.bytes);
    // A row of an assessment travels without the later columns, as it did before them.
    expect(Object.keys(history[0]!)).not.toContain('source');
    const [report] = await world.city.take(sent);
    expect(report).toMatchObject({ status: 'imported', added: { unit_star_history: 1 } });
    expect(world.city.stars(unit)).toBe(1);
  });
});
