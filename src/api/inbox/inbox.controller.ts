import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { InboxDto, InboxQuery } from './inbox.dto';
import { InboxService } from './inbox.service';
import { Operation } from '../common/openapi';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Today: what is due across the caller's programs, by deadline, each with its rule and the action that clears it. */
  @Operation('listToDo', "What is due across the caller's programs, by deadline (the Today list)")
  @Get()
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: InboxDto })
  list(@Query() query: InboxQuery, @CurrentCaller() caller: Caller): Promise<InboxDto> {
    return this.inbox.inbox(query, caller);
  }
}
