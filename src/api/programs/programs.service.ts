import { goalProblems, goalsOf, type Goal } from '../../domain/goals';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { mergePolicy, PolicyPatch, policyPresets, policyProblems, ProgramPolicy } from '../../domain/policy';
import { dayAfter, startOfLocalDay } from '../../domain/calendar';
import { instantNamed, programWeekOf, weekNamed, type WeekSchedule } from '../../domain/trends';
import { ProgramEntity, WeeklyReportEntity } from '../../entities';
import { ProgramRepository } from '../../repositories/program.repository';
import { WeeklyReportRepository } from '../../repositories/weekly-report.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { WorkflowGateway } from '../temporal/workflow.gateway';
import type {
  CreateProgramDto,
  ProgramDto,
  ProgramListDto,
  UpdateProgramDto,
  WeeklyReportDto,
  WeeklyReportListDto,
} from './programs.dto';

export function toProgramDto(program: ProgramEntity): ProgramDto {
  return {
    id: program.id,
    name: program.name,
    affiliate: program.affiliate,
    kind: program.kind,
    timezone: program.timezone,
    termStart: program.termStart.toISOString(),
    termEnd: program.termEnd ? program.termEnd.toISOString() : null,
    goals: goalsOf(program.goals, program.policy),
    policy: program.policy,
    nationalContactEmail: program.nationalContactEmail,
    createdAt: program.createdAt.toISOString(),
  };
}

/** Goals as stored: typed (the old form converted), each checked against the policy; 400 naming each problem. */
function typedGoals(given: unknown, policy: ProgramPolicy): Goal[] {
  const goals = goalsOf(given ?? [], policy);
  const problems = goalProblems(goals, policy);
  if (problems.length) throw new InvalidInputError(problems);
  return goals;
}

function checkPolicy(policy: ProgramPolicy): void {
  const problems = policyProblems(policy);
  if (problems.length) throw new InvalidInputError(problems);
}

function checkTerm(termStart: Date, termEnd: Date | null): void {
  if (termEnd && termEnd <= termStart)
    throw new InvalidInputError([{ field: 'termEnd', reason: 'must be after termStart' }]);
}

@Injectable()
export class ProgramsService {
  constructor(
    private readonly programs: ProgramRepository,
    private readonly access: AccessPolicy,
    private readonly workflows: WorkflowGateway,
    private readonly weeklyReports: WeeklyReportRepository,
  ) {}

  /** The program, or NotFoundError; no access check (callers check for their purpose). */
  async find(programId: string): Promise<ProgramEntity> {
    const program = await this.programs.find(programId);
    if (!program) throw new NotFoundError(`no program ${programId}`);
    return program;
  }

  async create(input: CreateProgramDto, caller: Caller): Promise<ProgramDto> {
    const policy = mergePolicy(policyPresets[input.kind], input.policy as PolicyPatch | undefined);
    checkPolicy(policy);
    const termStart = termInstant(input.termStart, input.timezone, 'start');
    const termEnd = input.termEnd ? termInstant(input.termEnd, input.timezone, 'end') : null;
    checkTerm(termStart, termEnd);
    const program = Object.assign(new ProgramEntity(), {
      id: randomUUID(),
      name: input.name.trim(),
      affiliate: input.affiliate.trim(),
      kind: input.kind,
      timezone: input.timezone,
      termStart,
      termEnd,
      goals: typedGoals(input.goals, policy),
      policy,
      nationalContactEmail: input.nationalContactEmail ?? null,
    });
    // No program without its weekly report: the row commits only once the schedule exists, so a refused request
    // (Temporal unreachable, say) changes nothing; a schedule left by a failed commit is removed again.
    let scheduled = false;
    try {
      await this.programs.insert(program, async (audit) => {
        await audit({
          actor: caller.id,
          programId: program.id,
          kind: 'program-created',
          subject: program.id,
          after: { ...input },
        });
        await this.workflows.scheduleWeeklyReport(program);
        scheduled = true;
      });
    } catch (error) {
      if (scheduled) await this.workflows.removeWeeklyReport(program.id).catch(() => undefined);
      throw error;
    }
    return toProgramDto(await this.find(program.id));
  }

  async list(caller: Caller): Promise<ProgramListDto> {
    const readable = this.access.readablePrograms(caller);
    const programs = await this.programs.list(readable);
    return { items: programs.map(toProgramDto), total: programs.length };
  }

  async get(programId: string, caller: Caller): Promise<ProgramDto> {
    const program = await this.find(programId);
    this.access.assertReadProgram(caller, programId);
    return toProgramDto(program);
  }

  /** The program's weekly reports to national, newest first. */
  async reports(
    programId: string,
    page: { limit: number; offset: number; before?: string },
    caller: Caller,
  ): Promise<WeeklyReportListDto> {
    const program = await this.withWeeks(programId);
    this.access.assertReadProgram(caller, programId);
    const before = page.before === undefined ? undefined : new Date(instantNamed(page.before, program.timezone));
    const [rows, total] = await this.programs.reports(programId, page, before);
    return { items: rows.map((r) => reportDto(r, program)), total };
  }

  /** The report of the week `weekOf` names (a day of it, or a debrief period), or NotFoundError when none was made. */
  async report(programId: string, weekOf: string, caller: Caller): Promise<WeeklyReportDto> {
    const program = await this.withWeeks(programId);
    this.access.assertReadProgram(caller, programId);
    const found = await this.weeklyReports.find(programId, weekNamed(program, weekOf).start);
    if (!found) throw new NotFoundError(`no report for the week of ${weekOf}`);
    return reportDto(found, program);
  }

  /** The program with what its weeks are (the weekly series' and the reports'). */
  private async withWeeks(programId: string): Promise<ProgramEntity & WeekSchedule> {
    const [program] = await this.programs.withWeekEras([await this.find(programId)]);
    return program;
  }

  /**
   * Makes the report of a past week now (national, admin): the Schedule's workflow for that week, which makes the
   * week's report with what was known by its end (a report made already stands as it was) and emails it at most once.
   */
  async makeReport(programId: string, weekOf: string, caller: Caller): Promise<WeeklyReportDto> {
    const program = await this.withWeeks(programId);
    this.access.assertReadProgram(caller, programId);
    const week = weekNamed(program, weekOf);
    if (week.end.getTime() > Date.now())
      throw new InvalidInputError([{ field: 'weekOf', reason: 'must name a week that has ended' }]);
    if (week.end.getTime() <= program.createdAt.getTime())
      throw new InvalidInputError([{ field: 'weekOf', reason: 'must name a week since the program began' }]);
    await this.workflows.runWeeklyReport(programId, week);
    return reportDto((await this.weeklyReports.find(programId, week.start))!, program);
  }

  /** Changes policy, goals or term end; a policy or term change reaches every running organizer of the program. */
  async update(programId: string, input: UpdateProgramDto, caller: Caller): Promise<ProgramDto> {
    await this.find(programId);
    this.access.assertChangeProgram(caller, programId);
    // The row is locked while the change is merged and handed to Temporal: concurrent changes apply one after the
    // other (none is lost), each with a later changedAt, which is how organizers tell the newest broadcast. The row
    // commits only once Temporal has taken the change (schedule updated, broadcast started), so a refused request
    // changes nothing; the broadcast is durable, so waiting for it comes after the commit.
    const broadcast = await this.programs.change(programId, async (program, save, audit) => {
      const policy = input.policy ? mergePolicy(program.policy, input.policy as PolicyPatch) : undefined;
      if (policy) checkPolicy(policy);
      const termEnd =
        input.termEnd === undefined
          ? undefined
          : input.termEnd === null
            ? null
            : termInstant(input.termEnd, program.timezone, 'end');
      if (termEnd !== undefined) checkTerm(program.termStart, termEnd);
      const changedAt = new Date();
      // Goals are checked against the policy they will be measured under (its debrief counts).
      const goals =
        input.goals || policy ? typedGoals(input.goals ?? program.goals, policy ?? program.policy) : undefined;
      const changed = {
        ...(policy ? { policy } : {}),
        ...(input.goals ? { goals } : {}),
        ...(termEnd !== undefined ? { termEnd: termEnd?.toISOString() ?? null } : {}),
        ...(input.nationalContactEmail !== undefined ? { nationalContactEmail: input.nationalContactEmail } : {}),
      };
      const before = Object.fromEntries(
        Object.keys(changed).map((key) => [
          key,
          key === 'termEnd' ? (program.termEnd?.toISOString() ?? null) : program[key as keyof ProgramEntity],
        ]),
      );
      await audit({ actor: caller.id, programId, kind: 'program-changed', subject: programId, before, after: changed });
      await save({
        ...(policy ? { policy } : {}),
        ...(input.goals ? { goals } : {}),
        ...(termEnd !== undefined ? { termEnd } : {}),
        ...(input.nationalContactEmail !== undefined ? { nationalContactEmail: input.nationalContactEmail } : {}),
        updatedAt: changedAt,
      });
      if (termEnd !== undefined)
        await this.workflows.scheduleWeeklyReport({ id: programId, timezone: program.timezone, termEnd });
      if (!policy && termEnd === undefined) return undefined;
      return this.workflows.startBroadcast(programId, {
        ...(policy ? { policy } : {}),
        ...(termEnd !== undefined ? { termEnd: termEnd ? termEnd.toISOString() : null } : {}),
        changedAt: changedAt.toISOString(),
      });
    });
    await broadcast?.finished();
    return toProgramDto(await this.find(programId));
  }
}

/**
 * A term date as an instant. A bare day is read in the program's time zone: a term starts at the beginning of its
 * first day and ends at the end of its last (a term ending on Election Day runs through Election Day).
 */
export function termInstant(value: string, timeZone: string, edge: 'start' | 'end'): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  return new Date(startOfLocalDay(edge === 'start' ? value : dayAfter(value), timeZone));
}

const reportDto = (r: WeeklyReportEntity, program: WeekSchedule): WeeklyReportDto => ({
  weekOf: programWeekOf(program, r.weekStart.getTime()).week,
  weekStart: r.weekStart.toISOString(),
  weekEnd: r.weekEnd.toISOString(),
  submitted: r.submitted,
  missing: r.missing,
  totals: r.totals,
  goals: r.goals ?? [],
  createdAt: r.createdAt.toISOString(),
});
