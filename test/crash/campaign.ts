/**
 * The crash campaign: runs the scenarios in turn, SIGKILLing each at a random moment inside its
 * work, and after every kill checks the file (integrity_check, foreign keys), the certificate
 * numbers (no gaps) and that the app starts again (the CLI opens the file, the audit chain
 * verifies), beside each scenario's own checks (acknowledged saves present, imports all or nothing,
 * bundles whole or refused).
 * The kill moment is drawn from [0, window]; the window follows how long each scenario's work
 * takes when left to finish, so most kills land inside it.
 */
import { certificateGaps, integrityProblems, startProblems } from './checks';
import type { Scenario } from './scenario';
import { makeWorld } from './world';
import { unitsImport } from './scenarios/units-import';
import { assessmentsImport } from './scenarios/assessments-import';
import { certificateIssue, certificatePrint, summaryPdf } from './scenarios/certificate-issue';
import { backupAndRestore } from './scenarios/backup-restore';
import { serveWork } from './scenarios/serve-work';
import { bundleExport, bundleImport } from './scenarios/bundles';

export const allScenarios: Scenario[] = [unitsImport, assessmentsImport, serveWork, certificateIssue, bundleExport, backupAndRestore, certificatePrint, bundleImport, summaryPdf];

export interface CrashReport {
  attempts: number;
  /** Attempts cut off by the kill (the rest finished first and were checked as well). */
  kills: number;
  byScenario: Record<string, { attempts: number; kills: number; outcomes?: Record<string, number> }>;
  failures: { scenario: string; attempt: number; afterMs: number; problems: string[] }[];
}

export interface CrashOptions {
  dir: string;
  /** Stop when this many attempts were cut off by a kill. */
  kills: number;
  seed?: number;
  scenarios?: Scenario[];
  log?: (line: string) => void;
}

/** mulberry32: a small seeded generator, so a failing campaign can be run again with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runCrashCampaign(options: CrashOptions): Promise<CrashReport> {
  const scenarios = options.scenarios ?? allScenarios;
  const next = random(options.seed ?? 1);
  const world = await makeWorld(options.dir);
  const windows = new Map(scenarios.map((scenario) => [scenario.name, scenario.firstWindowMs]));
  const report: CrashReport = { attempts: 0, kills: 0, byScenario: Object.fromEntries(scenarios.map((scenario) => [scenario.name, { attempts: 0, kills: 0 }])), failures: [] };
  // A bound on attempts, in case a scenario keeps finishing before its kill.
  for (let index = 0; report.kills < options.kills && report.attempts < options.kills * 4; index += 1) {
    const scenario = scenarios[index % scenarios.length]!;
    const window = windows.get(scenario.name)!;
    const afterMs = Math.round(next() * window);
    const attempt = await scenario.attempt(world, afterMs);
    if (!attempt.killed) windows.set(scenario.name, Math.max(window, Math.round(attempt.ms * 1.1)));
    const problems = [...attempt.problems, ...integrityProblems(world.dbFile), ...certificateGaps(world.dbFile), ...(await startProblems(world.dbFile))];
    report.attempts += 1;
    report.byScenario[scenario.name]!.attempts += 1;
    const tally = report.byScenario[scenario.name]!;
    if (attempt.killed) {
      report.kills += 1;
      tally.kills += 1;
    }
    if (attempt.outcome !== undefined) (tally.outcomes ??= {})[attempt.outcome] = (tally.outcomes?.[attempt.outcome] ?? 0) + 1;
    if (problems.length > 0) report.failures.push({ scenario: scenario.name, attempt: report.attempts, afterMs, problems });
    options.log?.(`${report.attempts} ${scenario.name} after ${afterMs} ms: ${attempt.killed ? 'killed' : 'finished'}${attempt.outcome ? ` (${attempt.outcome})` : ''}${problems.length ? ` — ${problems.join(' | ')}` : ''}`);
  }
  return report;
}
