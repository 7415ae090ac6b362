/**
 * Every migration, in order: a file's number is its schema version (`user_version`). A new one is a
 * new file with the next number, appended here;
 * an applied migration is never edited.
 */
import type { Migration } from '../migration';
import { migration0001 } from './0001-workstation';
import { migration0002 } from './0002-registry';
import { migration0003 } from './0003-rubric-packs';
import { migration0004 } from './0004-assessments';
import { migration0005 } from './0005-units-kind-stars-index';
import { migration0006 } from './0006-units-sort-indexes-with-id';
import { migration0007 } from './0007-users';
import { migration0008 } from './0008-certificates';
import { migration0009 } from './0009-district-inputs';
import { migration0010 } from './0010-units-name-sort';
import { migration0011 } from './0011-bundles';
import { migration0012 } from './0012-audit-checkpoints';
import { migration0013 } from './0013-city-bundles';
import { migration0014 } from './0014-list-order-indexes';
import { migration0015 } from './0015-assessment-started-by';
import { migration0016 } from './0016-audit-chain-warnings';
import { migration0017 } from './0017-unit-stars-by-cycle';
import { migration0018 } from './0018-list-filter-indexes';
import { migration0019 } from './0019-city-registry';
import { migration0020 } from './0020-assessment-sent-back';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020];

export const latestSchemaVersion = migrations.length;
