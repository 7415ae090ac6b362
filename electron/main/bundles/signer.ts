/**
 * Signs a bundle's manifest with the workstation's Ed25519 key. The key travels to a worker as
 * PKCS#8 bytes (the same process's memory), never to disk.
 */
import crypto from 'node:crypto';
import type { UnlockedIdentity } from '../crypto/identity';

export interface BundleSource {
  workstationId: string;
  name: string;
  ed25519PublicKey: string;
}

export interface BundleSigner {
  source: BundleSource;
  sign(bytes: Buffer): Buffer;
  /** The same key, for the audit checkpoint an export signs. */
  privateKey: crypto.KeyObject;
}

/** What a worker needs to rebuild the signer. */
export interface SignerMaterial {
  source: BundleSource;
  pkcs8: string;
}

export function signerMaterialOf(identity: UnlockedIdentity): SignerMaterial {
  const publicIdentity = identity.publicIdentity;
  return {
    source: { workstationId: publicIdentity.workstationId, name: publicIdentity.workstationName, ed25519PublicKey: publicIdentity.ed25519PublicKey },
    pkcs8: (identity.ed25519PrivateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
  };
}

export function signerOf(material: SignerMaterial): BundleSigner {
  const key = crypto.createPrivateKey({ key: Buffer.from(material.pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return { source: material.source, sign: (bytes) => crypto.sign(null, bytes, key), privateKey: key };
}
