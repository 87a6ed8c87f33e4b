// Programs' rows (and their weekly reports' list). A program is created, or changed, in one transaction with its
// audit entry and whatever else must commit with it (its schedule, a broadcast started): the caller's `within`.
import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { periodWeekMs, type WeekEra } from '../domain/trends';
import { ProgramEntity, ProgramWeekEraEntity, WeeklyReportEntity } from '../entities';
import { type AuditEntry, AuditRepository } from './audit.repository';

/** Records an audit entry in the transaction of the change it describes. */
export type AuditInTransaction = (entry: AuditEntry) => Promise<void>;

@Injectable()
export class ProgramRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  private get programs() {
    return this.dataSource.getRepository(ProgramEntity);
  }

  find(id: string): Promise<ProgramEntity | null> {
    return this.programs.findOneBy({ id });
  }

  /** The program with what its weeks are (its eras), or null. */
  async findWithWeeks(id: string): Promise<(ProgramEntity & { eras: WeekEra[] }) | null> {
    const program = await this.find(id);
    return program ? (await this.withWeekEras([program]))[0] : null;
  }

  /** These programs (every one when `ids` is undefined), by name. */
  list(ids: string[] | undefined): Promise<ProgramEntity[]> {
    return this.programs.find({ where: ids ? { id: In(ids) } : {}, order: { name: 'ASC', id: 'ASC' } });
  }

  /** The programs with the schedules of weeks each had before its current one (oldest first): what their weeks are. */
  async withWeekEras<P extends ProgramEntity>(programs: P[]): Promise<(P & { eras: WeekEra[] })[]> {
    const eras = await this.dataSource.getRepository(ProgramWeekEraEntity).find({
      where: { programId: In(programs.map((p) => p.id)) },
      order: { until: 'ASC' },
    });
    return programs.map((program) => ({ ...program, eras: eras.filter((era) => era.programId === program.id) }));
  }

  /** These programs (every one when `ids` is undefined): id, name, policy and time zone. */
  summaries(ids: string[] | undefined): Promise<Pick<ProgramEntity, 'id' | 'name' | 'policy' | 'timezone'>[]> {
    return this.programs.find({
      where: ids ? { id: In(ids) } : {},
      select: { id: true, name: true, policy: true, timezone: true },
    });
  }

  /** A page of the program's weekly reports (of weeks that began before `before`), newest first, and how many. */
  reports(
    programId: string,
    page: { limit: number; offset: number },
    before?: Date,
  ): Promise<[WeeklyReportEntity[], number]> {
    return this.dataSource.getRepository(WeeklyReportEntity).findAndCount({
      where: { programId, ...(before ? { weekStart: LessThan(before) } : {}) },
      order: { weekStart: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Inserts the program; it commits only if `within` (its audit entry, its schedule) succeeds. */
  async insert(program: ProgramEntity, within: (audit: AuditInTransaction) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ProgramEntity).insert({ ...program, periodWeekMs: periodWeekMs(program.policy) });
      await within((entry) => this.audit.record(entry, manager));
    });
  }

  /**
   * Changes the program with its row locked: `change` reads it, says what to write (`save`) and what else commits
   * with it; concurrent changes apply one after the other.
   */
  change<T>(
    programId: string,
    change: (
      program: ProgramEntity,
      save: (patch: Partial<ProgramEntity>) => Promise<void>,
      audit: AuditInTransaction,
    ) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const programs = manager.getRepository(ProgramEntity);
      const program = (await programs.findOne({ where: { id: programId }, lock: { mode: 'pessimistic_write' } }))!;
      return change(
        program,
        async (patch) => {
          // The length of its weeks follows the policy (src/domain/trends.ts).
          await programs.update(
            { id: programId },
            patch.policy ? { ...patch, periodWeekMs: periodWeekMs(patch.policy) } : patch,
          );
        },
        (entry) => this.audit.record(entry, manager),
      );
    });
  }
}
