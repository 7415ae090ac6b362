/** A workstation's name as people choose it: what the header, plaques' verification, bundles and the trust store show instead of an id. */
import { z } from 'zod';

export const WorkstationNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), 'no control characters');

/**
 * Where the city office publishes the verifier page (e.g. https://pingan.wuhan.gov.cn/verify):
 * a plaque's QR then reads `ADDRESS#DX1.…`, so a phone opens the page, which reads the payload
 * from the fragment (never sent to the server). ASCII and short, so the QR stays readable.
 */
export const VerificationAddressSchema = z
  .string()
  .trim()
  .max(80, 'at most 80 characters, so the QR code stays readable')
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/, 'an http(s):// address without spaces, query or #');
