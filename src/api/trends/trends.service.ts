import { Injectable } from '@nestjs/common';
import { organizerTrendMetrics, programTrendMetrics } from '../../domain/trends';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { TrendsRepository } from '../../repositories/trends.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import { trendSeries } from './trend-series';
import type { OrganizerTrendsQuery, ProgramTrendsQuery, TrendsDto, TrendWindowQuery } from './trends.dto';

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
  ) {}

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
