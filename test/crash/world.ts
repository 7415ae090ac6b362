/**
 * The database the crash campaign works on: initialised once, with a user holding every role, the
 * workstation keys behind a passphrase, and signed assessments waiting for certificates.
 * Each scenario adds its own rows under a unique tag, so its all-or-nothing check counts only them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from './processes';

export const password = 'crash-password-1';
export const keyEnv = { DINGXING_KEY_PASSPHRASE: 'crash-key-passphrase' };

export interface World {
  dir: string;
  dbFile: string;
  /** A fresh tag for one attempt's rows. */
  tag(prefix: string): string;
  file(name: string, content: string | Buffer): string;
}

const deliveryAnswers = JSON.parse(fs.readFileSync(path.resolve('test/fixtures/assessments/delivery-contract-example.json'), 'utf8')) as { answers: Record<string, unknown> };

/** A complete dingxing.assessment/1 document for a new delivery unit named `name`. */
export function assessmentDocument(name: string, district = '420103'): Record<string, unknown> {
  return {
    format: 'dingxing.assessment/1',
    rubric: 'wuhan-star@2026.1',
    unit: { name, kind: 'enterprise', industry: 'delivery', district, households: null },
    cycle: 2026,
    assessedOn: '2026-11-20',
    previousStars: 2,
    lastVetoOn: null,
    answers: deliveryAnswers.answers,
  };
}

export async function makeWorld(dir: string): Promise<World> {
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, 'crash.sqlite');
  let counter = 0;
  const world: World = {
    dir,
    dbFile,
    tag: (prefix) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`,
    file(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
  };
  for (const args of [
    ['init', '--db', dbFile],
    ['users', 'add', 'crash', '--role', 'inspector', '--role', 'leader', '--role', 'city', '--role', 'admin', '--db', dbFile],
    ['identity', 'create', '--db', dbFile],
  ]) {
    const ran = await run(args, { DINGXING_PASSWORD: password, ...keyEnv });
    if (ran.code !== 0) throw new Error(`crash world set-up: dingxing ${args.join(' ')} → ${ran.code}: ${ran.stderr}`);
  }
  return world;
}
