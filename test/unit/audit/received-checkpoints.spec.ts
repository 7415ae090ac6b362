// The city office's check of checkpoints arriving in bundles: signed by the enrolled key, and
// consistent with what earlier bundles of the same workstation showed.
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkReceivedCheckpoints } from '../../../electron/main/audit/checkpoint-verify';
import { signCheckpoint } from '../../../electron/main/audit/checkpoints';
import type { AuditCheckpoint, SigningKey } from '../../../electron/main/audit/checkpoints';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations';

function keyPair(): SigningKey {
  const pair = crypto.generateKeyPairSync('ed25519');
  const raw = (pair.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(12);
  return { workstationId: 'ws-laptop', publicKey: raw.toString('base64url'), privateKey: pair.privateKey };
}

const hashOf = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** A checkpoint over a made-up entry `seq` whose content is `content`. */
function checkpointAt(key: SigningKey, seq: number, content: string): AuditCheckpoint {
  const db = new BetterSqlite3(':memory:');
  applyMigrations(db, migrations, 0);
  const insert = db.prepare("INSERT INTO audit_log (seq, id, at, workstation_id, actor, action, subject, data, prev_hash, hash) VALUES (?, ?, '2026-12-01T00:00:00Z', 'ws-laptop', 't', 'a', NULL, '{}', ?, ?)");
  insert.run(seq, `entry-${seq}`, '0'.repeat(64), hashOf(content));
  const checkpoint = signCheckpoint(db, key, 'export', new Date('2026-12-01T00:00:00Z'))!;
  db.close();
  return checkpoint;
}

describe('checkpoints received from a workstation', () => {
  const key = keyPair();
  const entry = (seq: number, content: string) => ({ seq, id: `entry-${seq}`, hash: hashOf(content) });

  it('accepts a log that grew on from the checkpoints already received', () => {
    const known = [checkpointAt(key, 10, 'ten')];
    expect(checkReceivedCheckpoints({ enrolledPublicKey: key.publicKey, known, incoming: [checkpointAt(key, 20, 'twenty')], entries: [entry(20, 'twenty')] })).toBeNull();
  });

  it('refuses a checkpoint not signed by the enrolled key', () => {
    const other = keyPair();
    expect(checkReceivedCheckpoints({ enrolledPublicKey: key.publicKey, known: [], incoming: [checkpointAt(other, 5, 'five')], entries: [] })).toMatchObject({ seq: 5, problem: 'badSignature' });
  });

  it('finds a log rewritten behind a checkpoint received earlier', () => {
    const known = [checkpointAt(key, 10, 'ten')];
    expect(checkReceivedCheckpoints({ enrolledPublicKey: key.publicKey, known, incoming: [], entries: [entry(10, 'ten, changed')] })).toMatchObject({ seq: 10, problem: 'rewritten' });
    expect(checkReceivedCheckpoints({ enrolledPublicKey: key.publicKey, known, incoming: [checkpointAt(key, 10, 'ten, changed')], entries: [] })).toMatchObject({ seq: 10, problem: 'rewritten' });
  });

  it('finds a log trimmed back below a checkpoint received earlier', () => {
    const known = [checkpointAt(key, 10, 'ten'), checkpointAt(key, 30, 'thirty')];
    expect(checkReceivedCheckpoints({ enrolledPublicKey: key.publicKey, known, incoming: [checkpointAt(key, 25, 'twenty-five')], entries: [entry(25, 'twenty-five')] })).toMatchObject({ seq: 30, problem: 'trimmed' });
  });
});
