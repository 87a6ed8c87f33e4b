// What the organizer routes answer: organizers (list item and detail), their records and notifications. Each class
// implements the repository's read shape, so what is documented is what is returned.
import { memberLanguages, type MemberLanguage } from '../../domain/languages';
import { PayPeriodDto } from '../pay/pay.dto';
import { PayPolicyDto } from '../programs/programs.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { notificationKinds } from '../../domain/organizer';
import type { NotificationKind, RecipientRole } from '../../domain/organizer';
import { actions } from '../../domain/stage-machine';
import type { Action } from '../../domain/stage-machine';
import { ActionFormDto } from '../common/form.dto';
import { stages } from '../../domain/stages';
import type { Stage } from '../../domain/stages';
import type { NotificationView, OrganizerDetail, OrganizerSummary } from '../../repositories/organizer.repository';

export class OrganizerDto implements OrganizerSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: stages }) stage: Stage;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: string;
  @ApiProperty() paused: boolean;
  @ApiProperty() atRisk: boolean;
  @ApiProperty() overdueDebriefs: number;
  @ApiProperty({ description: 'Grows with every change the workflow makes' }) version: number;
}

export class OrganizerListDto {
  @ApiProperty({ type: [OrganizerDto] }) items: OrganizerDto[];
  @ApiProperty() total: number;
}

export class TransitionDto {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: stages, nullable: true, type: String }) from: Stage | null;
  @ApiProperty({ enum: stages }) to: Stage;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The user who acted, or system' }) actor: string;
  @ApiPropertyOptional({ description: "The acting person's name (a user's, or the organizer's own)" })
  actorName?: string;
  @ApiProperty({
    description:
      'Who acted, in words: a person by name and role ("Ana Ruiz, coordinator"), or "the system", "the public form"',
  })
  actorInWords: string;
  @ApiPropertyOptional() reason?: string;
}

export class DebriefDto {
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiProperty({ format: 'date-time' }) periodEnd: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty() late: boolean;
  @ApiProperty() hours: number;
  @ApiProperty() conversations: number;
  @ApiProperty() oneOnOnes: number;
  @ApiProperty() leadersIdentified: number;
  @ApiProperty() inPerson: boolean;
  @ApiProperty() group: boolean;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "The program's own counts (policy.debriefMetrics)",
  })
  metrics?: Record<string, number>;
}

export class WorkPlanDto {
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { conversations: 12 } })
  targets: Record<string, number>;
  @ApiPropertyOptional({ description: 'The worksites or people to reach' }) notes?: string;
  @ApiProperty() setBy: string;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}

export class TrainingDto {
  @ApiProperty() training: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
  @ApiProperty() recordedBy: string;
}

export class RideAlongDto {
  @ApiProperty() date: string;
  @ApiProperty() staff: string;
  @ApiPropertyOptional() notes?: string;
  @ApiProperty() recordedBy: string;
}

export class NotificationDto implements NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: notificationKinds }) kind: NotificationKind;
  @ApiProperty({ enum: ['organizer', 'coordinator', 'national'] }) recipientRole: RecipientRole;
  @ApiProperty() summary: string;
  @ApiPropertyOptional({
    description: "The rule that raised it, in words, from the program's policy (on a person's record)",
  })
  rule?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiPropertyOptional() resolvedBy?: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
}

export class PendingDebriefPeriodDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ format: 'date-time' }) overdueAt: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When a debrief still missing is escalated to the coordinator',
  })
  escalateAt?: string;
  @ApiProperty() overdue: boolean;
}

export class OfferSummaryDto {
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() startDate: string;
  @ApiPropertyOptional({ description: "Per month, in the currency's major units (see stipendMinor)" }) stipend?: number;
  @ApiPropertyOptional({ description: 'Per month, in whole minor units (cents) of currency' }) stipendMinor?: number;
  @ApiProperty({ example: 'USD', description: "The stipend's currency: the program's pay currency" }) currency: string;
  @ApiProperty({ description: 'The start day in words, e.g. "Monday, February 1, 2027"' }) startDayInWords: string;
  @ApiPropertyOptional({ description: 'The stipend with its currency and unit, e.g. "1500.00 USD a month"' })
  stipendInWords?: string;
  @ApiProperty({ description: 'The whole offer in one sentence' }) termsInWords: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ScreeningAnswerDto {
  @ApiProperty({ description: 'Whether they will be there' }) coming: boolean;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ScreeningSummaryDto {
  @ApiProperty() at: string;
  @ApiProperty() location: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The group session it is part of' }) sessionId?: string;
  @ApiPropertyOptional({ description: "The calendar event's SEQUENCE: raised by each move" }) sequence?: number;
  @ApiPropertyOptional({ type: ScreeningAnswerDto, description: 'Their answer to the invitation, once given' })
  rsvp?: ScreeningAnswerDto;
  @ApiPropertyOptional({ description: 'Their answer in words' }) answerInWords?: string;
}

export class TotalsDto {
  @ApiProperty() debriefs: number;
  @ApiProperty() lateDebriefs: number;
  @ApiProperty() missedPeriods: number;
  @ApiProperty() hours: number;
  @ApiProperty() conversations: number;
  @ApiProperty() oneOnOnes: number;
  @ApiProperty() leadersIdentified: number;
  @ApiProperty() groupDebriefs: number;
}

export class RolePlayDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
    example: { listening: 4 },
  })
  scores: Record<string, number>;
  @ApiProperty({ enum: ['offer', 'reject'] }) decision: 'offer' | 'reject';
  @ApiPropertyOptional({ description: 'The user who scored it' }) scoredBy?: string;
  @ApiPropertyOptional({ description: 'Who scored it, in words' }) scoredByInWords?: string;
  @ApiPropertyOptional({ format: 'date-time' }) scoredAt?: string;
}

export class OrganizerDetailDto extends OrganizerDto implements Omit<OrganizerDetail, 'policy'> {
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ enum: memberLanguages, description: 'The language they read every email and page in' })
  preferredLanguage: string;
  @ApiProperty({ type: [String], description: 'The languages they speak (ISO 639-1)' }) languages: string[];
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activeSince: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the member was erased: nothing more can be done here',
  })
  erasedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the next debrief is due (active, not paused)' })
  nextDebriefDueAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "Until when the last hiring step may be undone (revert-step; the program's correction window)",
  })
  undoUntil?: string;
  @ApiProperty({ type: [String], example: ['current_leader'] }) flags: string[];
  @ApiProperty({ type: [String], description: 'Why the application was ineligible' }) ineligibleReasons: string[];
  @ApiProperty({
    type: [String],
    description: 'The same, as the applicant is told: each answer or roster fact that fails, in words',
    example: ['You said you do not have a driver’s license.'],
  })
  ineligibleInWords: string[];
  @ApiProperty({ type: ScreeningSummaryDto, nullable: true }) screening: ScreeningSummaryDto | null;
  @ApiProperty({ type: OfferSummaryDto, nullable: true }) offer: OfferSummaryDto | null;
  @ApiProperty({ type: RolePlayDto, nullable: true, description: 'The role-play scored against the program rubric' })
  rolePlay: RolePlayDto | null;
  @ApiProperty({ example: 'America/Chicago', description: "The program's time zone, to show every due time in" })
  timezone: string;
  @ApiProperty() rideAlongCount: number;
  @ApiProperty({ type: TotalsDto }) totals: TotalsDto;
  @ApiProperty({ type: [PendingDebriefPeriodDto], description: 'Debrief periods started and not yet reported' })
  pendingDebriefPeriods: PendingDebriefPeriodDto[];
  @ApiProperty({ type: [TransitionDto] }) history: TransitionDto[];
  @ApiProperty({ type: [DebriefDto], description: 'Newest first, at most 104' }) debriefs: DebriefDto[];
  @ApiProperty({ type: [WorkPlanDto], description: "Each period's plan, newest first, at most 104" })
  workPlans: WorkPlanDto[];
  @ApiProperty({ type: PayPolicyDto, nullable: true, description: "The program's pay policy (null: it pays nothing)" })
  pay: PayPolicyDto | null;
  @ApiProperty({ type: [PayPeriodDto], description: 'Pay periods, newest first, at most 104' })
  payPeriods: PayPeriodDto[];
  @ApiProperty({ type: [TrainingDto] }) trainings: TrainingDto[];
  @ApiProperty({ type: [RideAlongDto] }) rideAlongs: RideAlongDto[];
  @ApiProperty({ type: [NotificationDto], description: 'Newest first, at most 100' }) notifications: NotificationDto[];
  @ApiProperty({
    enum: actions,
    isArray: true,
    description: 'The actions the caller may take on this organizer now (their role, the stage, the paused flag)',
  })
  allowedActions: Action[];
  @ApiProperty({
    type: [ActionFormDto],
    description: 'The form of each allowed action, for this record (its periods, trainings left, program rubric)',
  })
  actionForms: ActionFormDto[];
}

export class ErasedDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty({ enum: stages, description: 'Where the record closed (withdrawn, when erasing ended it)' })
  stage: Stage;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

export class BoardCardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ enum: stages }) stage: Stage;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "When the stage's time limit runs out (the program's policy), if the stage has one",
  })
  stageDueAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "The next obligation's time: the screening, the offer's expiry, the next debrief",
  })
  nextDueAt: string | null;
  @ApiProperty() paused: boolean;
  @ApiProperty() atRisk: boolean;
  @ApiProperty() overdueDebriefs: number;
  @ApiProperty({ type: [String], example: ['current_leader'] }) flags: string[];
  @ApiProperty({ enum: memberLanguages }) preferredLanguage: MemberLanguage;
  @ApiProperty({ type: [String], example: ['es', 'tl'], description: 'The languages they speak (ISO 639-1)' })
  languages: string[];
}

export class BoardDto {
  @ApiProperty({ type: [BoardCardDto], description: 'Everyone in an open stage, longest in their stage first' })
  items: BoardCardDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How many are in each closed stage',
    example: { withdrawn: 2 },
  })
  closed: Record<string, number>;
  @ApiProperty({ example: 'America/Chicago', description: "The program's time zone, to show every time in" })
  timezone: string;
}
