// The city-scale database the benches measure on: `dingxing demo --units 100000` with its three
// cycles and the certificates of the newest one, built once and kept in bench-results/fixtures/
// (ignored by git) under a name that changes when the demo's code does, so `npm run bench` builds
// it only the first time (a few minutes of CPU) and after a change to the demo.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/main/host/core';
import { openDatabase } from '../../electron/main/db/open-database';
import { nodePlatform } from '../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../helpers/keys';
import { generateDemo } from '../../electron/main/demo/generate-demo';
import { issueDemoCertificates } from '../../electron/main/demo/demo-certificates';
import { contextOf, recordedAs } from '../helpers/context';

export const cityUnits = 100_000;
export const cityPassphrase = 'city bench passphrase';
const fixtures = path.resolve('bench-results', 'fixtures');

/** What the demo's data depends on: its own code and the star pack it scores with. */
function demoHash(): string {
  const hash = createHash('sha256');
  const sources = ['electron/main/demo', 'electron/main/rubric/default-packs'];
  for (const dir of sources) {
    for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The path of the city database, built when missing and brought to the current schema (no backup: it is ours). */
export async function cityFixture(log: (line: string) => void = (line) => console.log(line)): Promise<string> {
  const file = path.join(fixtures, `city-${cityUnits}-${demoHash()}.sqlite`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(fixtures, { recursive: true });
    for (const old of fs.readdirSync(fixtures).filter((name) => name.startsWith('city-'))) fs.rmSync(path.join(fixtures, old), { force: true });
    const building = `${file}.building`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
    log(`building the city-scale fixture (${cityUnits.toLocaleString('en-US')} units; kept in ${path.relative(process.cwd(), fixtures)}/ for the next runs)`);
    const started = performance.now();
    const core = await openCore({ dbFile: building, jobMode: 'inline', platform: nodePlatform({ keyStore: new PassphraseKeyStore(cityPassphrase) }) });
    try {
      // The keys are made on purpose (identity create), never by the first signature.
      await makeKeys(core, cityPassphrase);
      let shown = 0;
      generateDemo(contextOf(core), {
        units: cityUnits,
        progress: (done, total) => {
          if (done - shown >= total / 10 || done === total) {
            shown = done;
            log(`  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} units, ${Math.round((performance.now() - started) / 1000)} s`);
          }
        },
      });
      const certificates = await issueDemoCertificates(contextOf(core, recordedAs('bench')), core.services.platform.keyStore);
      log(`  ${certificates.issued.toLocaleString('en-US')} certificates, ${Math.round((performance.now() - started) / 1000)} s`);
      core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      core.close();
    }
    fs.renameSync(building, file);
  }
  const opened = await openDatabase(file, { backupBeforeMigrate: false });
  opened.db.close();
  return file;
}
