// The form's small rules: a survey tally becomes the engine's answer, and a local copy survives a reload only when newer.
import { describe, expect, it } from 'vitest';
import { dropLocalCopy, keepLocalCopy, takeLocalCopy } from '../../../renderer/src/views/assessments/local-backup';
import { answerToTally, emptyTally, safeRate, tallyToAnswer } from '../../../renderer/src/views/assessments/survey-tally';
import { formatDateTime, formatTime } from '../../../renderer/src/views/assessments/format';

describe('survey tally', () => {
  it('counts 安全 and 比较安全 as safe and every answer as a respondent', () => {
    expect(tallyToAnswer({ safe: 80, fairlySafe: 30, notVerySafe: 6, unsafe: 2, unknown: 2 })).toEqual({ respondents: 120, safe: 110 });
    expect(tallyToAnswer(emptyTally())).toBeUndefined();
    expect(answerToTally({ respondents: 50, safe: 45 })).toMatchObject({ safe: 45, unsafe: 5 });
    expect(safeRate({ respondents: 120, safe: 110 })).toBe(91.7);
    expect(safeRate(undefined)).toBeNull();
  });
});

describe('local copy of a draft', () => {
  it('is used only when newer than the last save, and can be dropped', () => {
    const storage = new Map<string, string>();
    const store = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value), removeItem: (key: string) => void storage.delete(key) };
    keepLocalCopy('a1', { answers: { 'RES-1': true }, details: {}, at: '2026-11-29T10:00:05.000Z' }, store);
    expect(takeLocalCopy('a1', '2026-11-29T10:00:00.000Z', store)?.answers).toEqual({ 'RES-1': true });
    expect(takeLocalCopy('a1', '2026-11-29T10:00:09.000Z', store)).toBeNull();
    dropLocalCopy('a1', store);
    expect(takeLocalCopy('a1', '2000-01-01', store)).toBeNull();
  });
});

describe('dates', () => {
  it('writes dates the way offices do, whatever the browser locale', () => {
    const iso = new Date(2026, 10, 29, 14, 32).toISOString();
    expect(formatDateTime(iso)).toBe('2026-11-29 14:32');
    expect(formatTime(iso)).toBe('14:32');
  });
});
