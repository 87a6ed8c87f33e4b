import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { actions } from '../../domain/stage-machine';
import type { Action } from '../../domain/stage-machine';
import { isClosed, stageLabels, stages } from '../../domain/stages';
import type { Stage } from '../../domain/stages';
import { Allow } from '../auth/access.decorator';

export class StageDto {
  @ApiProperty({ enum: stages }) name: Stage;
  @ApiProperty({ example: 'Role-play' }) label: string;
  @ApiProperty({ description: 'false: a closed stage, final' }) open: boolean;
}

export class StagesDto {
  @ApiProperty({ type: [StageDto], description: 'Every stage, in the order of the pipeline (open stages first)' })
  items: StageDto[];
  @ApiProperty({ enum: actions, isArray: true, description: 'Every action, as POST /api/organizers/:id/<action>' })
  actions: Action[];
}

/** The product's vocabulary, so that clients (the web page among them) never keep a copy of it. */
@ApiTags('stages')
@ApiBearerAuth()
@Controller('stages')
export class StagesController {
  /** Every stage with its name in words and whether it is open, in pipeline order; every action. */
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: StagesDto })
  list(): StagesDto {
    return {
      items: stages.map((name) => ({ name, label: stageLabels[name], open: !isClosed(name) })),
      actions: [...actions],
    };
  }
}
