// Erasing a member: their personal data out of every table, the figures kept under an anonymous record.
import { DataSource } from 'typeorm';
import { say } from '../words/say';

/**
 * Erases a member's personal data from every table that holds it, in one transaction, keeping the figures under an
 * anonymous record: the organizer row (name, email, phone, member id), notification texts and the deliveries to them,
 * their roster row, their name in weekly reports, free text in their history, debriefs and ride-alongs, staff notes on them, the audit
 * entries about them, and the account they signed in with. Everything left moves to `anonymousId`: the record's id
 * was computed from the member id, so under it anyone holding the member id could tell the member had applied.
 * Returns false when there is no such organizer.
 */
export async function eraseOrganizer(dataSource: DataSource, id: string, anonymousId: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const q = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
    const [row] = await q('SELECT program_id, member_id, email FROM organizers WHERE id = $1 FOR UPDATE', [id]);
    if (!row) return false;
    await q(
      // A screening's answer may carry the member's own words.
      `UPDATE organizers SET name = 'Erased member', email = '', phone = NULL, member_id = $2, erased_at = now(),
         screening = screening - 'rsvp', languages = '{}', preferred_language = 'en' WHERE id = $1`,
      [id, `ERASED-${anonymousId.slice(0, 8)}`],
    );
    await q(
      `DELETE FROM notification_deliveries WHERE recipient = $2 AND notification_id IN (SELECT id FROM notifications WHERE organizer_id = $1)`,
      [id, row.email],
    );
    await q(
      `UPDATE notifications SET summary = replace(kind, '_', ' ') || ' ' || $2, said = NULL WHERE organizer_id = $1`,
      [id, say('reminder.erased')],
    );
    await q('DELETE FROM roster_members WHERE program_id = $1 AND upper(member_id) = upper($2)', [
      row.program_id,
      row.member_id,
    ]);
    // A weekly report's line and a voucher's line keep their figures, under the anonymous id and no name.
    const anonymous = (line: string) =>
      `CASE WHEN ${line}->>'organizerId' = $2::text
         THEN (${line} - 'memberId') || jsonb_build_object('organizerId', $4::text, 'name', 'Erased member')
         ELSE ${line} END`;
    await q(
      `UPDATE weekly_reports SET
         submitted = (SELECT COALESCE(jsonb_agg(${anonymous('e')}), '[]') FROM jsonb_array_elements(submitted) e),
         missing = (SELECT COALESCE(jsonb_agg(${anonymous('e')}), '[]') FROM jsonb_array_elements(missing) e)
       WHERE program_id = $1 AND (submitted @> $3 OR missing @> $3)`,
      [row.program_id, id, JSON.stringify([{ organizerId: id }]), anonymousId],
    );
    await q('UPDATE stage_transitions SET reason = NULL WHERE organizer_id = $1', [id]);
    await q('DELETE FROM links WHERE organizer_id = $1', [id]);
    await q('UPDATE debriefs SET notes = NULL WHERE organizer_id = $1', [id]);
    await q('UPDATE work_plans SET notes = NULL WHERE organizer_id = $1', [id]);
    await q('UPDATE ride_alongs SET notes = NULL WHERE organizer_id = $1', [id]);
    await q('DELETE FROM organizer_notes WHERE organizer_id = $1', [id]);
    // Notes of results a caller left unwritten carry the action's input: the run has ended, having stored them.
    await q('DELETE FROM unstored_writes WHERE organizer_id = $1', [id]);
    // A voucher keeps its lines (money paid stays accounted for).
    await q(
      `UPDATE vouchers SET lines = (SELECT jsonb_agg(${anonymous('e.line')} ORDER BY e.n)
         FROM jsonb_array_elements(lines) WITH ORDINALITY AS e(line, n))
       WHERE program_id = $1 AND lines @> $3`,
      [row.program_id, id, JSON.stringify([{ organizerId: id }]), anonymousId],
    );
    // Entries about the member and about the accounts they signed in with (created with their name and email).
    await q(
      `UPDATE audit_entries SET before = NULL, after = NULL
        WHERE subject = $1::text OR subject IN (SELECT id::text FROM users WHERE organizer_id = $1::uuid)`,
      [id],
    );
    await q('DELETE FROM sign_in_identities WHERE user_id IN (SELECT id FROM users WHERE organizer_id = $1)', [id]);
    await q(
      `UPDATE users SET name = 'Erased member', email = 'erased-' || id || '@erased.invalid', revoked_at = COALESCE(revoked_at, now())
       WHERE organizer_id = $1`,
      [id],
    );
    await rekey(q, id, anonymousId);
    return true;
  });
}

/** Moves an organizer's rows, and the ids of their reminders and audit entries, from one id to another. */
async function rekey(q: (sql: string, parameters: unknown[]) => Promise<unknown>, from: string, to: string) {
  // A screening's calendar UID names the organizer too.
  await q(`UPDATE organizers SET id = $2, screening = replace(screening::text, $3, $4)::jsonb WHERE id = $1`, [
    from,
    to,
    from,
    to,
  ]);
  for (const table of [
    'stage_transitions',
    'trainings',
    'ride_alongs',
    'debriefs',
    'work_plans',
    'pay_periods',
    'group_session_members',
    'users',
  ])
    await q(`UPDATE ${table} SET organizer_id = $2 WHERE organizer_id = $1`, [from, to]);
  // A reminder's id starts with its organizer's id (organizer:kind:occasion), and so do its deliveries' keys; a
  // screening's occasion (its calendar UID) holds it again.
  await q(
    `UPDATE notification_deliveries SET notification_id = replace(notification_id, $1::text, $2::text)
      WHERE notification_id LIKE $1::text || ':%'`,
    [from, to],
  );
  await q(
    `UPDATE notifications SET id = replace(id, $1::text, $2::text), organizer_id = $2::uuid
      WHERE organizer_id = $1::uuid`,
    [from, to],
  );
  await q('UPDATE audit_entries SET subject = $2 WHERE subject = $1', [from, to]);
}
