/**
 * A driver for profiling a bundle import outside vitest: makes the bundle benchmark's season once
 * (kept in the folder given), then imports it into fresh city databases, each beside raw inserts
 * of the same rows. Bundle and run it with a CPU profile:
 *   node test/tools/run-ts.mjs test/bench/profile-import.ts DIR [count] [rounds]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof node_modules/.cache/dingxing-run-ts/profile-import.mjs DIR [count] [rounds]
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportWith, importWith } from '../../electron/main/bundles/bundle-deps';
import { signerMaterialOf } from '../../electron/main/bundles/signer';
import { enroll } from '../../electron/main/trust/trust-store';
import { openCore } from '../../electron/main/host/core';
import { createIdentity, unlockIdentity } from '../../electron/main/crypto/identity';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { contextOf, recordedAs } from '../helpers/context';
import { fillSeason, rawInserts, seasonNow } from './bundle-season';

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const [dir = 'scratch/profile-import', countText = '10000', roundsText = '3'] = process.argv.slice(2);
const count = Number(countText);
fs.mkdirSync(dir, { recursive: true });
const laptopFile = path.join(dir, `laptop-${count}.sqlite`);
const bundle = path.join(dir, `season-${count}.dxb`);
const fresh = !fs.existsSync(bundle);
if (fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(laptopFile + suffix, { force: true });
const laptop = await openCore({ dbFile: laptopFile, jobMode: 'inline' });
const keyStore = new PassphraseKeyStore('bench passphrase');
// A season kept from an earlier run already has its keys: they are unlocked, not made again.
const unlocked = fresh ? await createIdentity(laptop.services.db, laptop.services.workstation, [keyStore], seasonNow) : await unlockIdentity(laptop.services.db, laptop.services.workstation, keyStore);
if (fresh) {
  fillSeason(laptop, count);
  await exportWith(contextOf(laptop, recordedAs('bench'), () => seasonNow), { out: bundle, full: true, signer: signerMaterialOf(unlocked), dataDir: laptop.services.dataDir });
}
for (let round = 0; round < Number(roundsText); round += 1) {
  const cityFile = path.join(dir, `city-${round}.sqlite`);
  const rawFile = path.join(dir, `raw-${round}.sqlite`);
  for (const file of [cityFile, rawFile]) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const city = await openCore({ dbFile: cityFile, jobMode: 'inline' });
  enroll(contextOf(city, recordedAs('bench'), () => seasonNow), unlocked.publicIdentity);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = await importWith(contextOf(city, recordedAs('bench'), () => seasonNow), { file: bundle, dataDir: city.services.dataDir });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const importCpu = cpuSeconds(process.cpuUsage(cpu));
  const raw = await openCore({ dbFile: rawFile, jobMode: 'inline' });
  const { seconds: rawSeconds, cpuSeconds: rawCpuSeconds } = rawInserts(laptop, raw);
  console.log(
    `round ${round + 1}: import ${seconds.toFixed(2)} s (CPU ${importCpu.toFixed(2)} s; ${report.status}, ${JSON.stringify(report.added)}), raw inserts ${rawSeconds.toFixed(2)} s (CPU ${rawCpuSeconds.toFixed(2)} s), ratio ${(seconds / rawSeconds).toFixed(2)}× (CPU ${(importCpu / rawCpuSeconds).toFixed(2)}×)`,
  );
  city.close();
  raw.close();
}
laptop.close();
