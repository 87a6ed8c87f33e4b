// The weekly reports to national: the week's debriefs and the ones missing, read from the organizer rows, and the
// report row itself (one per program and week, which stands as it was first made).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WeeklyReportEntity } from '../entities';

/** A debrief whose period ended in the week, with the plan it reported against. */
export interface WeekDebriefRow {
  organizer_id: string;
  name: string;
  period_start: Date;
  hours: number;
  conversations: number;
  one_on_ones: number;
  leaders_identified: number;
  metrics: Record<string, number> | null;
  targets: Record<string, number> | null;
}

/** A period with no debrief whose grace ended in the week (and before the report ran). */
export interface WeekMissingRow {
  organizer_id: string;
  name: string;
  period_start: string;
}

// Debriefs whose period ended in the week, and the periods whose debrief fell overdue in the week (its grace over by
// the time the report runs): each missing debrief is reported once, in the week it became late, even when its grace
// runs past the week its period ended in (a debrief still within its grace is not missing yet).
const submittedInWeek = `
  SELECT d.organizer_id, o.name, d.period_start, d.hours, d.conversations, d.one_on_ones, d.leaders_identified,
    d.metrics, w.targets
  FROM debriefs d JOIN organizers o ON o.id = d.organizer_id
    LEFT JOIN work_plans w ON w.organizer_id = d.organizer_id AND w.period_start = d.period_start
  WHERE d.program_id = $1 AND d.period_end >= $2 AND d.period_end < $3
  ORDER BY o.name, d.period_start`;

const missingInWeek = `
  SELECT o.id AS organizer_id, o.name, p.value->>'start' AS period_start
  FROM organizers o, jsonb_array_elements(o.pending_debrief_periods) AS p(value)
  WHERE o.program_id = $1 AND (p.value->>'overdueAt')::timestamptz >= $2 AND (p.value->>'overdueAt')::timestamptz < $3
    AND (p.value->>'overdueAt')::timestamptz <= $4 AND (p.value->>'overdue')::boolean
  ORDER BY o.name, period_start`;

@Injectable()
export class WeeklyReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The week's debriefs and missing ones, as of `asOf`. */
  async week(
    programId: string,
    week: { start: Date; end: Date },
    asOf: Date,
  ): Promise<{ submitted: WeekDebriefRow[]; missing: WeekMissingRow[] }> {
    const [submitted, missing] = await Promise.all([
      this.dataSource.query(submittedInWeek, [programId, week.start, week.end]),
      this.dataSource.query(missingInWeek, [programId, week.start, week.end, asOf]),
    ]);
    return { submitted, missing };
  }

  /** Writes the week's report, unless one was made already (it stands as it was made). */
  async save(report: WeeklyReportEntity): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(WeeklyReportEntity).values(report).orIgnore().execute();
  }

  find(programId: string, weekStart: Date): Promise<WeeklyReportEntity | null> {
    return this.dataSource.getRepository(WeeklyReportEntity).findOneBy({ programId, weekStart });
  }
}
