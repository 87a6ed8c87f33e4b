import { Initial1795557540369 } from './1795557540369-Initial';
import { OrganizerDetailAndListOrder1795559593884 } from './1795559593884-OrganizerDetailAndListOrder';
import { WeeklyReports1795560235417 } from './1795560235417-WeeklyReports';
import { DashboardRollups1795564794345 } from './1795564794345-DashboardRollups';
import { DebriefRollupOnDelete1795600000000 } from './1795600000000-DebriefRollupOnDelete';
import { RolePlayScores1796021986294 } from './1796021986294-RolePlayScores';
import { AuditTrail1796022889773 } from './1796022889773-AuditTrail';
import { MemberDataKeys1796023514807 } from './1796023514807-MemberDataKeys';
import { ErasedMembers1796023732485 } from './1796023732485-ErasedMembers';
import { GroupSessions1796025543053 } from './1796025543053-GroupSessions';
import { Links1796030118211 } from './1796030118211-Links';
import { DebriefMetrics1796032154949 } from './1796032154949-DebriefMetrics';
import { WeeklyReportGoals1796034107396 } from './1796034107396-WeeklyReportGoals';
import { WorkPlans1796034716405 } from './1796034716405-WorkPlans';
import { PayPeriodsAndVouchers1796039625458 } from './1796039625458-PayPeriodsAndVouchers';
import { PrivacyFixes1796200000000 } from './1796200000000-PrivacyFixes';
import { PayMileage1796300000000 } from './1796300000000-PayMileage';
import { PayPeriodDue1796400000000 } from './1796400000000-PayPeriodDue';
import { NotificationDue1796500000000 } from './1796500000000-NotificationDue';
import { StageDue1796600000000 } from './1796600000000-StageDue';
import { NotificationSaid1796700000000 } from './1796700000000-NotificationSaid';
import { StaffSessions1796800000000 } from './1796800000000-StaffSessions';
import { InvitedUsers1796900000000 } from './1796900000000-InvitedUsers';
import { PersonalTokens1797000000000 } from './1797000000000-PersonalTokens';
import { SingleSignOn1797100000000 } from './1797100000000-SingleSignOn';
import { OrganizerNotes1797200000000 } from './1797200000000-OrganizerNotes';
import { UndoUntil1797300000000 } from './1797300000000-UndoUntil';
import { Ineligibility1797400000000 } from './1797400000000-Ineligibility';
import { SessionNationalOrganizer1797500000000 } from './1797500000000-SessionNationalOrganizer';
import { LinkSubjectLonger1797600000000 } from './1797600000000-LinkSubjectLonger';
import { MemberLanguages1797700000000 } from './1797700000000-MemberLanguages';
import { WeeklyTrends1797800000000 } from './1797800000000-WeeklyTrends';
import { SharedLimits1797900000000 } from './1797900000000-SharedLimits';
import { UnstoredWrites1798000000000 } from './1798000000000-UnstoredWrites';
import { ProgramWeekEras1798100000000 } from './1798100000000-ProgramWeekEras';
import { NoteDeadlines1798200000000 } from './1798200000000-NoteDeadlines';
import { NoteAudits1798300000000 } from './1798300000000-NoteAudits';
import { StageStays1798400000000 } from './1798400000000-StageStays';

/** Every migration, oldest first. */
export const migrations = [
  Initial1795557540369,
  OrganizerDetailAndListOrder1795559593884,
  WeeklyReports1795560235417,
  DashboardRollups1795564794345,
  DebriefRollupOnDelete1795600000000,
  RolePlayScores1796021986294,
  AuditTrail1796022889773,
  MemberDataKeys1796023514807,
  ErasedMembers1796023732485,
  GroupSessions1796025543053,
  Links1796030118211,
  DebriefMetrics1796032154949,
  WeeklyReportGoals1796034107396,
  WorkPlans1796034716405,
  PayPeriodsAndVouchers1796039625458,
  PrivacyFixes1796200000000,
  PayMileage1796300000000,
  PayPeriodDue1796400000000,
  NotificationDue1796500000000,
  StageDue1796600000000,
  NotificationSaid1796700000000,
  StaffSessions1796800000000,
  InvitedUsers1796900000000,
  PersonalTokens1797000000000,
  SingleSignOn1797100000000,
  OrganizerNotes1797200000000,
  UndoUntil1797300000000,
  Ineligibility1797400000000,
  SessionNationalOrganizer1797500000000,
  LinkSubjectLonger1797600000000,
  MemberLanguages1797700000000,
  WeeklyTrends1797800000000,
  SharedLimits1797900000000,
  UnstoredWrites1798000000000,
  ProgramWeekEras1798100000000,
  NoteDeadlines1798200000000,
  NoteAudits1798300000000,
  StageStays1798400000000,
];
