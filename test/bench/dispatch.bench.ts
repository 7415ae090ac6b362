// The API dispatcher's overhead: a validated call against calling the handler directly.
import { afterAll, it } from 'vitest';
import { createDispatcher } from '../../electron/main/api/dispatch';
import type { HandlerMap } from '../../electron/main/api/dispatch';
import { record, timeIt, writeFigures } from './harness';
import { anyone, resolveTrusted } from '../helpers/actors';

afterAll(() => writeFigures('dispatch'));

it('dispatches 100,000 validated calls', async () => {
  const status = () => ({ cancelled: false });
  const dispatcher = createDispatcher({ 'jobs.cancel': status } as unknown as HandlerMap, { resolveCaller: resolveTrusted });
  const calls = 100_000;
  const seconds = await timeIt(async () => {
    for (let index = 0; index < calls; index += 1) await dispatcher.dispatch('jobs.cancel', { jobId: 'x' }, anyone);
  }, 3);
  const baselineSeconds = await timeIt(async () => {
    for (let index = 0; index < calls; index += 1) await Promise.resolve(status());
  }, 3);
  record({
    name: 'api.dispatch',
    size: '100,000 calls of jobs.cancel',
    seconds,
    baselineSeconds,
    baseline: 'direct handler call',
    rate: { value: calls / seconds, unit: 'calls/s' },
    // What the dispatcher adds to a call (roles, input and output validation) stays far below
    // what a person notices: a tenth of a millisecond.
    goal: { text: '≥ 10,000 calls/s (≤ 0.1 ms a call)', met: calls / seconds >= 10_000 },
  });
});
