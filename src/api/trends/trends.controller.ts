import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CurrentCaller, type Caller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { OrganizerTrendsQuery, ProgramTrendsQuery, SideBySideDto, SideBySideQuery, TrendsDto } from './trends.dto';
import { TrendsService } from './trends.service';

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
}
