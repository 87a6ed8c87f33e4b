// Which emails went to whom: a delivery row per (notification or report, recipient), so a retried send does nothing.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the mail for `key` already went to `to`. */
  async sent(key: string, to: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      'SELECT 1 FROM notification_deliveries WHERE notification_id = $1 AND recipient = $2',
      [key, to],
    );
    return row !== undefined;
  }

  /** Records that the mail for `key` went to `to` (once; a second record changes nothing). */
  async record(key: string, to: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO notification_deliveries (notification_id, recipient, message_id, sent_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING',
      [key, to, messageId],
    );
  }
}
