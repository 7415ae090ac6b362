/**
 * Editing one assessment: the answers as typed, the live score from the core (at most every
 * ~250 ms while answers keep coming, the last answer always scored; never computed here),
 * autosave a moment after each change, every few seconds and on blur, retried after a failure,
 * a local copy between saves, evidence, and the workflow actions. Answers the core refuses stay
 * in the form, flagged, and every other answer is still saved and scored.
 */
import { computed, reactive, ref, watch } from 'vue';
import type { Answer, Answers, Assessment, DraftDetails, Evidence, Preview, SurveyTally } from '@shared/api/procedures/assessments';
import type { DxError } from '@shared/api/errors';
import { api } from '../../api';
import { useAuthStore } from '../../stores/auth';
import { fileToBase64 } from '../units/file-bytes';
import { dropLocalCopy, keepLocalCopy, takeLocalCopy } from './local-backup';
import { tallyToAnswer } from './survey-tally';

export { maxEvidenceBytes as evidenceMaxBytes } from '@shared/limits';
export const evidenceTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/**
 * `queued`: a job is writing to the database; the save waits for it and then commits.
 * `locked`: the session is locked (or ended) behind the lock screen; the save waits for the
 * password and goes as soon as the person is back: nothing failed, nothing is lost.
 */
export type SaveState = 'idle' | 'saving' | 'queued' | 'saved' | 'failed' | 'locked';

/** How long a save may take before the form asks whether it waits for a job. */
const queuedCheckMs = 800;

/** How long the live score waits for more answers before it asks the core. */
export const previewDelayMs = 250;
/** Waits between retries of a failed save: soon at first, then every half minute. */
export const retryDelaysMs = [2000, 5000, 10_000, 30_000];

/** Why a save failed, as the renderer words it: an error code, or 'offline' when nothing answered. */
export function saveFailure(caught: unknown): string {
  const code = (caught as Partial<DxError> | null)?.code;
  return typeof code === 'string' ? code : 'offline';
}

/** The core refused for want of a live session: the lock screen is up, the save waits for it. */
function refusedForLock(caught: unknown): boolean {
  return (caught as Partial<DxError> | null)?.code === 'UNAUTHORIZED';
}

export function useAssessmentDraft() {
  const auth = useAuthStore();
  const assessment = ref<Assessment | null>(null);
  const answers = reactive<Answers>({});
  const surveys = reactive<Record<string, SurveyTally>>({});
  const preview = ref<Preview | null>(null);
  const evidence = ref<Evidence[]>([]);
  const saveState = ref<SaveState>('idle');
  /** The code of the last failed save ('offline' when the core did not answer); '' after a good save. */
  const saveError = ref('');
  /** Seconds until a failed save is tried again; null when none is waiting. */
  const retryIn = ref<number | null>(null);
  /** Items whose answer the core left out of the score, from the last preview or save. */
  const flagged = ref<Set<string>>(new Set());
  const savedAt = ref<string | null>(null);
  const error = ref<DxError | null>(null);
  let dirty = false;
  /** Counts changes, so a save knows whether anything was typed while it was on its way. */
  let changes = 0;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setInterval> | undefined;
  let retries = 0;
  let previewSeq = 0;
  let previewInFlight = false;
  let previewAgain = false;
  /** After dispose (leaving the form, deleting the draft) nothing is saved or scored any more. */
  let disposed = false;

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
    disposed = false;
    try {
      const loaded = await api.call('assessments.get', { id });
      assessment.value = loaded;
      // A unit's kind or industry may have changed since the draft began: answers to items that
      // no longer apply would make every autosave fail, so a draft keeps only the form's items.
      const formIds = new Set(loaded.form.flatMap((section) => section.items.map((item) => item.id)));
      // Answers refused at the last save come back into their fields, flagged, to be corrected.
      const typedAnswers = loaded.status === 'draft' ? { ...loaded.answers, ...Object.fromEntries(Object.entries(loaded.details.flagged ?? {}).map(([itemId, entry]) => [itemId, entry.value])) } : loaded.answers;
      const kept = loaded.status === 'draft' ? Object.fromEntries(Object.entries(typedAnswers).filter(([id]) => formIds.has(id))) : loaded.answers;
      replace(answers, kept);
      flagged.value = new Set(Object.keys(loaded.details.flagged ?? {}).filter((itemId) => formIds.has(itemId)));
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
      preview.value = { result: current.result, missing: [], previousStars: 0, lastVetoOn: null, flagged: [] };
      return;
    }
    if (previewInFlight) {
      // One question at a time: the answer that arrives meanwhile is scored as soon as this one returns.
      previewAgain = true;
      return;
    }
    previewInFlight = true;
    const seq = ++previewSeq;
    try {
      const next = await api.call('assessments.preview', { id: current.id, answers: answersCopy() });
      if (seq === previewSeq && !disposed) {
        preview.value = next;
        flagged.value = new Set(next.flagged.map((entry) => entry.item));
      }
    } catch {
      // The core did not answer: the last score stays on screen until the next change.
    } finally {
      previewInFlight = false;
    }
    if (previewAgain && !disposed) {
      previewAgain = false;
      await refreshPreview();
    }
  }

  function changed(): void {
    const current = assessment.value;
    if (!current || current.status !== 'draft') return;
    dirty = true;
    changes += 1;
    saveState.value = 'idle';
    keepLocalCopy(current.id, { answers: answersCopy(), details: details(), at: new Date().toISOString() });
    // Not a debounce: answers coming faster than the delay must not hold the score back, and the
    // preview reads the answers when it runs, so the last one is always in it.
    if (previewTimer === undefined) {
      previewTimer = setTimeout(() => {
        previewTimer = undefined;
        void refreshPreview();
      }, previewDelayMs);
    }
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

  function stopRetry(): void {
    clearInterval(retryTimer);
    retryTimer = undefined;
    retryIn.value = null;
  }

  /** Counts down to the next try of a failed save, waiting longer after each failure. */
  function scheduleRetry(): void {
    stopRetry();
    if (disposed) return;
    retryIn.value = Math.round((retryDelaysMs[Math.min(retries, retryDelaysMs.length - 1)] as number) / 1000);
    retries += 1;
    retryTimer = setInterval(() => {
      if (retryIn.value === null) return;
      retryIn.value -= 1;
      if (retryIn.value <= 0) {
        stopRetry();
        void save(true);
      }
    }, 1000);
  }

  async function save(autosave: boolean): Promise<boolean> {
    const current = assessment.value;
    if (disposed || !current || current.status !== 'draft') return false;
    if (autosave && !dirty) return true;
    clearTimeout(saveTimer);
    stopRetry();
    if (auth.locked || auth.ended) {
      // Behind the lock screen: wait for the password instead of failing (the watch below saves).
      saveState.value = 'locked';
      return false;
    }
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
      saveError.value = '';
      retries = 0;
      if (changes === changesSent) flagged.value = new Set(saved.flagged.map((entry) => entry.item));
      // What was typed while this save was on its way is not in it: keep its copy, stamped after this save.
      if (changes === changesSent) dropLocalCopy(current.id);
      else keepLocalCopy(current.id, { answers: answersCopy(), details: details(), at: new Date().toISOString() });
      return true;
    } catch (caught) {
      if (disposed) return false;
      dirty = true;
      if (refusedForLock(caught)) {
        saveState.value = 'locked';
        if (!autosave) throw caught;
        return false;
      }
      saveState.value = 'failed';
      saveError.value = saveFailure(caught);
      // A draft that is gone or can no longer be edited will not save however often it is tried.
      if (saveError.value !== 'NOT_FOUND' && saveError.value !== 'CONFLICT') scheduleRetry();
      if (!autosave) throw caught;
      return false;
    } finally {
      clearTimeout(queuedCheck);
    }
  }

  /** Tries a failed save again now, instead of waiting for its countdown. */
  const retryNow = () => save(true);

  // Back from the lock screen: what waited is saved now.
  watch(
    () => auth.locked || auth.ended,
    (covered) => {
      if (!covered && saveState.value === 'locked') void save(true);
    },
  );

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
  const reopen = (reason: string) => act(() => api.call('assessments.reopen', { id: (assessment.value as Assessment).id, reason }));

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

  /** Stops every timer; with `forget` (the draft was deleted) its local copy goes too and nothing is saved again. */
  function dispose(forget = false): void {
    disposed = true;
    clearTimeout(previewTimer);
    previewTimer = undefined;
    clearTimeout(saveTimer);
    stopRetry();
    if (forget && assessment.value) dropLocalCopy(assessment.value.id);
  }

  return { assessment, answers, surveys, preview, evidence, saveState, saveError, retryIn, flagged, savedAt, error, editable, load, refreshPreview, setAnswer, setTally, save, retryNow, submit, sign, finalize, reopen, addEvidence, removeEvidence, dispose, isDirty: () => dirty };
}

export type AssessmentDraft = ReturnType<typeof useAssessmentDraft>;
