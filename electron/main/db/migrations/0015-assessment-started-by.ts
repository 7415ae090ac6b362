/**
 * Who started each assessment, by user id: 我的草稿 lists the drafts of the logged-in user, and a
 * display name (what `inspector` holds) is not unique. Existing assessments take the id from the
 * audit entry that recorded their start (`assessment.start`, or `assessment.supersede` for a correction), where there is one.
 */
import type { Migration } from '../migration';

export const migration0015: Migration = {
  version: 15,
  name: 'the user who started each assessment',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN started_by_id TEXT;
      UPDATE assessments SET started_by_id = (
        SELECT l.actor FROM audit_log l WHERE l.action IN ('assessment.start', 'assessment.supersede') AND l.subject = assessments.id ORDER BY l.seq LIMIT 1
      );
      CREATE INDEX assessments_started_by ON assessments (started_by_id, status);
    `);
  },
};
