import { ApiProperty } from '@nestjs/swagger';
import { roles, type Role } from '../../domain/roles';
import { Email, Text } from '../common/fields';

export class EmailSignInDto {
  @Email({ example: 'rosa@local12.org' }) email: string;
}

export class VerifySignInDto {
  @Text({ max: 200, description: 'The secret of the sign-in link (the part after /signin/)' }) token: string;
}

export class SignInRequestedDto {
  @ApiProperty({ description: 'The same words whether or not the address has an account' }) message: string;
}

export class SignedInUserDto {
  @ApiProperty({ description: 'The user id, or bootstrap-admin for ADMIN_TOKEN' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: roles }) role: Role;
  @ApiProperty({ type: [String] }) programIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizerId: string | null;
}

export class AuthMeDto {
  @ApiProperty({ type: SignedInUserDto }) user: SignedInUserDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What a request changing anything sends in X-CSRF-Token when signed in by the cookie (null: a token)',
  })
  csrfToken: string | null;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'How it signed in: email or oidc' }) method: string;
  @ApiProperty({ description: 'The browser, as it names itself' }) device: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'This browser' }) current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}

export class EndedDto {
  @ApiProperty({ description: 'How many sessions (or tokens) it ended' }) ended: number;
}
