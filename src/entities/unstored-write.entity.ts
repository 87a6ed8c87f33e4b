import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An action's result that its caller (an API process) is about to write: noted before the update is sent, removed once
 * the result is stored. One left behind (the caller died in between) is written by the worker's sweep from the
 * workflow (docs/design.md §4).
 */
@Entity({ name: 'unstored_writes' })
@Index(['notedAt'])
export class UnstoredWriteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizerId: string;

  @Column({ type: 'timestamptz' })
  notedAt: Date;

  /** Until when its caller waits for the update's answer: the sweep leaves the note alone until then. */
  @Column({ type: 'timestamptz', nullable: true })
  writeBy: Date | null;

  /** The action's audit entry, written with its result by whichever process stores it. */
  @Column({ type: 'jsonb', nullable: true })
  audit: Record<string, unknown> | null;

  /** Not before: its workflow did not answer the last sweep (a worker down), so others go first meanwhile. */
  @Column({ type: 'timestamptz', nullable: true })
  retryAt: Date | null;
}
