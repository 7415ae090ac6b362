// Item 12 of the hostile run: an independent reader built from docs/ alone could not recompute
// the audit chain (the exact hash input), open the wrapped keys, or know the plaque's Info entries
// and the time zone of its dates. Each is done here the way the docs say, with node:crypto and
// poppler only, never with the app's own functions; and the demo's summary counts what it made.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/host/core';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { anyone, actorWith } from '../../helpers/actors';
import { testCore } from '../../helpers/core';
import { makeKeys } from '../../helpers/keys';
import { tempDir } from '../../helpers/temp';

const passphrase = 'docs reader passphrase';
const dataSafety = fs.readFileSync('docs/data-safety.md', 'utf8');
const certificatesDoc = fs.readFileSync('docs/certificates.md', 'utf8');
let core: Core;

async function call<T>(name: string, input: unknown, caller = anyone): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore(passphrase) }) });
});

describe('item 12: what docs/ alone lets an outside auditor do', () => {
  it('recomputes every audit hash as docs/data-safety.md says, non-ASCII and all', async () => {
    await call('units.create', { name: '王家湾“物流”有限公司', kind: 'enterprise', industry: 'delivery', districtCode: '420105', street: '', address: '', uscc: '', households: null, contact: '王组长', phone: '', inScope: true }, { actor: actorWith('王组长', 'inspector') });
    expect(dataSafety).toContain('the genesis value, 64 zeros');
    expect(dataSafety).toContain('non-ASCII characters such as 王组长 are written as themselves');
    const rows = core.services.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; id: string; at: string; workstation_id: string; actor: string; action: string; subject: string | null; data: string; prev_hash: string; hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => [...(row.data + row.actor)].some((character) => character.charCodeAt(0) > 0x7f))).toBe(true);
    let prev = '0'.repeat(64);
    rows.forEach((row, index) => {
      expect(row.seq).toBe(index + 1);
      expect(row.prev_hash).toBe(prev);
      const input = JSON.stringify([row.prev_hash, row.id, row.at, row.workstation_id, row.actor, row.action, row.subject, row.data]);
      expect(input).not.toMatch(/\\u[0-9a-f]{4}/);
      expect(crypto.createHash('sha256').update(input, 'utf8').digest('hex')).toBe(row.hash);
      prev = row.hash;
    });
  });

  it('opens the wrapped key-encryption key and the sealed private keys from the documented byte layouts', async () => {
    const { db } = core.services;
    await makeKeys(core, passphrase);
    expect(certificatesDoc).toContain('`DXP1` (4 ASCII bytes) ‖ salt (16) ‖ nonce (12)');
    const wrapped = db.prepare("SELECT wrapped_key FROM workstation_key_wraps WHERE method = 'passphrase'").pluck().get() as Buffer | undefined;
    // The first unlock made the keys; a core that made them another way has no passphrase wrap.
    const keys = db.prepare('SELECT workstation_id, ed25519_public_key, sealed_private_keys FROM workstation_keys').get() as { workstation_id: string; ed25519_public_key: string; sealed_private_keys: Buffer } | undefined;
    expect(wrapped && keys).toBeTruthy();
    expect(wrapped!.subarray(0, 4).toString('ascii')).toBe('DXP1');
    const salt = wrapped!.subarray(4, 20);
    const nonce = wrapped!.subarray(20, 32);
    const key = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const unwrap = crypto.createDecipheriv('aes-256-gcm', key, nonce);
    unwrap.setAuthTag(wrapped!.subarray(wrapped!.length - 16));
    const kek = Buffer.concat([unwrap.update(wrapped!.subarray(32, wrapped!.length - 16)), unwrap.final()]);
    expect(kek).toHaveLength(32);
    const box = keys!.sealed_private_keys;
    const open = crypto.createDecipheriv('aes-256-gcm', kek, box.subarray(0, 12));
    open.setAAD(Buffer.from(keys!.workstation_id, 'utf8'));
    open.setAuthTag(box.subarray(box.length - 16));
    const sealed = JSON.parse(Buffer.concat([open.update(box.subarray(12, box.length - 16)), open.final()]).toString('utf8')) as { ed25519: string; rsa: string };
    const privateKey = crypto.createPrivateKey({ key: Buffer.from(sealed.ed25519, 'base64'), format: 'der', type: 'pkcs8' });
    const publicKey = crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(keys!.ed25519_public_key, 'base64url')]), format: 'der', type: 'spki' });
    const message = Buffer.from('the auditor signs with the key the docs led to');
    expect(crypto.verify(null, message, publicKey, crypto.sign(null, message, privateKey))).toBe(true);
  });

  it('finds /DingxingQR, /DingxingNumber and /DingxingDocument with pdfinfo, and the plaque’s days in UTC+8', async () => {
    await call('demo.load', { units: 20 });
    const assessmentId = core.services.db
      .prepare(
        `SELECT a.id FROM assessments a WHERE a.status IN ('signed', 'final') AND a.awarded_stars >= 1
           AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.unit_id = a.unit_id AND b.id <> a.id AND b.status IN ('signed', 'final') AND (b.cycle, b.assessed_on) >= (a.cycle, a.assessed_on)) LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const leader = { actor: actorWith('王组长', 'leader') };
    const issued = await call<{ certificate: { id: string; number: string; qrPayload: string } }>('certificates.issue', { assessmentId }, leader);
    const plaque = await call<{ pdfBase64: string }>('certificates.plaquePdf', { id: issued.certificate.id }, leader);
    const file = path.join(tempDir(), 'plaque.pdf');
    fs.writeFileSync(file, Buffer.from(plaque.pdfBase64, 'base64'));
    const info = execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`DingxingNumber: +${issued.certificate.number}`));
    expect(info).toContain(issued.certificate.qrPayload);
    expect(info).toMatch(/DingxingDocument: *plaque/);
    expect(certificatesDoc).toContain('`i` and `e` are days in China\nStandard Time (UTC+8');
    const [, body] = issued.certificate.qrPayload.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { i: string };
    // Issued on the core's clock (2026-12-01T10:00+08:00): the same day in UTC+8.
    expect(payload.i).toBe(new Date(core.services.platform.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10));
  });

  it('counts drafts and submitted assessments in the demo’s summary, so its numbers add up to the table', async () => {
    const fresh = await testCore();
    const result = await fresh.dispatcher.dispatch('demo.load', { units: 40 }, anyone);
    if (!result.ok) throw new Error(result.error.message);
    const made = result.value as { assessments: number; drafts: number; submitted: number; signed: number };
    expect(made.drafts + made.submitted + made.signed).toBe(made.assessments);
    const count = (status: string) => fresh.services.db.prepare(`SELECT count(*) FROM assessments WHERE status IN (${status})`).pluck().get() as number;
    expect(made).toMatchObject({ assessments: count("'draft', 'submitted', 'signed', 'final'"), drafts: count("'draft'"), submitted: count("'submitted'"), signed: count("'signed', 'final'") });
  });
});
