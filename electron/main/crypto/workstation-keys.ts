/**
 * The workstation's keys in the running process: whether they exist, how they unlock, and the
 * unlocked keys held in memory. A person unlocks them with the passphrase (a team leader or an
 * admin, for the running serve or desktop app) and locks them again; the door's own key store
 * opens them without asking anyone where it can (the desktop's keychain, a script's
 * DINGXING_KEY_PASSPHRASE, the CLI's prompt). What is held belongs to one database connection:
 * a restore opens a new one, which starts locked. Nothing here ever makes keys except create().
 */
import type { Database } from 'better-sqlite3';
import type { KeysStatus } from '@shared/domain/keys';
import type { DomainContext } from '../context/domain-context';
import type { Workstation } from '../workstation/workstation';
import type { KeyStore } from './key-store';
import { addUnlockMethod, createIdentity, readPublicIdentity, unlockIdentity, unlockMethods } from './identity';
import type { UnlockedIdentity } from './identity';
import { PassphraseKeyStore } from './passphrase-key-store';

/** Where the keys are: a connection, this workstation, and the door's key store (used without asking a person unless it says it asks: a terminal prompt). */
export interface KeysPlace {
  db: Database;
  workstation: Workstation;
  keyStore: KeyStore | null;
}

interface Held {
  /** Unlocked by a person with the passphrase (keys.unlock, keys.create). */
  byPerson: UnlockedIdentity | null;
  /** Unlocked by a key store, once per store; a failed unlock is not kept. */
  byStore: Map<KeyStore, Promise<UnlockedIdentity>>;
}

const heldByConnection = new WeakMap<Database, Held>();

function held(db: Database): Held {
  let entry = heldByConnection.get(db);
  if (!entry) {
    entry = { byPerson: null, byStore: new Map() };
    heldByConnection.set(db, entry);
  }
  return entry;
}

/** The door's store opens the keys without asking anyone (not a terminal prompt) and is one of their unlock methods. */
function opensQuietly(deps: KeysPlace): boolean {
  const store = deps.keyStore;
  return store !== null && store.asks !== true && unlockMethods(deps.db, deps.workstation.id).includes(store.method);
}

export function keysStatus(deps: KeysPlace): KeysStatus {
  const identity = readPublicIdentity(deps.db, deps.workstation);
  const automatic = identity !== null && opensQuietly(deps);
  return {
    created: identity !== null,
    createdAt: identity?.createdAt ?? null,
    fingerprint: identity?.fingerprint ?? null,
    methods: unlockMethods(deps.db, deps.workstation.id),
    unlocked: identity !== null && (held(deps.db).byPerson !== null || automatic),
    automatic,
  };
}

/** The unlocked keys: held after a person unlocked them, else opened by the door's store; refused when locked or not made yet. */
export function unlockedKeys(deps: KeysPlace): Promise<UnlockedIdentity> {
  const entry = held(deps.db);
  if (entry.byPerson) return Promise.resolve(entry.byPerson);
  const store = deps.keyStore;
  if (!store) return unlockIdentity(deps.db, deps.workstation, null);
  let pending = entry.byStore.get(store);
  if (!pending) {
    pending = unlockIdentity(deps.db, deps.workstation, store);
    entry.byStore.set(store, pending);
    pending.catch(() => entry.byStore.delete(store));
  }
  return pending;
}

/** True when signing can go ahead without asking anyone (background work such as audit checkpoints). */
export function keysAtHand(deps: KeysPlace): boolean {
  return held(deps.db).byPerson !== null || (readPublicIdentity(deps.db, deps.workstation) !== null && opensQuietly(deps));
}

/**
 * Makes this workstation's keys, protected by `passphrase` (and by the door's keychain beside it,
 * where it has one), and keeps them unlocked for this run. Keys first made with the keychain
 * alone get the passphrase added instead; keys that already have a passphrase are refused.
 */
export async function createKeys(ctx: DomainContext, keyStore: KeyStore | null, passphrase: string): Promise<KeysStatus> {
  const deps: KeysPlace = { db: ctx.db, workstation: ctx.workstation, keyStore };
  const passphraseStore = new PassphraseKeyStore(passphrase);
  const methods = unlockMethods(deps.db, deps.workstation.id);
  if (methods.length > 0 && !methods.includes(passphraseStore.method) && deps.keyStore && deps.keyStore.method !== passphraseStore.method) {
    const unlocked = await unlockedKeys(deps);
    await addUnlockMethod(deps.db, unlocked, passphraseStore, ctx.now());
    held(deps.db).byPerson = unlocked;
    ctx.audit({ action: 'keys.addPassphrase', subject: deps.workstation.id, data: { fingerprint: unlocked.publicIdentity.fingerprint } });
    return keysStatus(deps);
  }
  const keychain = deps.keyStore && deps.keyStore.method !== passphraseStore.method && deps.keyStore.asks !== true ? [deps.keyStore] : [];
  const unlocked = await createIdentity(deps.db, deps.workstation, [passphraseStore, ...keychain], ctx.now());
  held(deps.db).byPerson = unlocked;
  ctx.audit({ action: 'keys.create', subject: deps.workstation.id, data: { fingerprint: unlocked.publicIdentity.fingerprint, methods: [passphraseStore.method, ...keychain.map((store) => store.method)] } });
  return keysStatus(deps);
}

/** Unlocks the keys with the passphrase for this run; a wrong one is refused and nothing is held. */
export async function unlockKeys(ctx: DomainContext, keyStore: KeyStore | null, passphrase: string): Promise<KeysStatus> {
  const unlocked = await unlockIdentity(ctx.db, ctx.workstation, new PassphraseKeyStore(passphrase));
  held(ctx.db).byPerson = unlocked;
  ctx.audit({ action: 'keys.unlock', subject: ctx.workstation.id });
  return keysStatus({ db: ctx.db, workstation: ctx.workstation, keyStore });
}

/** Forgets the unlocked keys; the next signature needs the passphrase again (or the door's keychain). */
export function lockKeys(ctx: DomainContext, keyStore: KeyStore | null): KeysStatus {
  const entry = held(ctx.db);
  entry.byPerson = null;
  entry.byStore.clear();
  ctx.audit({ action: 'keys.lock', subject: ctx.workstation.id });
  return keysStatus({ db: ctx.db, workstation: ctx.workstation, keyStore });
}

/** The held keys' public identity carries the workstation's name (bundles sign it): keep it current after a rename. */
export function renameHeldKeys(db: Database, name: string): void {
  const entry = held(db);
  if (entry.byPerson) entry.byPerson.publicIdentity.workstationName = name;
  entry.byStore.clear();
}
