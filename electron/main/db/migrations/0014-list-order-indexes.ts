/**
 * Indexes in the order the busiest lists show their rows, so a year of work (thousands of
 * assessments, each with a large result JSON) is read a page at a time instead of sorted whole:
 * 最近 (signed assessments, last signed first), 待办 and the home page (open assessments, last
 * changed first), the 评定 list and its tabs (last changed first, by status or all) and 证书
 * (certificates by cycle, newest first, then district and number). Partial indexes hold only the
 * rows their list can show; the id ends each key because the lists break ties by id.
 *
 */
import type { Migration } from '../migration';

export const migration0014: Migration = {
  version: 14,
  name: 'indexes in list order',
  up(db) {
    db.exec(`
      CREATE INDEX assessments_signed_order ON assessments (signed_at, id) WHERE status IN ('signed', 'final');
      CREATE INDEX assessments_open_order ON assessments (updated_at, id) WHERE status IN ('draft', 'submitted');
      CREATE INDEX assessments_updated ON assessments (updated_at, id);
      CREATE INDEX assessments_inspector ON assessments (inspector) WHERE inspector IS NOT NULL;
      DROP INDEX assessments_status;
      CREATE INDEX assessments_status ON assessments (status, updated_at, id);
      CREATE INDEX certificates_order ON certificates (cycle DESC, district_code, sequence);
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
      CREATE INDEX audit_log_action ON audit_log (action, seq);
    `);
  },
};
