import { Global, Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { APP_GUARD } from '@nestjs/core';
import { UsersController } from '../users/users.controller';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { UsersService } from '../users/users.service';
import { AccessPolicy } from './access-policy';
import { AuthGuard } from './auth.guard';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { FirstAdmin } from './first-admin';
import { PersonalTokens, PersonalTokensController } from './personal-tokens';
import { SignInController } from './sign-in.controller';
import { SignInService } from './sign-in.service';
import { SingleSignOnController } from './single-sign-on.controller';
import { SingleSignOnService } from './single-sign-on';

@Global()
@Module({
  imports: [MailModule],
  controllers: [UsersController, SignInController, PersonalTokensController, SingleSignOnController],
  providers: [
    UsersService,
    OrganizerRepository,
    AccessPolicy,
    FailedAuthLimiter,
    SignInService,
    SingleSignOnService,
    FirstAdmin,
    PersonalTokens,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, AccessPolicy],
})
export class AuthModule {}
