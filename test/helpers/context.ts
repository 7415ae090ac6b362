// The domain context of an actor on a test core, as the dispatcher hands it to operations.
import type { Actor } from '@shared/domain/roles';
import type { Core } from '../../electron/main/host/core';
import { domainContext } from '../../electron/main/context/domain-context';
import type { DomainContext } from '../../electron/main/context/domain-context';
import { cliActor } from '../../electron/main/cli/cli-actor';

/** `now`: a clock of the test's own; else the core's platform clock. */
export function contextOf(core: Core, actor: Actor = cliActor(), now?: () => Date): DomainContext {
  return now === undefined ? core.context(actor) : domainContext({ db: core.services.db, workstation: core.services.workstation, now }, actor);
}

/** An actor recorded as `userId` exactly, for tests that write audit entries of their own. */
export function recordedAs(userId: string): Actor {
  return { userId, name: userId, displayName: userId, roles: [] };
}
