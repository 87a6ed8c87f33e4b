import { applyDecorators, Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Action, actionLabels, rolesTaking } from '../../domain/stage-machine';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import {
  ApplicationDto,
  NotificationListQuery,
  OptionalReasonDto,
  OrganizerListQuery,
  ReasonDto,
  RecordGroupDebriefDto,
  RecordRideAlongDto,
  RecordRolePlayDto,
  RecordScreeningDto,
  RecordTrainingDto,
  RespondOfferDto,
  ScheduleScreeningDto,
  ApprovePayPeriodDto,
  SetWorkPlanDto,
  SubmitDebriefDto,
  SubmitTimesheetDto,
  withStipendInMajorUnits,
} from './organizer-inputs.dto';
import {
  BoardDto,
  ErasedDto,
  NotificationListDto,
  OrganizerDetailDto,
  OrganizerListDto,
} from './organizer-responses.dto';
import { OrganizersService } from './organizers.service';
import { Operation } from '../common/openapi';

/** `schedule-screening` → `scheduleScreening`: an action's operation id. */
const camelCase = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/**
 * An action's route, `POST /api/organizers/:organizerId/<action>`: for coordinators, and for the organizer too when
 * it is one of their own actions. `outcome` documents where the action leads.
 */
function ActionRoute(action: Action, outcome: string) {
  return applyDecorators(
    Operation(camelCase(action), `${actionLabels[action]}: ${outcome}`, 409, 422),
    Post(action),
    HttpCode(200),
    Allow(...rolesTaking(action)),
    ApiOkResponse({ type: OrganizerDetailDto, description: outcome }),
  );
}

@ApiTags('organizers')
@ApiBearerAuth()
@Controller('programs/:programId')
export class ApplicationsController {
  constructor(private readonly organizers: OrganizersService) {}

  /** An application: starts the applicant's workflow; answers once it is recorded (stage applied or ineligible). */
  @Operation('createApplication', "Enter an application; the applicant's record starts", 409, 422)
  @Post('applications')
  @HttpCode(201)
  @Allow('coordinator')
  @ApiCreatedResponse({ type: OrganizerDetailDto })
  apply(
    @IdParam('programId', 'program') programId: string,
    @Body() body: ApplicationDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.apply(programId, body, caller);
  }

  /** The program's organizers, newest application first, filtered and paged. */
  /** The program's board: everyone in an open stage, with what is due next; closed stages as counts. */
  @Operation('getBoard', "A program's board: open-stage cards with their deadlines, closed stages as counts")
  @Get('board')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: BoardDto })
  async board(
    @IdParam('programId', 'program') programId: string,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    // PostgreSQL wrote the JSON: it goes out as it is.
    response.type('application/json').send(await this.organizers.boardJson(programId, caller));
  }

  @Operation('listOrganizers', "A program's applicants and organizers, filtered and paged")
  @Get('organizers')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: OrganizerListDto })
  list(
    @IdParam('programId', 'program') programId: string,
    @Query() query: OrganizerListQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.list(programId, query, caller);
  }
}

/** One route per action (API.md); each is a Temporal update on the organizer's workflow. */
@ApiTags('organizers')
@ApiBearerAuth()
@Controller('organizers/:organizerId')
export class OrganizersController {
  constructor(private readonly organizers: OrganizersService) {}

  @Operation('getOrganizer', 'One applicant or organizer, with what the caller may do now')
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: OrganizerDetailDto })
  detail(@IdParam('organizerId', 'organizer') id: string, @CurrentCaller() caller: Caller) {
    return this.organizers.detail(id, caller);
  }

  @ActionRoute('schedule-screening', 'applied → screening')
  scheduleScreening(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: ScheduleScreeningDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'schedule-screening', body, caller);
  }

  @ActionRoute('record-screening', 'screening → role_play, not_selected, or applied (no-show)')
  recordScreening(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RecordScreeningDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'record-screening', body, caller);
  }

  @ActionRoute('record-role-play', 'role_play → offered or not_selected')
  recordRolePlay(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RecordRolePlayDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'record-role-play', withStipendInMajorUnits(body), caller);
  }

  @ActionRoute('respond-offer', 'offered → training or declined')
  respondOffer(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RespondOfferDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'respond-offer', body, caller);
  }

  @ActionRoute('record-training', 'training (→ ride_along when all are done)')
  recordTraining(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RecordTrainingDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'record-training', body, caller);
  }

  @ActionRoute('record-ride-along', 'ride_along (→ active after the initial ones), active')
  recordRideAlong(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RecordRideAlongDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'record-ride-along', body, caller);
  }

  @ActionRoute('submit-debrief', 'active')
  submitDebrief(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: SubmitDebriefDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'submit-debrief', body, caller);
  }

  /** One organizer's in-person group debrief (a group session of many: POST /api/programs/:id/group-debriefs). */
  @ActionRoute('record-group-debrief', 'active: meets the group-debrief rule of the period it was held in')
  recordGroupDebrief(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: RecordGroupDebriefDto,
    @CurrentCaller() caller: Caller,
  ) {
    // A session of one, named by its time: the same debrief recorded twice is refused as already recorded.
    return this.organizers.act(id, 'record-group-debrief', { ...body, sessionId: `single:${body.heldAt}` }, caller);
  }

  /** The week's plan: targets the debrief reports against, and whom or where to reach; set again to change it. */
  @ActionRoute('set-work-plan', 'active: the plan of a debrief period not yet reported')
  setWorkPlan(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: SetWorkPlanDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'set-work-plan', body, caller);
  }

  /** A pay period's time sheet, or its correction before approval (DESIGN.md §3b). */
  @ActionRoute('submit-timesheet', 'active, or closed with a pay period open: a pay period not yet approved')
  submitTimesheet(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: SubmitTimesheetDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'submit-timesheet', body, caller);
  }

  /** Makes a pay period payable: 422 naming the time sheet or debriefs still missing. */
  @ActionRoute('approve-pay-period', 'active, or closed with a pay period open: once it is over, with all it needs')
  approvePayPeriod(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: ApprovePayPeriodDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'approve-pay-period', body, caller);
  }

  @ActionRoute('pause', 'active: no debrief falls due until resumed')
  pause(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: OptionalReasonDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'pause', body, caller);
  }

  @ActionRoute('resume', 'active: the debrief clock starts again')
  resume(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: OptionalReasonDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.organizers.act(id, 'resume', body, caller);
  }

  @ActionRoute('reject', 'applied, screening, role_play → not_selected')
  reject(@IdParam('organizerId', 'organizer') id: string, @Body() body: ReasonDto, @CurrentCaller() caller: Caller) {
    return this.organizers.act(id, 'reject', body, caller);
  }

  @ActionRoute('withdraw', 'any open stage → withdrawn')
  withdraw(@IdParam('organizerId', 'organizer') id: string, @Body() body: ReasonDto, @CurrentCaller() caller: Caller) {
    return this.organizers.act(id, 'withdraw', body, caller);
  }

  @ActionRoute('terminate', 'training, ride_along, active → terminated')
  terminate(@IdParam('organizerId', 'organizer') id: string, @Body() body: ReasonDto, @CurrentCaller() caller: Caller) {
    return this.organizers.act(id, 'terminate', body, caller);
  }

  /**
   * Erases the member's personal data: an open record ends as withdrawn (reason `erased`), their data leaves every
   * table (the figures stay, under an anonymous record with a new id, answered), their data key is destroyed and their
   * workflow deleted, so what Temporal held of them can never be read again. The old id then answers 404, as one that
   * never existed does, and the member may apply again.
   */
  @Operation('eraseMember', "Erase a member's personal data for good (admin)", 409)
  @Post('erase')
  @HttpCode(200)
  @Allow('admin')
  @ApiOkResponse({ type: ErasedDto })
  erase(@IdParam('organizerId', 'organizer') id: string, @CurrentCaller() caller: Caller): Promise<ErasedDto> {
    return this.organizers.erase(id, caller);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly organizers: OrganizersService) {}

  /** Reminders and escalations the caller may see, newest first. */
  @Operation('listNotifications', 'Reminders raised, filtered and paged')
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: NotificationListDto })
  list(@Query() query: NotificationListQuery, @CurrentCaller() caller: Caller) {
    return this.organizers.notifications(query, caller);
  }
}
