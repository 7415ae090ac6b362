/** A workstation's name as people choose it: what the header, plaques' verification, bundles and the trust store show instead of an id. */
import { z } from 'zod';

export const WorkstationNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), 'no control characters');
