// A test clock for what the database times (sessions, sign-in links): sign-in compares their instants with the
// database's `now()`, so moving one user's instants back by `ms` is their clock moving on by `ms`. Other users' rows,
// and so other tests, are untouched.
import type { DataSource } from 'typeorm';

export async function elapse(dataSource: DataSource, userId: string, ms: number): Promise<void> {
  const by = ms / 1000;
  await dataSource.query(
    `UPDATE staff_sessions SET created_at = created_at - make_interval(secs => $2),
       last_seen_at = last_seen_at - make_interval(secs => $2), expires_at = expires_at - make_interval(secs => $2),
       revoked_at = revoked_at - make_interval(secs => $2)
     WHERE user_id = $1`,
    [userId, by],
  );
  await dataSource.query(
    `UPDATE sign_in_links SET created_at = created_at - make_interval(secs => $2),
       expires_at = expires_at - make_interval(secs => $2), used_at = used_at - make_interval(secs => $2)
     WHERE user_id = $1`,
    [userId, by],
  );
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
