/** Where an assessment stands: draft → submitted → signed → final (see electron/main/assessments/transitions.ts). */
import { z } from 'zod';

export const assessmentStatuses = ['draft', 'submitted', 'signed', 'final'] as const;
export const AssessmentStatusSchema = z.enum(assessmentStatuses);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;

/**
 * What each status is called, in both languages: one list for the screens and the printed report,
 * so a report never says 已签署 where the app says 已签发.
 */
export const assessmentStatusWords: Record<'zh' | 'en', Record<AssessmentStatus, string>> = {
  zh: { draft: '草稿', submitted: '待签发', signed: '已签发', final: '已定稿' },
  en: { draft: 'Draft', submitted: 'Awaiting signature', signed: 'Signed', final: 'Final' },
};
