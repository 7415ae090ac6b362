/**
 * The clock every test runs on: the core reads time only through platform.now(), which starts
 * at DINGXING_NOW when it is set, so no test depends on the day it runs. The date-sensitive
 * specs run a second time a year later (vitest.config.ts), to prove they hold on any date.
 */
export const testNow = '2026-12-01T10:00:00+08:00';
export const testNowAYearLater = '2027-12-01T10:00:00+08:00';
/** Local dates (due dates, validity) are Wuhan's, whatever the machine's time zone. */
export const testTimeZone = 'Asia/Shanghai';

/**
 * The environment of a test run pinned at `now`: every process it starts (CLI runs, serve, worker
 * jobs) reads one clock that starts at `now` when the run starts and only moves forward.
 */
export function pinnedClockEnv(now: string): Record<string, string> {
  return { DINGXING_NOW: now, DINGXING_NOW_SINCE: String(Date.now()), TZ: testTimeZone };
}
