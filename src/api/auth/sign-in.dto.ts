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

export class SingleSignOnOptionDto {
  @ApiProperty({ description: 'The provider’s name, for the button', example: 'Google Workspace' }) name: string;
  @ApiProperty({ description: 'Where the browser goes to sign in (add ?returnTo=/path)' }) startUrl: string;
  @ApiProperty({
    description: 'What to say when the page comes back with `?signInFailed=<reason>`, by reason',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'no-account': 'No one here has the address you use at Google. Ask an administrator to invite you.' },
  })
  failures: Record<string, string>;
}

export class SignInOptionsDto {
  @ApiProperty({ description: 'Whether a sign-in link can be emailed (false: no SMTP_URL and no outbox)' })
  email: boolean;
  @ApiProperty({ type: SingleSignOnOptionDto, nullable: true, description: 'Single sign-on, if configured' })
  singleSignOn: SingleSignOnOptionDto | null;
}
