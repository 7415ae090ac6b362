/**
 * PDF signatures a PDF reader accepts (adbe.pkcs7.detached, SHA-256, RSA): a placeholder is
 * added while drawing, then the finished bytes are signed. The CMS is built with node-forge,
 * but the RSA private-key step runs in node:crypto: forge's pure-JS RSA costs ~60 ms a
 * signature, node:crypto well under 1 ms. Name fields stay ASCII (a Chinese value is
 * double-encoded by the placeholder and breaks verification).
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { SignPdf } from '@signpdf/signpdf';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { Signer } from '@signpdf/utils';
import type { PdfDoc } from './document';

/** What signs: the workstation's X.509 certificate and its RSA private key (unlocked). */
export interface PdfSigningKey {
  certificatePem: string;
  privateKey: crypto.KeyObject;
}

/** The key as plain data, to hand to a worker thread in memory (a KeyObject cannot cross). */
export interface TransferableSigningKey {
  certificatePem: string;
  privateKeyPkcs8: Uint8Array;
}

export function toTransferable(key: PdfSigningKey): TransferableSigningKey {
  return { certificatePem: key.certificatePem, privateKeyPkcs8: key.privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function fromTransferable(key: TransferableSigningKey): PdfSigningKey {
  return { certificatePem: key.certificatePem, privateKey: crypto.createPrivateKey({ key: Buffer.from(key.privateKeyPkcs8), format: 'der', type: 'pkcs8' }) };
}

export interface SignatureFields {
  /** ASCII only. */
  reason: string;
  name: string;
  location: string;
  contactInfo?: string;
}

/** Room for the CMS (one certificate, RSA-2048): ~1.6 KB is used; hex doubles it in the file. */
const signatureLength = 4096;

function assertAscii(fields: SignatureFields): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !/^[\x20-\x7e]*$/.test(value)) throw new Error(`PDF signature field ${key} must be ASCII`);
  }
}

/** Adds the signature dictionary and an invisible widget on the current page; call before ending the document. */
export function addSignaturePlaceholder(doc: PdfDoc, fields: SignatureFields): void {
  assertAscii(fields);
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: fields.reason,
    contactInfo: fields.contactInfo ?? '',
    name: fields.name,
    location: fields.location,
    signatureLength,
    appName: 'dingxing',
  } as never);
}

// DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): PKCS#1 v1.5 signs this plus the digest.
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

class WorkstationSigner extends Signer {
  constructor(
    private readonly key: PdfSigningKey,
    private readonly certificate: forge.pki.Certificate,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(this.certificate);
    const privateKey = this.key.privateKey;
    // forge calls key.sign(md) with the SHA-256 of the signed attributes; do the RSA step natively.
    const nativeKey = {
      sign(md: forge.md.MessageDigest): string {
        const digest = Buffer.from(md.digest().getBytes(), 'binary');
        const signature = crypto.privateEncrypt({ key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.concat([sha256DigestInfoPrefix, digest]));
        return signature.toString('binary');
      },
    };
    p7.addSigner({
      key: nativeKey as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: signingTime as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

const parsedCertificates = new Map<string, forge.pki.Certificate>();

function certificateOf(pem: string): forge.pki.Certificate {
  let certificate = parsedCertificates.get(pem);
  if (!certificate) {
    certificate = forge.pki.certificateFromPem(pem);
    parsedCertificates.set(pem, certificate);
  }
  return certificate;
}

/** Signs a PDF that has a placeholder; returns the signed bytes. */
export async function signPdf(pdf: Buffer, key: PdfSigningKey, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new WorkstationSigner(key, certificateOf(key.certificatePem)), signingTime);
}
