import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member on a program's roster, imported from the local's CSV; eligibility checks read it. */
@Entity({ name: 'roster_members' })
export class RosterMemberEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  memberId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  local: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'timestamptz' })
  importedAt: Date;
}
