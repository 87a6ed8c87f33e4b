import { Column, PrimaryColumn } from 'typeorm';

/**
 * The key of the rows an organizer has one of per period (debriefs, work plans, pay periods): the organizer and the
 * period's start, and the program, which a program's lists filter on.
 */
export abstract class OrganizerPeriodColumns {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  periodStart: Date;

  @Column('uuid')
  programId: string;
}
