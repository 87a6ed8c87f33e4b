import { Injectable } from '@nestjs/common';
import { lastTwoWeeks, organizerTrendMetrics, programTrendMetrics, seriesNames } from '../../domain/trends';
import { ProgramRepository } from '../../repositories/program.repository';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { TrendsRepository } from '../../repositories/trends.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import { trendSeries } from './trend-series';
import type {
  OrganizerTrendsQuery,
  ProgramTrendsQuery,
  ProgramWeekDto,
  SideBySideDto,
  SideBySideQuery,
  TrendsDto,
  TrendWindowQuery,
} from './trends.dto';

/** The metrics a query names (every one of `known` when it names none); an unknown name is a 400 on `metrics`. */
function metricsOf(asked: string | undefined, known: readonly string[]): string[] {
  if (asked === undefined) return [...known];
  const names = asked.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length || !names.length)
    throw new InvalidInputError([
      { field: 'metrics', reason: `unknown: ${unknown.join(', ')}; each must be one of ${known.join(', ')}` },
    ]);
  return [...new Set(names)];
}

function checkWindow(query: TrendWindowQuery): void {
  if (query.from && query.until && query.from >= query.until)
    throw new InvalidInputError([{ field: 'from', reason: 'must be before until' }]);
}

/** Weekly series for national and coordinators (programs, Locals) and for one organizer's own weeks. */
@Injectable()
export class TrendsService {
  constructor(
    private readonly trends: TrendsRepository,
    private readonly organizers: OrganizerRepository,
    private readonly access: AccessPolicy,
    private readonly programs: ProgramsService,
    private readonly programRows: ProgramRepository,
  ) {}

  /** Every visible program's last whole week beside the week before it, with every figure of the weekly series. */
  async sideBySide(query: SideBySideQuery, caller: Caller): Promise<SideBySideDto> {
    const programs = (await this.programRows.list(this.access.readablePrograms(caller))).filter(
      (p) => (!query.affiliate || p.affiliate === query.affiliate) && (!query.kind || p.kind === query.kind),
    );
    const now = Date.now();
    const windows = programs.map((program) => ({ program, weeks: lastTwoWeeks(program, now) }));
    const ids = programs.map((p) => p.id);
    const [{ weeks, stages }, medians] = await Promise.all([
      this.trends.eachProgramWeeks(ids),
      this.trends.mediansWithin(
        windows.map(({ program, weeks: [previous, latest] }) => ({
          programId: program.id,
          start: previous.start,
          end: latest.end,
        })),
      ),
    ]);
    const names = seriesNames(programTrendMetrics);
    const mine = <R extends { program_id: string }>(rows: R[], id: string) => rows.filter((r) => r.program_id === id);
    return {
      programs: windows.map(({ program, weeks: [previous, latest] }): ProgramWeekDto => {
        const { weeks: shown, series } = trendSeries(
          { weeks: mine(weeks, program.id), stages: mine(stages, program.id), medians: mine(medians, program.id) },
          programTrendMetrics,
          { from: previous.week },
          [previous.week, latest.week],
        );
        const at = (week: string) =>
          Object.fromEntries(names.map((name) => [name, series[name][shown.indexOf(week)] ?? null]));
        return {
          programId: program.id,
          name: program.name,
          affiliate: program.affiliate,
          kind: program.kind,
          week: latest.week,
          previousWeek: previous.week,
          latest: at(latest.week),
          previous: at(previous.week),
        };
      }),
    };
  }

  async program(query: ProgramTrendsQuery, caller: Caller): Promise<TrendsDto> {
    const metrics = metricsOf(query.metrics, programTrendMetrics);
    checkWindow(query);
    let programIds = this.access.readablePrograms(caller);
    if (query.programId) {
      await this.programs.find(query.programId);
      this.access.assertReadProgram(caller, query.programId);
      programIds = [query.programId];
    }
    const rows = await this.trends.programWeeks({ programIds, local: query.local });
    return trendSeries(rows, metrics, query);
  }

  async organizer(organizerId: string, query: OrganizerTrendsQuery, caller: Caller): Promise<TrendsDto> {
    const metrics = metricsOf(query.metrics, organizerTrendMetrics);
    checkWindow(query);
    const row = await this.organizers.access(organizerId);
    if (!row) throw new NotFoundError(`no organizer ${organizerId}`);
    this.access.assertReadOrganizer(caller, row);
    return trendSeries({ weeks: await this.trends.organizerWeeks(organizerId) }, metrics, query);
  }
}
