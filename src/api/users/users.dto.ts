import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID, ValidateIf } from 'class-validator';
import { roles } from '../../domain/roles';
import type { Role } from '../../domain/roles';
import { Bool, Email, Name, OneOf } from '../common/fields';
import { Optional } from '../common/validators';

export class CreateUserDto {
  @Email({ example: 'rosa@local12.org' }) email: string;
  @Name({ max: 200, example: 'Rosa Díaz' }) name: string;
  @OneOf(roles) role: Role;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Programs a coordinator acts on' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  programIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'For an organizer: the organizer record they own' })
  @ValidateIf((o: CreateUserDto) => o.role === 'organizer' || o.organizerId !== undefined)
  @IsUUID()
  organizerId?: string;

  @Bool({
    optional: true,
    description: 'Whether to make an API token (default true); the page makes none: the invitation signs people in',
  })
  apiToken?: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: roles }) role: Role;
  @ApiProperty({ type: [String] }) programIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizerId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class CallerDto {
  @ApiProperty({ description: 'The user id, or bootstrap-admin for ADMIN_TOKEN' }) id: string;
  @ApiProperty({ enum: roles }) role: Role;
  @ApiProperty({ type: [String] }) programIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizerId: string | null;
}

export class UserListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "A program's accounts (required for coordinators)" })
  @Optional()
  @IsUUID()
  programId?: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}

export class CreatedUserDto extends UserDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The API token, shown this once; only its hash is kept (null when none was asked for)',
  })
  token: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the invitation emailed to the user works (null: email is not set up)',
  })
  invitedUntil: string | null;
}

export class InvitationDto {
  @ApiProperty({ format: 'date-time', description: 'Until when the invitation just emailed works' })
  invitedUntil: string;
}
