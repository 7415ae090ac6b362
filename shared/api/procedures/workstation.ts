/**
 * Procedures of the workstation itself as people manage it: its keys (made once by an admin,
 * unlocked and locked by a team leader or an admin for the running app) and its name.
 */
import { z } from 'zod';
import { procedure } from '../procedure';
import { KeyPassphraseSchema, KeysStatusSchema } from '@shared/domain/keys';
import { VerificationAddressSchema, WorkstationNameSchema } from '@shared/domain/workstation';

const VerificationAddressStateSchema = z.object({ address: z.string().nullable(), setAt: z.string().nullable() });

export const workstationProcedures = {
  'keys.status': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Whether this workstation has its keys, how they unlock, and whether they are unlocked now',
    input: z.object({}).strict(),
    output: KeysStatusSchema,
  }),
  'keys.create': procedure({
    roles: ['admin'],
    writes: true, audit: ['keys.create', 'keys.addPassphrase'],
    summary: 'Make this workstation’s keys, protected by a passphrase that cannot be recovered (or add the passphrase to keys made with the desktop’s keychain)',
    input: z.object({ passphrase: KeyPassphraseSchema }).strict(),
    output: KeysStatusSchema,
  }),
  'keys.unlock': procedure({
    roles: ['leader', 'admin'],
    writes: true, audit: ['keys.unlock'],
    summary: 'Unlock the workstation’s keys with the passphrase for the running app (held in memory only)',
    input: z.object({ passphrase: z.string().min(1).max(200) }).strict(),
    output: KeysStatusSchema,
  }),
  'keys.lock': procedure({
    roles: ['leader', 'admin'],
    writes: true, audit: ['keys.lock'],
    summary: 'Forget the unlocked keys: signing needs the passphrase again',
    input: z.object({}).strict(),
    output: KeysStatusSchema,
  }),
  'verification.address': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The address of the city office’s verifier page that plaques’ QR codes point to (null: none set)',
    input: z.object({}).strict(),
    output: VerificationAddressStateSchema,
  }),
  'verification.setAddress': procedure({
    roles: ['city'],
    writes: true, audit: ['verification.setAddress'],
    summary: 'Set (or clear, with null) the verifier page’s address; city bundles carry it to the laptops',
    input: z.object({ address: VerificationAddressSchema.nullable() }).strict(),
    output: VerificationAddressStateSchema,
  }),
  'workstation.setName': procedure({
    roles: ['admin'],
    writes: true, audit: ['workstation.setName'],
    summary: 'Name this workstation as people know it (shown wherever it appears, carried in what it signs)',
    input: z.object({ name: WorkstationNameSchema }).strict(),
    output: z.object({ id: z.string(), name: z.string(), named: z.boolean() }),
  }),
};
