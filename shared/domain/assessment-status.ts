/** Where an assessment stands: draft → submitted → signed → final (see electron/main/assessments/transitions.ts). */
import { z } from 'zod';

export const assessmentStatuses = ['draft', 'submitted', 'signed', 'final'] as const;
export const AssessmentStatusSchema = z.enum(assessmentStatuses);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;
