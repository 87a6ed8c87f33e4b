import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CreatedUserDto, CreateUserDto } from './users.dto';
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
  create(@Body() body: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(body);
  }
}
