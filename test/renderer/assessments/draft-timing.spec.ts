// The draft's timers: the live score keeps up with fast answers, a failed save is retried, a deleted draft is never saved again.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '@shared/api/procedures/assessments';

const call = vi.fn();
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', onUnauthorized: () => () => undefined, loginSession: { token: null }, api: { call } }));
const { useAssessmentDraft } = await import('../../../renderer/src/views/assessments/use-assessment-draft');

const loaded = {
  id: 'a1',
  status: 'draft',
  unitId: 'u1',
  answers: {},
  details: { flagged: { 'RES-3': { value: 3.3, message: 'RES-3: 3.3 is not a multiple of 0.5' } } },
  updatedAt: '2026-11-29T10:00:00.000Z',
  autosavedAt: null,
  result: null,
  form: [{ id: 'RES', label: { zh: '', en: '' }, max: 15, role: 'category', items: [{ id: 'RES-1' }, { id: 'RES-3' }, { id: 'PRE-5' }] }],
} as unknown as Assessment;

function previewOf(answers: Record<string, unknown>) {
  const flagged = answers['RES-3'] === 3.3 ? [{ item: 'RES-3', message: 'not a multiple of 0.5' }] : [];
  return { result: { total: Object.keys(answers).length - flagged.length, awardedStars: 0, scoreStars: 0, trace: [], categories: {} }, missing: [], previousStars: 0, lastVetoOn: null, flagged };
}

beforeEach(() => {
  // The draft reads the session's lock from the auth store: a locked session's saves wait.
  setActivePinia(createPinia());
  vi.useFakeTimers();
  localStorage.clear();
  call.mockReset();
  call.mockImplementation(async (name: string, input: { answers?: Record<string, unknown> }) => {
    if (name === 'assessments.get') return structuredClone(loaded);
    if (name === 'evidence.list') return [];
    if (name === 'assessments.preview') return previewOf(input.answers ?? {});
    if (name === 'assessments.saveDraft') return { id: 'a1', updatedAt: new Date().toISOString(), autosavedAt: new Date().toISOString(), flagged: [] };
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => vi.useRealTimers());

const calls = (name: string) => call.mock.calls.filter(([called]) => called === name);

describe('the draft’s live score and autosave', () => {
  it('brings a refused answer back into its field, flagged', async () => {
    const draft = useAssessmentDraft();
    await draft.load('a1');
    expect(draft.answers['RES-3']).toBe(3.3);
    expect([...draft.flagged.value]).toEqual(['RES-3']);
  });

  it('keeps scoring while answers come faster than the delay, and scores the last one', async () => {
    const draft = useAssessmentDraft();
    await draft.load('a1');
    const before = calls('assessments.preview').length;
    for (let index = 1; index <= 19; index += 1) {
      draft.setAnswer(`X-${index}`, true);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls('assessments.preview').length - before).toBeGreaterThanOrEqual(6);
    await vi.advanceTimersByTimeAsync(300);
    expect(draft.preview.value?.result.total).toBe(19);
  });

  it('shows a failed save by its code and tries again by itself', async () => {
    const draft = useAssessmentDraft();
    await draft.load('a1');
    let failures = 1;
    const normal = call.getMockImplementation() as (...args: unknown[]) => Promise<unknown>;
    call.mockImplementation(async (name: string, input: unknown) => {
      if (name === 'assessments.saveDraft' && failures-- > 0) throw new TypeError('Failed to fetch');
      return normal(name, input);
    });
    draft.setAnswer('RES-1', true);
    await vi.advanceTimersByTimeAsync(1600);
    expect(draft.saveState.value).toBe('failed');
    expect(draft.saveError.value).toBe('offline');
    expect(draft.retryIn.value).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(2100);
    expect(draft.saveState.value).toBe('saved');
    expect(calls('assessments.saveDraft').at(-1)?.[1]).toMatchObject({ answers: { 'RES-1': true, 'RES-3': 3.3 } });
  });

  it('never saves a draft again once it is deleted', async () => {
    const draft = useAssessmentDraft();
    await draft.load('a1');
    draft.setAnswer('RES-1', true);
    draft.dispose(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await draft.save(true)).toBe(false);
    expect(calls('assessments.saveDraft')).toHaveLength(0);
  });
});
