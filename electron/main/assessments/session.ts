/**
 * The current user of this workstation (name and role), kept in `meta`. Not security: a shared
 * laptop's honest statement of who is filling in and who signs. A fresh workstation acts as the
 * team leader (组长), the person a laptop is usually issued to, until someone sets a user.
 */
import type { Database } from 'better-sqlite3';
import type { Role, Session } from '@shared/api/procedures/assessments';

const nameKey = 'session_user_name';
const roleKey = 'session_user_role';

export const defaultSession: Session = { name: '本机用户', role: 'leader' };

export function getSession(db: Database): Session {
  const rows = db.prepare('SELECT key, value FROM meta WHERE key IN (?, ?)').all(nameKey, roleKey) as { key: string; value: string }[];
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const role = values.get(roleKey);
  return {
    name: values.get(nameKey) ?? defaultSession.name,
    role: role === 'inspector' || role === 'leader' ? (role as Role) : defaultSession.role,
  };
}

export function setSession(db: Database, session: Session): Session {
  const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    upsert.run(nameKey, session.name.trim());
    upsert.run(roleKey, session.role);
  }).immediate();
  return getSession(db);
}
