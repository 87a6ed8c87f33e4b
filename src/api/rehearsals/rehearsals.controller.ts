import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CurrentCaller, type Caller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { RehearsalDto, RehearsalResultDto } from './rehearsals.dto';
import { RehearsalsService } from './rehearsals.service';

/** A program's season played forward before it starts; nothing is stored. */
@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:programId/rehearsals')
export class RehearsalsController {
  constructor(private readonly rehearsals: RehearsalsService) {}

  @Operation('rehearseSeason', "Play a season of the program's policy (or one to try) forward, period by period")
  @Post()
  @HttpCode(200)
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: RehearsalResultDto })
  rehearse(
    @IdParam('programId', 'program') programId: string,
    @Body() body: RehearsalDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RehearsalResultDto> {
    return this.rehearsals.rehearse(programId, body, caller);
  }
}
