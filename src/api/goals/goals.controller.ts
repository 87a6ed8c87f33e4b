import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { GoalProgressListDto } from './goals.dto';
import { GoalsService } from './goals.service';
import { Operation } from '../common/openapi';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:programId/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  /** Each measured goal's progress, with a forecast at the current pace; a goal of each local, per local. */
  @Operation('listGoals', "A program's goals, each measured and forecast to its date")
  @Get()
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: GoalProgressListDto })
  list(@IdParam('programId', 'program') programId: string, @CurrentCaller() caller: Caller) {
    return this.goals.list(programId, caller);
  }
}
