import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One email sent for a notification to one address; its key keeps a retried delivery from sending twice. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  notificationId: string;

  @PrimaryColumn({ type: 'varchar', length: 320 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  messageId: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;
}
