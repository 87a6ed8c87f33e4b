import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { CallerDto, CreatedUserDto, CreateUserDto, UserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates a user and returns their API token, once. */
  @Post()
  @HttpCode(201)
  @Allow('admin')
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ description: 'a user with this email exists' })
  create(@Body() body: CreateUserDto, @CurrentCaller() caller: Caller): Promise<CreatedUserDto> {
    return this.users.create(body, caller);
  }

  /** Who the token belongs to (the web page uses it to sign in). */
  @Get('me')
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: CallerDto })
  me(@CurrentCaller() caller: Caller): CallerDto {
    return { id: caller.id, role: caller.role, programIds: caller.programIds, organizerId: caller.organizerId };
  }

  /** Revokes the user's token: it answers 401 from now on. */
  @Post(':userId/revoke')
  @HttpCode(200)
  @Allow('admin')
  @ApiOkResponse({ type: UserDto })
  revoke(@IdParam('userId', 'user') userId: string, @CurrentCaller() caller: Caller): Promise<UserDto> {
    return this.users.revoke(userId, caller);
  }
}
