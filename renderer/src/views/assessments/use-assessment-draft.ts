/**
 * Editing one assessment: the answers as typed, the live score from the core (debounced, never
 * computed here), autosave a moment after each change, every few seconds and on blur, a local
 * copy between saves, evidence, and the workflow actions.
 */
import { computed, reactive, ref } from 'vue';
import type { Answer, Answers, Assessment, DraftDetails, Evidence, Preview, SurveyTally } from '@shared/api/procedures/assessments';
import type { DxError } from '@shared/api/errors';
import { api } from '../../api';
import { fileToBase64 } from '../units/file-bytes';
import { dropLocalCopy, keepLocalCopy, takeLocalCopy } from './local-backup';
import { tallyToAnswer } from './survey-tally';

export { maxEvidenceBytes as evidenceMaxBytes } from '@shared/limits';
export const evidenceTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** `queued`: a job is writing to the database; the save waits for it and then commits. */
export type SaveState = 'idle' | 'saving' | 'queued' | 'saved' | 'failed';

/** How long a save may take before the form asks whether it waits for a job. */
const queuedCheckMs = 800;

export function useAssessmentDraft() {
  const assessment = ref<Assessment | null>(null);
  const answers = reactive<Answers>({});
  const surveys = reactive<Record<string, SurveyTally>>({});
  const preview = ref<Preview | null>(null);
  const evidence = ref<Evidence[]>([]);
  const saveState = ref<SaveState>('idle');
  const saveError = ref('');
  const savedAt = ref<string | null>(null);
  const error = ref<DxError | null>(null);
  let dirty = false;
  /** Counts changes, so a save knows whether anything was typed while it was on its way. */
  let changes = 0;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let previewSeq = 0;

  const editable = computed(() => assessment.value?.status === 'draft');

  function details(): DraftDetails {
    return Object.keys(surveys).length > 0 ? { ...(assessment.value?.details ?? {}), surveys: { ...surveys } } : { ...(assessment.value?.details ?? {}) };
  }

  function answersCopy(): Answers {
    return JSON.parse(JSON.stringify(answers)) as Answers;
  }

  function replace(target: Record<string, unknown>, source: Record<string, unknown>): void {
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, JSON.parse(JSON.stringify(source)));
  }

  async function load(id: string): Promise<void> {
    error.value = null;
    try {
      const loaded = await api.call('assessments.get', { id });
      assessment.value = loaded;
      // A unit's kind or industry may have changed since the draft began: answers to items that
      // no longer apply would make every autosave fail, so a draft keeps only the form's items.
      const formIds = new Set(loaded.form.flatMap((section) => section.items.map((item) => item.id)));
      const kept = loaded.status === 'draft' ? Object.fromEntries(Object.entries(loaded.answers).filter(([id]) => formIds.has(id))) : loaded.answers;
      replace(answers, kept);
      replace(surveys, loaded.details.surveys ?? {});
      savedAt.value = loaded.autosavedAt ?? loaded.updatedAt;
      saveState.value = 'idle';
      dirty = false;
      if (loaded.status === 'draft') {
        const copy = takeLocalCopy(id, loaded.updatedAt);
        if (copy) {
          replace(answers, copy.answers);
          replace(surveys, copy.details.surveys ?? {});
          dirty = true;
          void save(true);
        }
      } else {
        dropLocalCopy(id);
      }
      evidence.value = await api.call('evidence.list', { assessmentId: id });
      await refreshPreview();
    } catch (caught) {
      error.value = caught as DxError;
    }
  }

  async function refreshPreview(): Promise<void> {
    const current = assessment.value;
    if (!current) return;
    if (current.status !== 'draft' && current.result) {
      // Submitted and signed assessments show the result recorded then, not a new score.
      preview.value = { result: current.result, missing: [], previousStars: 0, lastVetoOn: null };
      return;
    }
    const seq = ++previewSeq;
    try {
      const next = await api.call('assessments.preview', { id: current.id, answers: answersCopy() });
      if (seq === previewSeq) preview.value = next;
    } catch {
      // A half-typed value the core refuses keeps the last good score on screen.
    }
  }

  function changed(): void {
    const current = assessment.value;
    if (!current || current.status !== 'draft') return;
    dirty = true;
    changes += 1;
    saveState.value = 'idle';
    keepLocalCopy(current.id, { answers: answersCopy(), details: details(), at: new Date().toISOString() });
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void refreshPreview(), 250);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(true), 1500);
  }

  function setAnswer(itemId: string, value: Answer | undefined | null): void {
    if (value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value))) delete answers[itemId];
    else answers[itemId] = value;
    changed();
  }

  function setTally(itemId: string, tally: SurveyTally): void {
    surveys[itemId] = { ...tally };
    const answer = tallyToAnswer(tally);
    if (answer) answers[itemId] = answer;
    else delete answers[itemId];
    changed();
  }

  async function save(autosave: boolean): Promise<boolean> {
    const current = assessment.value;
    if (!current || current.status !== 'draft') return false;
    if (autosave && !dirty) return true;
    clearTimeout(saveTimer);
    saveState.value = 'saving';
    dirty = false;
    const changesSent = changes;
    // A save that waits on a running import says so, instead of seeming stuck.
    const queuedCheck = setTimeout(() => {
      void api
        .call('system.status', {})
        .then((status) => {
          if (status.writerJob !== null && saveState.value === 'saving') saveState.value = 'queued';
        })
        .catch(() => undefined);
    }, queuedCheckMs);
    try {
      const saved = await api.call('assessments.saveDraft', { id: current.id, answers: answersCopy(), details: details(), autosave });
      savedAt.value = saved.autosavedAt && autosave ? saved.autosavedAt : saved.updatedAt;
      current.updatedAt = saved.updatedAt;
      saveState.value = 'saved';
      // What was typed while this save was on its way is not in it: keep its copy, stamped after this save.
      if (changes === changesSent) dropLocalCopy(current.id);
      else keepLocalCopy(current.id, { answers: answersCopy(), details: details(), at: new Date().toISOString() });
      return true;
    } catch (caught) {
      dirty = true;
      saveState.value = 'failed';
      saveError.value = (caught as DxError).message;
      return false;
    } finally {
      clearTimeout(queuedCheck);
    }
  }

  async function act(action: () => Promise<Assessment>): Promise<Assessment> {
    const next = await action();
    assessment.value = next;
    replace(answers, next.answers);
    dropLocalCopy(next.id);
    await refreshPreview();
    return next;
  }

  const submit = () => act(() => api.call('assessments.submit', { id: (assessment.value as Assessment).id, answers: answersCopy(), details: details() }));
  const sign = () => act(() => api.call('assessments.sign', { id: (assessment.value as Assessment).id }));
  const finalize = () => act(() => api.call('assessments.finalize', { id: (assessment.value as Assessment).id }));
  const reopen = () => act(() => api.call('assessments.reopen', { id: (assessment.value as Assessment).id }));

  /** Checks type and size here too, so a wrong file is refused before it is sent. */
  async function addEvidence(itemId: string, file: File): Promise<Evidence> {
    const current = assessment.value as Assessment;
    const added = await api.call('evidence.add', { assessmentId: current.id, itemId, name: file.name, mime: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) });
    if (!evidence.value.some((entry) => entry.id === added.id)) evidence.value = [...evidence.value, added];
    return added;
  }

  async function removeEvidence(id: string): Promise<void> {
    await api.call('evidence.remove', { id });
    evidence.value = evidence.value.filter((entry) => entry.id !== id);
  }

  function dispose(): void {
    clearTimeout(previewTimer);
    clearTimeout(saveTimer);
  }

  return { assessment, answers, surveys, preview, evidence, saveState, saveError, savedAt, error, editable, load, refreshPreview, setAnswer, setTally, save, submit, sign, finalize, reopen, addEvidence, removeEvidence, dispose, isDirty: () => dirty };
}

export type AssessmentDraft = ReturnType<typeof useAssessmentDraft>;
