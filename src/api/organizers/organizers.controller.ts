import { applyDecorators, Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Action, actions, rolesTaking } from '../../domain/stage-machine';
import { methodNameOf } from '../../domain/lifecycle/by-action';
import { say } from '../../words/say';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { ApplicationDto, NotificationListQuery, OrganizerListQuery } from './organizer-inputs.dto';
import { actionBody } from './action-inputs';
import {
  BoardDto,
  ErasedDto,
  NotificationListDto,
  OrganizerDetailDto,
  OrganizerListDto,
} from './organizer-responses.dto';
import { OrganizersService } from './organizers.service';
import { Operation } from '../common/openapi';

/**
 * An action's route, `POST /api/organizers/:organizerId/<action>`: for coordinators, and for the organizer too when
 * it is one of their own actions; its summary says where the action leads.
 */
function ActionRoute(action: Action) {
  const outcome = say(`action.${action}.outcome`);
  return applyDecorators(
    Operation(methodNameOf(action), `${say(`action.${action}.label`)}: ${outcome}`, 409, 422),
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

/**
 * The organizer's record; and one route per action (docs/api.md, added below), each a Temporal update on its workflow.
 */
@ApiTags('organizers')
@ApiBearerAuth()
@Controller('organizers/:organizerId')
export class OrganizersController {
  constructor(readonly organizers: OrganizersService) {}

  @Operation('getOrganizer', 'One applicant or organizer, with what the caller may do now')
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: OrganizerDetailDto })
  detail(@IdParam('organizerId', 'organizer') id: string, @CurrentCaller() caller: Caller) {
    return this.organizers.detail(id, caller);
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

/**
 * One route per action, drawn from its definition: `scheduleScreening(organizerId, body, caller)` for
 * `POST .../schedule-screening`, its body validated as the definition's input says (action-inputs.ts).
 */
for (const action of actions) {
  const prototype = OrganizersController.prototype as unknown as Record<string, unknown>;
  const method = methodNameOf(action);
  // Named as the method it is: the OpenAPI explorer finds a route's metadata by its handler's name.
  const handler = {
    [method](this: OrganizersController, id: string, body: object, caller: Caller) {
      return this.organizers.act(id, action, body as never, caller);
    },
  }[method];
  prototype[method] = handler;
  Reflect.defineMetadata('design:paramtypes', [String, actionBody(action), Object], prototype, method);
  IdParam('organizerId', 'organizer')(prototype, method, 0);
  Body()(prototype, method, 1);
  CurrentCaller()(prototype, method, 2);
  ActionRoute(action)(prototype, method, Object.getOwnPropertyDescriptor(prototype, method)!);
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
