import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import { IdParam } from '../common/id-param';
import {
  CreatedSessionDto,
  CreateGroupDebriefDto,
  CreateGroupScreeningDto,
  GroupSessionDto,
  GroupSessionListDto,
  RecordScreeningResultsDto,
  SessionResultsDto,
} from './group-sessions.dto';
import { GroupSessionsService } from './group-sessions.service';
import { Operation } from '../common/openapi';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first session and changes nothing twice (1–200 characters)',
});

function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw))
    throw new InvalidInputError([{ field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' }]);
  return raw;
}

@ApiTags('group sessions')
@ApiBearerAuth()
@Controller()
export class GroupSessionsController {
  constructor(private readonly sessions: GroupSessionsService) {}

  /** Schedules one group screening (time, place) for many applicants; answers person by person. */
  @Operation('createGroupScreening', "Schedule one screening for many applicants; each person's answer")
  @Post('programs/:programId/group-screenings')
  @HttpCode(201)
  @Allow('coordinator')
  @idempotencyHeader
  @ApiCreatedResponse({ type: CreatedSessionDto })
  createScreening(
    @IdParam('programId', 'program') programId: string,
    @Body() body: CreateGroupScreeningDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedSessionDto> {
    return this.sessions.createScreening(programId, body, idempotencyKey(key), caller);
  }

  /** Records a group screening's sheet: attendance, and advance or not, for each person in it. */
  @Operation('recordScreeningResults', "Record a group screening's result sheet; each person's answer", 409)
  @Post('group-screenings/:sessionId/results')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: SessionResultsDto })
  recordResults(
    @IdParam('sessionId', 'group session') sessionId: string,
    @Body() body: RecordScreeningResultsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SessionResultsDto> {
    return this.sessions.recordScreeningResults(sessionId, body, caller);
  }

  /** Records one in-person group debrief for all who attended (it meets each one's group-debrief rule). */
  @Operation('createGroupDebrief', "Record one in-person group debrief for many organizers; each person's answer")
  @Post('programs/:programId/group-debriefs')
  @HttpCode(201)
  @Allow('coordinator')
  @idempotencyHeader
  @ApiCreatedResponse({ type: CreatedSessionDto })
  createDebrief(
    @IdParam('programId', 'program') programId: string,
    @Body() body: CreateGroupDebriefDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedSessionDto> {
    return this.sessions.createDebrief(programId, body, idempotencyKey(key), caller);
  }

  /** A program's group sessions, newest first (at most 50), with who was in each and what it answered. */
  @Operation('listGroupSessions', "A program's group sessions, newest first")
  @Get('programs/:programId/group-sessions')
  @Allow('national', 'coordinator')
  @ApiQuery({ name: 'kind', required: false, enum: ['screening', 'debrief'] })
  @ApiOkResponse({ type: GroupSessionListDto })
  list(
    @IdParam('programId', 'program') programId: string,
    @Query('kind') kind: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<GroupSessionListDto> {
    if (kind !== undefined && kind !== 'screening' && kind !== 'debrief')
      throw new InvalidInputError([{ field: 'kind', reason: 'must be screening or debrief' }]);
    return this.sessions.list(programId, kind, caller);
  }

  @Operation('getGroupSession', 'One group session with its people and their answers')
  @Get('group-sessions/:sessionId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: GroupSessionDto })
  get(
    @IdParam('sessionId', 'group session') sessionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<GroupSessionDto> {
    return this.sessions.get(sessionId, caller);
  }
}
