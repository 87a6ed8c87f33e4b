// Reminders as the mail reads them: the rows by id, and whom each goes to.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities';

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The notifications of these ids that exist. */
  find(ids: string[]): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({ where: ids.map((id) => ({ id })) });
  }

  /** The addresses a notification goes to: the organizer's own, or the role's users for its program (national: all). */
  async recipients(n: Pick<NotificationEntity, 'recipientRole' | 'organizerId' | 'programId'>): Promise<string[]> {
    const rows: { email: string }[] =
      n.recipientRole === 'organizer'
        ? await this.dataSource.query('SELECT email FROM organizers WHERE id = $1', [n.organizerId])
        : await this.dataSource.query(
            `SELECT email FROM users WHERE role = $1 AND revoked_at IS NULL AND ($1 = 'national' OR $2 = ANY (program_ids)) ORDER BY email`,
            [n.recipientRole, n.programId],
          );
    return rows.map((r) => r.email);
  }
}
