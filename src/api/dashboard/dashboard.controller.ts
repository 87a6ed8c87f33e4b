import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { PipelineDto, PipelineQuery } from './dashboard.dto';
import { DashboardService } from './dashboard.service';
import { Operation } from '../common/openapi';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Every readable program's pipeline: counts by stage, conversion, overdue and at-risk, compliance and activity. */
  @Operation('getPipeline', "Every visible program's pipeline: stages, conversion, debriefs, ride-alongs")
  @Get('pipeline')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: PipelineDto })
  pipeline(@Query() query: PipelineQuery, @CurrentCaller() caller: Caller): Promise<PipelineDto> {
    return this.dashboard.pipeline(query, caller);
  }

  /** The same figures as CSV, one row per program and stage. */
  @Operation('getPipelineCsv', 'The pipeline as CSV, one row per program and stage')
  @Get('pipeline.csv')
  @Allow('national', 'coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="pipeline.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'CSV: program,affiliate,stage,count,medianDaysInStage,medianHoursInStage,applications,hired,conversion,overdueDebriefs,atRisk,rideAlongsMeeting,rideAlongsBehind,rideAlongsForecastMissing, then the activity in the window: debriefs,lateDebriefs,hours,conversations,oneOnOnes,leadersIdentified,groupDebriefs',
  })
  pipelineCsv(@Query() query: PipelineQuery, @CurrentCaller() caller: Caller): Promise<string> {
    return this.dashboard.pipelineCsv(query, caller);
  }
}
