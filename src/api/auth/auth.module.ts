import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersController } from '../users/users.controller';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { UsersService } from '../users/users.service';
import { AccessPolicy } from './access-policy';
import { AuthGuard } from './auth.guard';
import { FailedAuthLimiter } from './failed-auth-limiter';

@Global()
@Module({
  controllers: [UsersController],
  providers: [
    UsersService,
    OrganizerRepository,
    AccessPolicy,
    FailedAuthLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, AccessPolicy],
})
export class AuthModule {}
