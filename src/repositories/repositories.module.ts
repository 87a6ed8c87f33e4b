// The repositories every process may need, once for the whole application: the API, the worker and the commands all
// import the database module, which brings this one.
import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { DeliveryRepository } from './delivery.repository';
import { GoalProgressRepository } from './goal-progress.repository';
import { GroupSessionRepository } from './group-session.repository';
import { HealthRepository } from './health.repository';
import { NotificationRepository } from './notification.repository';
import { OrganizerRepository } from './organizer.repository';
import { PipelineRepository } from './pipeline.repository';
import { ProgramRepository } from './program.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { RosterRepository } from './roster.repository';
import { UserRepository } from './user.repository';
import { SessionRepository } from './session.repository';
import { PersonalTokenRepository } from './personal-token.repository';
import { SingleSignOnRepository } from './single-sign-on.repository';
import { TrendsRepository } from './trends.repository';
import { WeeklyReportRepository } from './weekly-report.repository';

const repositories = [
  AuditRepository,
  DeliveryRepository,
  GoalProgressRepository,
  GroupSessionRepository,
  HealthRepository,
  NotificationRepository,
  OrganizerRepository,
  PipelineRepository,
  ProgramRepository,
  RateLimitRepository,
  RosterRepository,
  UserRepository,
  SessionRepository,
  PersonalTokenRepository,
  SingleSignOnRepository,
  TrendsRepository,
  WeeklyReportRepository,
];

@Global()
@Module({ providers: repositories, exports: repositories })
export class RepositoriesModule {}
