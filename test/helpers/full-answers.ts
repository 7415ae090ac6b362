// Complete answers built from an assessment form (no vitest here: the benches' profiling drivers use it too).
import type { Answers, FormSection } from '@shared/api/procedures/assessments';

/** Full marks on every applicable item, no vetoes; `overrides` changes single answers. */
export function fullAnswers(form: FormSection[], overrides: Answers = {}): Answers {
  const answers: Answers = {};
  for (const item of form.flatMap((section) => section.items)) {
    switch (item.kind) {
      case 'check':
        answers[item.id] = true;
        break;
      case 'veto':
        answers[item.id] = false;
        break;
      case 'scale':
        answers[item.id] = item.points ?? 0;
        break;
      case 'deduct':
        answers[item.id] = 0;
        break;
      case 'rate':
      case 'gate':
        answers[item.id] = 100;
        break;
      case 'survey':
        answers[item.id] = { respondents: Math.max(item.minSample ?? 30, 30), safe: Math.max(item.minSample ?? 30, 30) };
        break;
    }
  }
  return { ...answers, ...overrides };
}
