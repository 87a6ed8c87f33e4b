import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CurrentCaller, type Caller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { OrganizerTrendsQuery, ProgramTrendsQuery, SideBySideDto, SideBySideQuery, TrendsDto } from './trends.dto';
import { TrendsService } from './trends.service';
import { trendsCsv } from './trend-series';

const csv = {
  schema: { type: 'string' },
  description: 'CSV: week, then a column per series, a row per week',
} as const;

/** Figures week by week: a program's (or a Local's, or every visible program's) and one organizer's own. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Operation('getTrends', 'Weekly series of the pipeline, debriefs and activity, for programs or a Local')
  @Get('dashboard/trends')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: TrendsDto })
  program(@Query() query: ProgramTrendsQuery, @CurrentCaller() caller: Caller): Promise<TrendsDto> {
    return this.trends.program(query, caller);
  }

  @Operation('getTrendsCsv', 'The weekly series as CSV, a row per week')
  @Get('dashboard/trends.csv')
  @Allow('national', 'coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="trends.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse(csv)
  async programCsv(@Query() query: ProgramTrendsQuery, @CurrentCaller() caller: Caller): Promise<string> {
    return trendsCsv(await this.trends.program(query, caller));
  }

  @Operation('getProgramsSideBySide', "Every visible program's last whole week beside the week before")
  @Get('dashboard/weeks')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: SideBySideDto })
  sideBySide(@Query() query: SideBySideQuery, @CurrentCaller() caller: Caller): Promise<SideBySideDto> {
    return this.trends.sideBySide(query, caller);
  }

  @Operation('getOrganizerTrends', "One organizer's weeks: debriefs, activity and ride-alongs")
  @Get('organizers/:organizerId/trends')
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: TrendsDto })
  organizer(
    @IdParam('organizerId', 'organizer') organizerId: string,
    @Query() query: OrganizerTrendsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<TrendsDto> {
    return this.trends.organizer(organizerId, query, caller);
  }

  @Operation('getOrganizerTrendsCsv', "One organizer's weeks as CSV, a row per week")
  @Get('organizers/:organizerId/trends.csv')
  @Allow('national', 'coordinator', 'organizer')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="weeks.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse(csv)
  async organizerCsv(
    @IdParam('organizerId', 'organizer') organizerId: string,
    @Query() query: OrganizerTrendsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<string> {
    return trendsCsv(await this.trends.organizer(organizerId, query, caller));
  }
}
