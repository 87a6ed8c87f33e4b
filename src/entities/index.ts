import { AuditEntryEntity } from './audit-entry.entity';
import { DataKeyEntity, PayloadKeyEntity } from './data-key.entity';
import { DebriefEntity } from './debrief.entity';
import { GroupSessionEntity, GroupSessionMemberEntity } from './group-session.entity';
import { LinkEntity } from './link.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationEntity } from './notification.entity';
import { OrganizerEntity } from './organizer.entity';
import { ProgramActivityDayEntity } from './program-activity-day.entity';
import { ProgramStageCountEntity } from './program-stage-count.entity';
import { ProgramEntity } from './program.entity';
import {
  ProgramStageWeekEntity,
  ProgramWeekEntity,
  ProgramWeekEraEntity,
  StageStayEntity,
} from './program-week.entity';
import { RideAlongEntity } from './ride-along.entity';
import { RosterMemberEntity } from './roster-member.entity';
import { StageTransitionEntity } from './stage-transition.entity';
import { TrainingEntity } from './training.entity';
import { UserEntity } from './user.entity';
import { WeeklyReportEntity } from './weekly-report.entity';
import { WorkPlanEntity } from './work-plan.entity';
import { PayPeriodEntity } from './pay-period.entity';
import { VoucherEntity } from './voucher.entity';
import { StaffSessionEntity } from './staff-session.entity';
import { SignInLinkEntity } from './sign-in-link.entity';
import { AuthRequestCountEntity } from './auth-request-count.entity';
import { RateLimitEntity } from './rate-limit.entity';
import { UnstoredWriteEntity } from './unstored-write.entity';
import { PersonalTokenEntity } from './personal-token.entity';
import { SignInIdentityEntity } from './sign-in-identity.entity';
import { SingleSignOnAttemptEntity } from './single-sign-on-attempt.entity';
import { OrganizerNoteEntity } from './organizer-note.entity';

export const entities = [
  ProgramEntity,
  UserEntity,
  RosterMemberEntity,
  OrganizerEntity,
  StageStayEntity,
  StageTransitionEntity,
  DebriefEntity,
  TrainingEntity,
  RideAlongEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  WeeklyReportEntity,
  ProgramStageCountEntity,
  ProgramActivityDayEntity,
  ProgramWeekEntity,
  ProgramStageWeekEntity,
  ProgramWeekEraEntity,
  AuditEntryEntity,
  DataKeyEntity,
  PayloadKeyEntity,
  GroupSessionEntity,
  GroupSessionMemberEntity,
  LinkEntity,
  WorkPlanEntity,
  PayPeriodEntity,
  VoucherEntity,
  StaffSessionEntity,
  SignInLinkEntity,
  AuthRequestCountEntity,
  RateLimitEntity,
  UnstoredWriteEntity,
  SignInIdentityEntity,
  SingleSignOnAttemptEntity,
  PersonalTokenEntity,
  OrganizerNoteEntity,
];

export {
  OrganizerNoteEntity,
  PersonalTokenEntity,
  SignInIdentityEntity,
  SingleSignOnAttemptEntity,
  StaffSessionEntity,
  SignInLinkEntity,
  AuthRequestCountEntity,
  RateLimitEntity,
  UnstoredWriteEntity,
  PayPeriodEntity,
  VoucherEntity,
  LinkEntity,
  WorkPlanEntity,
  AuditEntryEntity,
  DataKeyEntity,
  PayloadKeyEntity,
  DebriefEntity,
  GroupSessionEntity,
  GroupSessionMemberEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  OrganizerEntity,
  ProgramActivityDayEntity,
  ProgramEntity,
  ProgramStageCountEntity,
  ProgramStageWeekEntity,
  ProgramWeekEntity,
  ProgramWeekEraEntity,
  RideAlongEntity,
  RosterMemberEntity,
  StageStayEntity,
  StageTransitionEntity,
  TrainingEntity,
  UserEntity,
  WeeklyReportEntity,
};
export { payPeriodStatuses, type PayPeriodStatus } from './pay-period.entity';
export { voucherStatuses, type VoucherStatus, type VoucherLine } from './voucher.entity';
