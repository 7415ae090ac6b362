/**
 * An inspector and leader at work in `serve`: create a unit, start its assessment, autosave the
 * answers three times, submit and sign; repeated until the server is SIGKILLed. Every call the
 * server acknowledged must be there afterwards: the units, the last acknowledged answers (or the
 * ones sent after them), and the signed assessments.
 */
import { post, resultOf, startServe } from '../processes';
import type { Reply } from '../processes';
import { withDb } from '../checks';
import type { Scenario } from '../scenario';
import { keyEnv, password } from '../world';

interface FormItem {
  id: string;
  kind: string;
  points?: number | null;
  minSample?: number | null;
}

function completeAnswers(form: { items: FormItem[] }[], flip: boolean): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const item of form.flatMap((section) => section.items)) {
    if (item.kind === 'check') answers[item.id] = true;
    else if (item.kind === 'veto') answers[item.id] = false;
    else if (item.kind === 'scale') answers[item.id] = item.points ?? 0;
    else if (item.kind === 'deduct') answers[item.id] = 0;
    else if (item.kind === 'rate' || item.kind === 'gate') answers[item.id] = 100;
    else if (item.kind === 'survey') answers[item.id] = { respondents: Math.max(item.minSample ?? 30, 30), safe: Math.max(item.minSample ?? 30, 30) };
  }
  const first = Object.keys(answers).find((key) => answers[key] === true);
  if (flip && first) answers[first] = false;
  return answers;
}

interface Acknowledged {
  units: string[];
  /** Per draft: the answers of the last acknowledged save, and those of a save sent but never answered. */
  saves: Map<string, { acked: string; inFlight: string | null }>;
  signed: string[];
}

export const serveWork: Scenario = {
  name: 'serve: autosave, submit, sign',
  firstWindowMs: 3000,
  async attempt(world, afterMs) {
    let serve: Awaited<ReturnType<typeof startServe>>;
    try {
      serve = await startServe(world.dbFile, keyEnv);
    } catch (error) {
      return { killed: false, ms: 0, problems: [`serve does not start: ${(error as Error).message}`] };
    }
    const login = await post(serve, '', 'session.login', { name: 'crash', password });
    const session = resultOf<{ session: string }>(login).session;
    const acknowledged: Acknowledged = { units: [], saves: new Map(), signed: [] };
    const problems: string[] = [];
    const began = Date.now();
    let stopped = false;
    const killer = setTimeout(() => {
      stopped = true;
      serve.running.kill();
    }, afterMs);
    const call = async (name: string, input: unknown): Promise<Reply | null> => {
      try {
        const reply = await post(serve, session, name, input);
        if (reply.status !== 200 && !stopped) problems.push(`${name} → ${reply.status} ${reply.body.slice(0, 200)}`);
        return reply.status === 200 ? reply : null;
      } catch {
        return null; // the server died under the call: not acknowledged
      }
    };
    for (let round = 0; !stopped && problems.length === 0; round += 1) {
      const unit = await call('units.create', { name: `${world.tag('crash-serve')}`, kind: 'enterprise', industry: 'delivery', districtCode: '420102', street: '', address: '', uscc: '', households: null, contact: '', phone: '', inScope: true });
      if (!unit) break;
      const unitId = resultOf<{ id: string }>(unit).id;
      acknowledged.units.push(unitId);
      const started = await call('assessments.start', { unitId, cycle: 2026, assessedOn: '2026-11-20' });
      if (!started) break;
      const draft = resultOf<{ id: string; form: { items: FormItem[] }[] }>(started);
      let answers = completeAnswers(draft.form, false);
      for (let save = 0; save < 3; save += 1) {
        answers = completeAnswers(draft.form, save % 2 === 0);
        const text = JSON.stringify(answers);
        const previous = acknowledged.saves.get(draft.id);
        acknowledged.saves.set(draft.id, { acked: previous?.acked ?? '{}', inFlight: text });
        if (!(await call('assessments.saveDraft', { id: draft.id, answers, autosave: true }))) break;
        acknowledged.saves.set(draft.id, { acked: text, inFlight: null });
      }
      if (!(await call('assessments.submit', { id: draft.id, answers }))) break;
      acknowledged.saves.delete(draft.id);
      if (!(await call('assessments.sign', { id: draft.id }))) break;
      acknowledged.signed.push(draft.id);
    }
    clearTimeout(killer);
    const killed = stopped;
    serve.running.kill();
    await serve.running.done;
    withDb(world.dbFile, (db) => {
      const unitThere = db.prepare('SELECT 1 FROM units WHERE id = ?').pluck();
      for (const id of acknowledged.units) if (unitThere.get(id) === undefined) problems.push(`acknowledged unit ${id} is missing`);
      const draftRow = db.prepare('SELECT answers, status FROM assessments WHERE id = ?');
      for (const [id, save] of acknowledged.saves) {
        const row = draftRow.get(id) as { answers: string; status: string } | undefined;
        if (!row) problems.push(`acknowledged draft ${id} is missing`);
        else if (row.status === 'draft' && !sameAnswers(row.answers, save.acked) && (save.inFlight === null || !sameAnswers(row.answers, save.inFlight)))
          problems.push(`draft ${id} lost its last acknowledged autosave`);
      }
      const signedRow = db.prepare('SELECT status FROM assessments WHERE id = ?').pluck();
      for (const id of acknowledged.signed) if (!['signed', 'final'].includes(signedRow.get(id) as string)) problems.push(`acknowledged signature of ${id} is missing`);
    });
    return { killed, ms: Date.now() - began, problems };
  },
};

function sameAnswers(stored: string, sent: string): boolean {
  const sort = (text: string) => JSON.stringify(Object.entries(JSON.parse(text) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  return sort(stored) === sort(sent);
}
