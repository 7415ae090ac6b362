// 验证证书: a plaque PDF verified as the app's window asks for it (POST certificates.verifyPdf to
// serve mode), against the cryptography it cannot skip (the PDF's SHA-256, its RSA signature, the
// QR payload's Ed25519 signature) in the same run. The window's own share (switching to the tab,
// reading the file, drawing the verdict) is measured in Chromium by test/e2e/measure-verify.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { plaqueDocument } from '../../electron/main/certificates/documents';
import { issueCertificate } from '../../electron/main/certificates/issue';
import { startHttpServer } from '../../electron/main/transports/http-server';
import { hashPassword } from '../../electron/main/users/password-hash';
import { insertUser } from '../../electron/main/users/user-store';
import { certificateWorld, newUscc } from '../integration/certificates/world';
import { tempDir } from '../helpers/temp';
import { allOf, median, record, withinSeconds, writeFigures } from './harness';

afterAll(() => writeFigures('verify'));

function post(port: number, token: string, session: string, name: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${name}`, headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Dingxing-Session': session } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

it('verifies a plaque PDF through serve mode within 0.5 s', async () => {
  const world = await certificateWorld();
  const { certificate } = await issueCertificate(world.deps, world.assess({ name: '验证基准有限公司', uscc: newUscc() }), 'leader');
  const { pdf } = await plaqueDocument(world.deps, certificate.id);
  const db = world.core.services.db;
  insertUser(db, { name: 'leader', displayName: '组长', roles: ['leader'], passwordHash: await hashPassword('leader-password') }, new Date('2026-12-01T10:00:00Z'));
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const token = 'bench-token-0123456789';
  const server = await startHttpServer({ dispatcher: world.core.dispatcher, port: 0, rendererDir, token });
  try {
    const login = await post(server.port, token, '', 'session.login', JSON.stringify({ name: 'leader', password: 'leader-password' }));
    const session = (JSON.parse(login.body) as { result: { session: string } }).result.session;
    const body = JSON.stringify({ pdfBase64: pdf.toString('base64') });
    const samples: number[] = [];
    for (let run = 0; run < 21; run += 1) {
      const start = process.hrtime.bigint();
      const reply = await post(server.port, token, session, 'certificates.verifyPdf', body);
      samples.push(Number(process.hrtime.bigint() - start) / 1e9);
      expect((JSON.parse(reply.body) as { result: { verdict: string } }).result.verdict).toBe('valid');
    }
    // The floor: hash the whole file, check one RSA-2048 and one Ed25519 signature.
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ed25519 = crypto.generateKeyPairSync('ed25519');
    const rsaSignature = crypto.sign('sha256', pdf.subarray(0, 200), rsa.privateKey);
    const edSignature = crypto.sign(null, Buffer.from(certificate.qrPayload), ed25519.privateKey);
    const floor: number[] = [];
    for (let run = 0; run < 21; run += 1) {
      const start = process.hrtime.bigint();
      crypto.createHash('sha256').update(pdf).digest();
      crypto.verify('sha256', pdf.subarray(0, 200), rsa.publicKey, rsaSignature);
      crypto.verify(null, Buffer.from(certificate.qrPayload), ed25519.publicKey, edSignature);
      floor.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    const seconds = median(samples);
    const baselineSeconds = median(floor);
    record({
      name: 'certificates.verifyPdf (serve mode)',
      size: `1 plaque PDF of ${Math.round(pdf.length / 1024)} KB, median of 21 requests; first ${(samples[0] as number * 1000).toFixed(0)} ms`,
      seconds,
      baselineSeconds,
      baseline: 'SHA-256 of the file, one RSA-2048 and one Ed25519 signature checked',
      // 0.5 s is the issue's goal from the click to the verdict: no request may take it all, and
      // the server's usual share is at most a tenth of it (the rest is the window's).
      goal: allOf({ ...withinSeconds(Math.max(...samples), 0.5), text: 'slowest ≤ 500 ms' }, { ...withinSeconds(seconds, 0.05), text: 'median ≤ 50 ms' }),
    });
  } finally {
    await server.close();
  }
});
