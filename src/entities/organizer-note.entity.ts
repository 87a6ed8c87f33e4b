import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A staff note on a person ("bilingual", "call after 5"): read by the staff who may read the person, never by the
 * organizer. Edited or deleted by its author or an admin; gone when the member is erased.
 */
@Entity({ name: 'organizer_notes' })
@Index(['organizerId', 'createdAt'])
export class OrganizerNoteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizerId: string;

  @Column('uuid')
  programId: string;

  /** A user's id, or `bootstrap-admin`. */
  @Column({ type: 'varchar', length: 64 })
  authorId: string;

  @Column({ type: 'varchar', length: 4000 })
  text: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}
