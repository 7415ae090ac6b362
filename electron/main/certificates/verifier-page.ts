/**
 * `dingxing verifier export`: one self-contained HTML file (no network, no server) that checks a
 * pasted or scanned QR text with WebCrypto Ed25519 against the trusted workstations' public keys
 * carried inside it, and shows the plaque's fields. Revocations known when it was exported (made
 * here, or on other workstations as the city office's bundles reported them) are carried too
 * (it says as of when). Its one inline script is pinned by a CSP hash. Opened from a plaque's QR
 * code that reads `ADDRESS#DX1.…` (the city office's verification address), it takes the payload
 * from the address's fragment, which a browser never sends anywhere, and verifies it at once.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { verdictMessages } from '@shared/domain/certificate';
import { allTrustedKeys } from './trusted-workstations';

export interface VerifierData {
  exportedOn: string;
  keys: Record<string, string>;
  /** The trusted workstations' names, by id (what the page shows instead of the id). */
  names: Record<string, string>;
  revoked: Record<string, { on: string; reason: string }>;
}

export function verifierData(db: Database, exportedOn: string): VerifierData {
  const trusted = allTrustedKeys(db);
  const keys = Object.fromEntries(trusted.map((key) => [key.workstationId, key.ed25519PublicKey]));
  const names = Object.fromEntries(trusted.filter((key) => key.name !== null).map((key) => [key.workstationId, key.name as string]));
  const revokedRows = db
    .prepare(
      `SELECT c.workstation_id, c.number, r.revoked_on, r.reason FROM certificate_revocations r JOIN certificates c ON c.id = r.certificate_id
       UNION ALL SELECT issuer_workstation_id, certificate_number, revoked_on, reason FROM revocation_notices`,
    )
    .all() as { workstation_id: string; number: string; revoked_on: string; reason: string }[];
  const revoked = Object.fromEntries(revokedRows.map((row) => [`${row.workstation_id}/${row.number}`, { on: row.revoked_on, reason: row.reason }]));
  return { exportedOn, keys, names, revoked };
}

// Runs in the page: plain ES2020, no imports. DATA and MESSAGES are replaced by JSON.
const script = String.raw`
'use strict';
const DATA = __DATA__;
const MESSAGES = __MESSAGES__;
const $ = (id) => document.getElementById(id);
function b64url(text) {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
// A plaque's dates are calendar days in China Standard Time (UTC+8), wherever this page is opened.
function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
function field(label, value) {
  const row = document.createElement('div');
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  row.append(dt, dd);
  return row;
}
function show(verdict, payload, detail) {
  const result = $('result');
  const message = MESSAGES[verdict];
  result.hidden = false;
  result.className = verdict === 'valid' ? 'ok' : 'bad';
  result.dataset.verdict = verdict;
  $('verdict').textContent = (verdict === 'valid' ? '✓ ' : '✗ ') + message.zh;
  $('verdict-en').textContent = message.en + (detail ? ' (' + detail + ')' : '');
  const fields = $('fields');
  fields.replaceChildren();
  // A payload whose signature failed or could not be checked is only a claim: set apart, never shown as fact.
  const claimed = verdict === 'tampered' || verdict === 'unknown-workstation';
  $('claimed').hidden = !(payload && claimed);
  fields.className = claimed ? 'claimed' : '';
  if (payload) {
    fields.append(
      field('单位 Unit', payload.u),
      field('星级 Stars', claimed ? '自称 ' + payload.s + ' 星 · claims ' + payload.s : '★'.repeat(payload.s) + '☆'.repeat(5 - payload.s) + ' ' + payload.s),
      field('年度 Cycle', String(payload.y)),
      field('证书编号 Number', payload.n),
      field('统一社会信用代码 / 单位编号 Unit code', payload.c),
      field('有效期 Valid', payload.i + ' – ' + payload.e),
      field('签发工作站 Workstation', DATA.names[payload.w] ? DATA.names[payload.w] + ' (' + payload.w + ')' : payload.w),
    );
  }
}
async function verify(text) {
  text = text.trim();
  // A plaque's QR may read ADDRESS#DX1.…: the payload is what follows the '#'.
  const hashAt = text.indexOf('#');
  if (hashAt >= 0) text = text.slice(hashAt + 1);
  if (text.length === 0) { $('result').hidden = true; return; }
  const parts = text.split('.');
  if (text.length > 1200 || parts.length !== 3 || parts[0] !== 'DX1') return show('not-ours');
  let payload, bytes, signature;
  try {
    bytes = b64url(parts[1]);
    signature = b64url(parts[2]);
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) { return show('not-ours'); }
  const keys = ['n', 'u', 'c', 's', 'y', 'i', 'e', 'w'];
  if (!payload || typeof payload !== 'object' || Object.keys(payload).length !== keys.length || !keys.every((k) => k in payload) || !Number.isInteger(payload.s) || payload.s < 1 || payload.s > 5 || signature.length !== 64) return show('not-ours');
  const raw = DATA.keys[payload.w];
  if (!raw) return show('unknown-workstation', payload);
  if (!crypto.subtle) return show('not-ours', null, 'this browser has no WebCrypto here');
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('raw', b64url(raw), { name: 'Ed25519' }, false, ['verify']);
    valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, bytes);
  } catch (e) { return show('not-ours', null, 'this browser cannot verify Ed25519: use a current browser'); }
  if (!valid) return show('tampered', payload);
  const revoked = DATA.revoked[payload.w + '/' + payload.n];
  if (revoked) return show('revoked', payload, revoked.on + ' ' + revoked.reason);
  const day = today();
  if (day < payload.i) return show('not-yet-valid', payload);
  if (day > payload.e) return show('expired', payload);
  show('valid', payload);
}
$('qr').addEventListener('input', () => verify($('qr').value));
$('check').addEventListener('click', () => verify($('qr').value));
$('exported').textContent = DATA.exportedOn;
// Opened from the QR's address: the payload is in the fragment (never sent to any server).
if (location.hash.length > 1) {
  let fromAddress = location.hash.slice(1);
  try { fromAddress = decodeURIComponent(fromAddress); } catch (e) { /* taken as it is */ }
  $('qr').value = fromAddress;
  verify(fromAddress);
}
$('count').textContent = String(Object.keys(DATA.keys).length);
`;

const style = `
  body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; background: #f5f3ef; color: #1a1a1a; }
  main { max-width: 720px; margin: 32px auto; background: #fff; border: 6px solid #9b1b1b; outline: 1px solid #b8902a; outline-offset: -12px; padding: 32px 40px; }
  h1 { color: #9b1b1b; text-align: center; letter-spacing: 4px; margin: 0 0 4px; }
  .sub { text-align: center; color: #555; margin: 0 0 24px; }
  label { font-weight: bold; display: block; margin-bottom: 6px; }
  textarea { width: 100%; box-sizing: border-box; min-height: 96px; font: 14px/1.4 monospace; padding: 8px; border: 1px solid #999; border-radius: 4px; }
  button { margin-top: 8px; font-size: 16px; padding: 6px 20px; background: #9b1b1b; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  #result { margin-top: 24px; padding: 16px 20px; border-radius: 6px; border: 2px solid; }
  #result.ok { border-color: #1f7a3a; background: #eef8f0; }
  #result.bad { border-color: #9b1b1b; background: #fbeeee; }
  #verdict { font-size: 22px; font-weight: bold; margin: 0; }
  #verdict-en { margin: 4px 0 12px; color: #444; }
  dl div { display: flex; gap: 12px; padding: 3px 0; border-bottom: 1px dotted #ccc; }
  dt { width: 15em; color: #555; flex: none; }
  dd { margin: 0; word-break: break-all; }
  .claimed-title { font-weight: bold; color: #555; margin: 0 0 6px; }
  dl.claimed { border: 2px dashed #999; padding: 6px 10px; background: #f3f3f3; color: #666; }
  dl.claimed dd { text-decoration: line-through; text-decoration-color: #c77; }
  footer { margin-top: 24px; font-size: 12px; color: #666; }
`;

export function verifierHtml(data: VerifierData): string {
  const messages = Object.fromEntries(Object.entries(verdictMessages).map(([key, value]) => [key, value]));
  // JSON inside a script: escape "<" so no text can close the script element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const code = script.replace('__DATA__', json(data)).replace('__MESSAGES__', json(messages));
  const hash = crypto.createHash('sha256').update(code).digest('base64');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>星级平安单位证书验证 · Certificate verifier</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>星级平安单位证书验证</h1>
<p class="sub">Star-level safe unit certificate verifier · 离线使用，不联网 (works offline)</p>
<label for="qr">扫描或粘贴证书二维码内容 (scan or paste the QR text, DX1.…)</label>
<textarea id="qr" spellcheck="false" autocomplete="off" autofocus placeholder="DX1.…"></textarea>
<button id="check" type="button">验证 Verify</button>
<section id="result" hidden aria-live="polite">
<p id="verdict"></p>
<p id="verdict-en"></p>
<p id="claimed" class="claimed-title" hidden>声称的内容，未经验证，不可采信 · Claimed, not verified: do not rely on it</p>
<dl id="fields"></dl>
</section>
<footer>信任的工作站 <span id="count"></span> 个，撤销记录截至 <span id="exported"></span>；此后的撤销请以工作站查询为准。
(Trusted workstations: see count; revocations as of the export date; later ones are known to the workstations only.)</footer>
</main>
<script>${code}</script>
</body>
</html>
`;
}
