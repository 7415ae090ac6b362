/** The envelope every transport returns for one call. */
import type { ApiErrorShape } from './errors';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };
