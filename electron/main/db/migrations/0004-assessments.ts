/**
 * The assessment workflow: assessments (draft → submitted → signed → final, corrections that
 * supersede a signed one, follow-ups), their evidence files (content-addressed) and the
 * rectifications a unit must carry out. Signed and final assessments are append-only: the
 * triggers below refuse any change of what was scored and any deletion, as the audit log does.
 */
import type { Migration } from '../migration';

export const migration0004: Migration = {
  version: 4,
  name: 'assessments, evidence, rectifications',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units (id),
        cycle INTEGER NOT NULL CHECK (cycle BETWEEN 2000 AND 2100),
        assessed_on TEXT NOT NULL,
        rubric_id TEXT NOT NULL,
        rubric_sha256 TEXT,
        answers TEXT NOT NULL DEFAULT '{}',
        details TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'signed', 'final')),
        result TEXT,
        total REAL,
        score_stars INTEGER CHECK (score_stars IS NULL OR score_stars BETWEEN 0 AND 5),
        awarded_stars INTEGER CHECK (awarded_stars IS NULL OR awarded_stars BETWEEN 0 AND 5),
        vetoed INTEGER CHECK (vetoed IS NULL OR vetoed IN (0, 1)),
        decided_by TEXT,
        inspector TEXT,
        submitted_at TEXT,
        signed_by TEXT,
        signed_at TEXT,
        supersedes_id TEXT REFERENCES assessments (id),
        supersede_reason TEXT,
        follows_up_id TEXT REFERENCES assessments (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        autosaved_at TEXT,
        CHECK (supersedes_id IS NULL OR supersede_reason IS NOT NULL),
        CHECK (status IN ('draft', 'submitted') OR (result IS NOT NULL AND awarded_stars IS NOT NULL AND signed_at IS NOT NULL))
      ) STRICT;

      CREATE INDEX assessments_unit ON assessments (unit_id, cycle, assessed_on);
      CREATE INDEX assessments_status ON assessments (status, updated_at);
      CREATE INDEX assessments_supersedes ON assessments (supersedes_id) WHERE supersedes_id IS NOT NULL;

      -- What was scored and signed never changes; only signed → final may happen.
      CREATE TRIGGER assessments_signed_immutable BEFORE UPDATE ON assessments
      WHEN OLD.status IN ('signed', 'final') AND (
        NEW.answers IS NOT OLD.answers OR NEW.details IS NOT OLD.details OR NEW.result IS NOT OLD.result
        OR NEW.total IS NOT OLD.total OR NEW.score_stars IS NOT OLD.score_stars
        OR NEW.awarded_stars IS NOT OLD.awarded_stars OR NEW.vetoed IS NOT OLD.vetoed
        OR NEW.decided_by IS NOT OLD.decided_by OR NEW.unit_id IS NOT OLD.unit_id
        OR NEW.cycle IS NOT OLD.cycle OR NEW.assessed_on IS NOT OLD.assessed_on
        OR NEW.rubric_id IS NOT OLD.rubric_id OR NEW.rubric_sha256 IS NOT OLD.rubric_sha256
        OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
        OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.id IS NOT OLD.id
        OR NEW.status NOT IN ('signed', 'final')
        OR (OLD.status = 'final' AND NEW.status <> 'final')
      )
      BEGIN SELECT RAISE(ABORT, 'a signed assessment is immutable; supersede it with a correction'); END;

      CREATE TRIGGER assessments_signed_no_delete BEFORE DELETE ON assessments
      WHEN OLD.status IN ('signed', 'final')
      BEGIN SELECT RAISE(ABORT, 'a signed assessment is immutable; supersede it with a correction'); END;

      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        original_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (assessment_id, item_id, sha256)
      ) STRICT;

      CREATE INDEX evidence_sha256 ON evidence (sha256);

      -- Evidence of a signed assessment is part of what was signed. (Adding is refused in code, not
      -- here, so a bundle import may bring a signed assessment first and its files after.)
      CREATE TRIGGER evidence_signed_no_delete BEFORE DELETE ON evidence
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) IN ('signed', 'final')
      BEGIN SELECT RAISE(ABORT, 'evidence of a signed assessment cannot be removed'); END;
      CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
      BEGIN SELECT RAISE(ABORT, 'evidence rows are not edited; remove and add'); END;

      CREATE TABLE rectifications (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units (id),
        assessment_id TEXT REFERENCES assessments (id),
        item_id TEXT,
        description TEXT NOT NULL,
        owner TEXT,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        closed_on TEXT,
        follow_up_assessment_id TEXT REFERENCES assessments (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'done') = (closed_on IS NOT NULL))
      ) STRICT;

      CREATE INDEX rectifications_unit ON rectifications (unit_id, status);
      CREATE INDEX rectifications_due ON rectifications (status, due_on);
    `);
  },
};
