/**
 * Why a team leader sent an assessment back (退回修改), who did and when: kept with the assessment
 * so the inspector reads it at the top of the form, beside the audit entry that records it too.
 * Earlier send-backs recorded no reason; they stay without one.
 */
import type { Migration } from '../migration';

export const migration0020: Migration = {
  version: 20,
  name: 'the reason an assessment was sent back',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN sent_back_reason TEXT;
      ALTER TABLE assessments ADD COLUMN sent_back_by TEXT;
      ALTER TABLE assessments ADD COLUMN sent_back_at TEXT;
    `);
  },
};
