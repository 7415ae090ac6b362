/**
 * When checkpoints get signed: after a call once `checkpointInterval` entries piled up since the
 * last one, and on demand (export, `dingxing audit checkpoint`). Interval checkpoints use the keys
 * only when they can be had without asking anyone (unlocked by a leader or admin for this run, the
 * desktop's keychain, a passphrase from the environment); where the keys are locked the checkpoint
 * simply waits for a later call.
 */
import type { CoreServices } from '../api/core-services';
import { unlockedKeys } from '../certificates/signing-keys';
import { keysAtHand } from '../crypto/workstation-keys';
import { checkpointInterval, entriesSinceCheckpoint, signCheckpoint } from '../audit/checkpoints';
import type { AuditCheckpoint, CheckpointReason, Checkpointer, SigningKey } from '../audit/checkpoints';

export function createCheckpointer(services: Omit<CoreServices, 'checkpoints'>, interval = checkpointInterval): Checkpointer {
  let running: Promise<AuditCheckpoint | null> | null = null;

  async function signingKey(): Promise<SigningKey> {
    const keys = await unlockedKeys(services, services.platform.keyStore);
    return { workstationId: services.workstation.id, publicKey: keys.publicIdentity.ed25519PublicKey, privateKey: keys.ed25519PrivateKey };
  }

  async function sign(reason: CheckpointReason): Promise<AuditCheckpoint | null> {
    const key = await signingKey();
    // A write on the main connection like any other: it waits while a job writes from its worker.
    return services.writeGate.whenFree(() => signCheckpoint(services.db, key, reason, services.platform.now()));
  }

  return {
    sign,
    ifDue() {
      if (!services.db.open || !keysAtHand({ db: services.db, workstation: services.workstation, keyStore: services.platform.keyStore })) return Promise.resolve(null);
      if (entriesSinceCheckpoint(services.db, services.workstation.id) < interval) return Promise.resolve(null);
      // One at a time: calls finishing together would otherwise all unlock and try to sign.
      running ??= sign('interval')
        .catch(() => null)
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
