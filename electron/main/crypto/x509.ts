/**
 * The workstation's self-signed X.509 certificate for PDF signatures (RSA-2048, SHA-256). Name
 * fields are ASCII on purpose: PDF readers and the signpdf placeholder mangle non-ASCII names.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

export interface CertificateSubject {
  /** ASCII, e.g. "Dingxing Workstation 0193…". */
  commonName: string;
  organization: string;
}

export function makeSelfSignedCertificate(subject: CertificateSubject, keys: { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject }, validYears: number, now: Date): string {
  const forgePrivate = forge.pki.privateKeyFromPem(keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const forgePublic = forge.pki.publicKeyFromPem(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forgePublic;
  // A positive serial: 16 random bytes with the high bit cleared.
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  certificate.serialNumber = serial.toString('hex');
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  certificate.validity.notAfter = new Date(now.getTime() + validYears * 365.25 * 24 * 3600 * 1000);
  const attributes = [
    { name: 'commonName', value: subject.commonName },
    { name: 'organizationName', value: subject.organization },
    { name: 'countryName', value: 'CN' },
  ];
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgePrivate, forge.md.sha256.create());
  return forge.pki.certificateToPem(certificate);
}
