import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Role } from '../domain/roles';

/** A person who signs in by a link sent by email, or with their API tokens (personal-token.entity.ts). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Programs a coordinator acts on. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  programIds: string[];

  /** The organizer record an organizer user may see. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
