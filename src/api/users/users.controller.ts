import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import {
  CallerDto,
  CreatedUserDto,
  CreateUserDto,
  InvitationDto,
  UserDto,
  UserListDto,
  UserListQuery,
} from './users.dto';
import { UsersService } from './users.service';
import { Operation } from '../common/openapi';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * Creates a user and returns their API token, once. Admins create any account; coordinators create accounts for
   * their programs' organizers (role `organizer` with an `organizerId` in one of their programs).
   */
  @Operation('createUser', 'Create a user and answer their token once')
  @Post()
  @HttpCode(201)
  @Allow('coordinator')
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ description: 'a user with this email exists' })
  create(@Body() body: CreateUserDto, @CurrentCaller() caller: Caller): Promise<CreatedUserDto> {
    return this.users.create(body, caller);
  }

  /** A program's accounts, for its coordinators (and admins; an admin without `programId` gets every account). */
  @Operation('listUsers', 'Users, of one program or all')
  @Get()
  @Allow('coordinator')
  @ApiOkResponse({ type: UserListDto })
  list(@Query() query: UserListQuery, @CurrentCaller() caller: Caller): Promise<UserListDto> {
    return this.users.list(query, caller);
  }

  /** Who the token belongs to (the web page uses it to sign in). */
  @Operation('getCaller', 'Who the token belongs to, and what they may read')
  @Get('me')
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: CallerDto })
  me(@CurrentCaller() caller: Caller): CallerDto {
    return { id: caller.id, role: caller.role, programIds: caller.programIds, organizerId: caller.organizerId };
  }

  /** Emails the user a fresh invitation. Coordinators invite their programs' organizers. */
  @Operation('inviteUser', 'Email the user a new invitation (a sign-in link good for 7 days)', 409)
  @Post(':userId/invite')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: InvitationDto })
  invite(@IdParam('userId', 'user') userId: string, @CurrentCaller() caller: Caller): Promise<InvitationDto> {
    return this.users.invite(userId, caller);
  }

  /** Revokes the user's token: it answers 401 from now on. Coordinators revoke their programs' organizers'. */
  @Operation('revokeUser', "Revoke a user's token")
  @Post(':userId/revoke')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: UserDto })
  revoke(@IdParam('userId', 'user') userId: string, @CurrentCaller() caller: Caller): Promise<UserDto> {
    return this.users.revoke(userId, caller);
  }
}
