import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsString, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { payModels, reimbursers } from '../../domain/pay';
import type { PayModel, PayPeriodEvery, Reimburser } from '../../domain/pay';
import { programKinds, requirableAttestations } from '../../domain/policy';
import type { ProgramKind, ProgramPolicy, RequirableAttestation } from '../../domain/policy';
import {
  Count,
  Duration,
  Email,
  Instant,
  Limit,
  Name,
  Nested,
  Offset,
  OneOf,
  Text,
  TimeZone,
  WeekName,
} from '../common/fields';
import { weekdays } from '../../domain/calendar';
import type { DebriefDue, Weekday } from '../../domain/calendar';
import { IsFlatRecord, IsGoalList, IsObjectOrList, IsWeekName, Optional } from '../common/validators';
import { goalMetrics, goalScopes, type GoalScope } from '../../domain/goals';
import { GoalProgressDto } from '../goals/goals.dto';

export class StageSlaDto {
  @Duration({ optional: true, example: '7 days' }) applied?: string;
  @Duration({ optional: true, example: '14 days' }) screening?: string;
  @Duration({ optional: true, example: '7 days' }) role_play?: string;
  @Duration({ optional: true, example: '21 days' }) training?: string;
  @Duration({ optional: true, example: '21 days' }) ride_along?: string;
}

/** When a period's debrief is due: a weekday (weekly cadences) or a day of the month (monthly ones), at a local time. */
export class DebriefDueDto {
  @OneOf(weekdays, { optional: true, description: 'For weekly cadences' }) weekday?: Weekday;
  @Count({ min: 1, max: 31, optional: true, description: 'For monthly cadences (the last day of shorter months)' })
  dayOfMonth?: number;
  @ApiProperty({ example: '17:00', description: 'Local time, HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be a local time such as 17:00' })
  time: string;
}

/** A goal as given: what it counts, whose progress, the target (or a percent of a local's members), by when. */
export class GoalInputDto {
  @ApiProperty({ example: 'One-on-ones each week' }) name: string;
  @ApiProperty({ description: `One of ${goalMetrics.join(', ')}, or one of the program's debriefMetrics` })
  metric: string;
  @ApiProperty({ enum: goalScopes }) scope: GoalScope;
  @ApiPropertyOptional({ example: 3 }) target?: number;
  @ApiPropertyOptional({ example: 20, description: "Scope local: this percent of the local's active roster members" })
  percentOfMembers?: number;
  @ApiPropertyOptional({ example: '2027-11-02', description: "The date it is for; the term's end when absent" })
  by?: string;
}

/** A goal as stored: typed, or a note kept from the old object form (`note`, not measured). */
export class GoalDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional() metric?: string;
  @ApiPropertyOptional({ enum: goalScopes }) scope?: GoalScope;
  @ApiPropertyOptional() target?: number;
  @ApiPropertyOptional() percentOfMembers?: number;
  @ApiPropertyOptional() by?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  note?: string | number | boolean;
}

export class AllowanceDto {
  @ApiProperty({ example: 'phone', description: 'Lower case, 1 to 30 characters' })
  @Matches(/^[a-z][a-z0-9 ]{0,29}$/, { message: 'name must be lower case letters, digits and spaces, 1 to 30' })
  name: string;
  @Count({ max: 10_000_000, example: 2500, description: 'Per pay period, in minor units (cents)' }) capMinor: number;
}

/** How organizers are paid (src/domain/pay.ts). Money in whole minor units (cents), never a decimal. */
export class PayPolicyDto {
  @OneOf(payModels, { description: 'hourly stipend, fixed stipend per pay period, or lost time reimbursed' })
  model: PayModel;
  @Count({ max: 10_000_000, example: 2500, description: 'Per hour (per pay period when fixed), in minor units' })
  rateMinor: number;
  @ApiProperty({ example: 'USD', description: 'ISO 4217, a two-decimal currency' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency: string;
  @ApiProperty({
    oneOf: [
      { type: 'integer', enum: [1, 2, 4] },
      { type: 'string', enum: ['month'] },
    ],
    example: 1,
  })
  @IsIn([1, 2, 4, 'month'], { message: "periodEvery must be 1, 2 or 4 debrief periods, or 'month'" })
  periodEvery: PayPeriodEvery;
  @Count({ min: 1, max: 168, optional: true, example: 10 }) capHoursPerWeek?: number;
  @Count({ min: 1, max: 744, optional: true, example: 8 }) capHoursPerMonth?: number;
  @ApiPropertyOptional({ type: [Number], example: [8, 9, 10, 11, 12], description: 'Months whose hours are paid' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  months?: number[];
  @Count({ max: 10_000, optional: true, example: 70, description: 'Per mile, in minor units' })
  mileageRateMinor?: number;
  @ApiPropertyOptional({ type: [AllowanceDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AllowanceDto)
  allowances?: AllowanceDto[];
  @ApiProperty({ type: [String], example: ['organizing', 'training', 'debrief', 'travel'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  workKinds: string[];
  @OneOf(reimbursers) reimbursedBy: Reimburser;
  @Duration({ optional: true, example: '7 days' }) approveWithin?: string;
  @Duration({ optional: true, example: '60 days' }) settleWithin?: string;
}

export class ApplicationsOpenDto {
  @Instant({ optional: true, example: '2027-01-04' }) from?: string;
  @Instant({ optional: true, example: '2027-02-01' }) until?: string;
}

/** Any subset of the policy; what is given replaces the preset's (or current) value. */
export class PolicyPatchDto {
  @ApiPropertyOptional({ example: 10, minimum: 0, maximum: 80 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  hoursPerWeek?: number;

  @ApiPropertyOptional({ enum: requirableAttestations, isArray: true })
  @Optional()
  @IsArray()
  @ArrayMaxSize(requirableAttestations.length)
  @IsIn(requirableAttestations, { each: true })
  requiredAttestations?: RequirableAttestation[];

  @Nested(StageSlaDto, { optional: true }) stageSla?: StageSlaDto;

  @Duration({ optional: true, example: '7 days' }) offerExpiresAfter?: string;

  @ApiPropertyOptional({ type: [String], example: ['orientation'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  requiredTrainings?: string[];

  @ApiPropertyOptional({ example: 1 }) @Optional() @IsInt() initialRideAlongs?: number;
  @ApiPropertyOptional({ example: 3 }) @Optional() @IsInt() requiredRideAlongs?: number;
  @Duration({ optional: true, example: '365 days' }) rideAlongWindow?: string;
  @Duration({ optional: true, example: '7 days' }) debriefEvery?: string;
  @Duration({ optional: true, example: '1 day' }) debriefGrace?: string;
  @Duration({ optional: true, example: '2 days' }) escalateAfter?: string;
  @ApiPropertyOptional({ example: 2 }) @Optional() @IsInt() atRiskAfterMissed?: number;
  @Duration({ optional: true, example: '30 days' }) groupDebriefEvery?: string;
  @Duration({ optional: true, example: '365 days' }) termLength?: string;
  @Nested(DebriefDueDto, { optional: true, description: 'When a debrief is due on the program calendar' })
  debriefDue?: DebriefDueDto;
  @Duration({ optional: true, example: '1 day', description: 'A friendly reminder this long before the due time' })
  debriefNudgeBefore?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['listening', 'agitation', 'asking for commitment', 'story of self'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  rolePlayRubric?: string[];
  @ApiPropertyOptional({
    type: [String],
    example: ['caucus commitments'],
    description: 'Counts a debrief reports beyond the standard ones',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  debriefMetrics?: string[];
  @Nested(ApplicationsOpenDto, { optional: true, description: "The public interest form's window" })
  applicationsOpen?: ApplicationsOpenDto;
  @Duration({ optional: true, example: '14 days', description: 'How long a link sent by email stays good' })
  linkExpiresAfter?: string;
  @Duration({ optional: true, example: '2 days', description: 'How long after a hiring step it may be undone' })
  correctionWindow?: string;
  @Duration({
    optional: true,
    example: '2 minutes',
    description:
      "Reminders come up to this long after their deadline, each person's at a moment of their own (the deadline does not move); at most debriefGrace",
  })
  reminderSpread?: string;
  @Text({
    max: 2000,
    optional: true,
    example: 'Bring a photo ID. We meet in small groups for about an hour.',
    description: "What a screening's invitation tells applicants to expect and bring",
  })
  screeningNotes?: string;
  @Text({
    max: 5,
    optional: true,
    example: '09:00',
    description: "When, the day before a screening, the applicant is reminded (HH:MM, the program's zone)",
  })
  screeningReminderAt?: string;
  @Nested(PayPolicyDto, { nullable: true, description: 'How organizers are paid; null: the program pays nothing' })
  pay?: PayPolicyDto | null;
}

/** A program's goals as given: typed, or the old object form. */
const GoalsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { $ref: getSchemaPath(GoalInputDto) },
      example: [{ name: 'Caucus turnout', metric: 'caucus commitments', scope: 'local', percentOfMembers: 20 }],
      description:
        'Up to 50 typed goals; the old object form ({ "oneOnOnesPerWeek": 3 }) is still accepted and converted (names the product knows become goals, others notes)',
    }),
    Optional(),
    IsObjectOrList(),
    IsFlatRecord(50),
    IsGoalList(50),
  );

@ApiExtraModels(GoalInputDto)
export class CreateProgramDto {
  @Name({ max: 200, example: 'Member Organizer Program 2027' }) name: string;
  @Name({ max: 200, example: 'AFT Local 1' }) affiliate: string;
  @OneOf(programKinds) kind: ProgramKind;

  @TimeZone() timezone: string;

  @Instant({ example: '2027-01-04', description: 'ISO-8601 date or date-time' }) termStart: string;
  @Instant({
    optional: true,
    example: '2027-11-02',
    description: 'ISO-8601; without it, each organizer serves policy.termLength',
  })
  termEnd?: string;

  @GoalsField() goals?: GoalInputDto[] | Record<string, number | string | boolean>;

  @Email({ optional: true, example: 'national@aft.org', description: 'Receives the weekly report' })
  nationalContactEmail?: string;

  @Nested(PolicyPatchDto, { optional: true, description: 'Merged over the preset of `kind`' }) policy?: PolicyPatchDto;
}

@ApiExtraModels(GoalInputDto)
export class UpdateProgramDto {
  @Nested(PolicyPatchDto, {
    optional: true,
    description: 'Merged over the current policy; reaches running organizers from their next period',
  })
  policy?: PolicyPatchDto;

  @GoalsField() goals?: GoalInputDto[] | Record<string, number | string | boolean>;

  @Email({ nullable: true, example: 'national@aft.org', description: 'null removes it' })
  nationalContactEmail?: string | null;

  @Instant({ nullable: true, example: '2027-11-02', description: 'null removes the fixed term end' })
  termEnd?: string | null;
}

export class StageSlaPolicyDto {
  @ApiProperty() applied: string;
  @ApiProperty() screening: string;
  @ApiProperty() role_play: string;
  @ApiPropertyOptional() training?: string;
  @ApiPropertyOptional() ride_along?: string;
}

export class DebriefDuePolicyDto {
  @ApiPropertyOptional({ enum: weekdays }) weekday?: Weekday;
  @ApiPropertyOptional() dayOfMonth?: number;
  @ApiProperty({ example: '17:00' }) time: string;
}

export class ApplicationsOpenPolicyDto {
  @ApiPropertyOptional() from?: string;
  @ApiPropertyOptional() until?: string;
}

export class PolicyDto implements ProgramPolicy {
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ enum: requirableAttestations, isArray: true }) requiredAttestations: RequirableAttestation[];
  @ApiProperty({ type: StageSlaPolicyDto }) stageSla: StageSlaPolicyDto;
  @ApiProperty() offerExpiresAfter: string;
  @ApiProperty({ type: [String] }) requiredTrainings: string[];
  @ApiProperty() initialRideAlongs: number;
  @ApiProperty() requiredRideAlongs: number;
  @ApiProperty() rideAlongWindow: string;
  @ApiProperty() debriefEvery: string;
  @ApiProperty() debriefGrace: string;
  @ApiProperty() escalateAfter: string;
  @ApiProperty() atRiskAfterMissed: number;
  @ApiProperty() groupDebriefEvery: string;
  @ApiProperty() termLength: string;
  @ApiPropertyOptional({ type: DebriefDuePolicyDto }) debriefDue?: DebriefDue;
  @ApiPropertyOptional() debriefNudgeBefore?: string;
  @ApiPropertyOptional({ type: [String] }) rolePlayRubric?: string[];
  @ApiPropertyOptional({ type: [String] }) debriefMetrics?: string[];
  @ApiPropertyOptional({ type: ApplicationsOpenPolicyDto }) applicationsOpen?: ApplicationsOpenPolicyDto;
  @ApiPropertyOptional() linkExpiresAfter?: string;
  @ApiPropertyOptional() correctionWindow?: string;
  @ApiPropertyOptional() reminderSpread?: string;
  @ApiPropertyOptional() screeningNotes?: string;
  @ApiPropertyOptional() screeningReminderAt?: string;
  @ApiPropertyOptional({ type: PayPolicyDto }) pay?: PayPolicyDto;
}

export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() affiliate: string;
  @ApiProperty({ enum: programKinds }) kind: ProgramKind;
  @ApiProperty() timezone: string;
  @ApiProperty({ format: 'date-time' }) termStart: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) termEnd: string | null;
  @ApiProperty({ type: [GoalDto] }) goals: GoalDto[];
  @ApiProperty({ type: PolicyDto }) policy: PolicyDto;
  @ApiProperty({ type: String, nullable: true }) nationalContactEmail: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the program was created' }) createdAt: string;
}

export class PlanLineDto {
  @ApiProperty({ example: 'conversations' }) target: string;
  @ApiProperty() planned: number;
  @ApiProperty() reported: number;
}

export class ReportedDebriefDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiPropertyOptional({ type: [PlanLineDto], description: "The period's work plan against what was reported" })
  plan?: PlanLineDto[];
}

export class ReportTotalsDto {
  @ApiProperty() debriefs: number;
  @ApiProperty() hours: number;
  @ApiProperty() conversations: number;
  @ApiProperty() oneOnOnes: number;
  @ApiProperty() leadersIdentified: number;
}

export class WeeklyReportDto {
  @ApiProperty({
    description:
      "The week's name, its page's address: its Monday in the program time zone; in a program whose debrief periods count as weeks, the period's start instant",
  })
  weekOf: string;
  @ApiProperty({
    format: 'date-time',
    description: "Monday 00:00 in the program time zone, or the debrief period's start",
  })
  weekStart: string;
  @ApiProperty({ format: 'date-time' }) weekEnd: string;
  @ApiProperty({ type: [ReportedDebriefDto], description: 'Debriefs for periods that ended in the week' })
  submitted: ReportedDebriefDto[];
  @ApiProperty({
    type: [ReportedDebriefDto],
    description: 'Periods that ended in the week without a debrief when the report ran',
  })
  missing: ReportedDebriefDto[];
  @ApiProperty({ type: ReportTotalsDto }) totals: ReportTotalsDto;
  @ApiProperty({ type: [GoalProgressDto], description: "Each goal's progress when the report ran" })
  goals: GoalProgressDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WeeklyReportListDto {
  @ApiProperty({ type: [WeeklyReportDto] }) items: WeeklyReportDto[];
  @ApiProperty() total: number;
}

export class MakeReportDto {
  @ApiProperty({
    example: '2027-03-01',
    description:
      'The week to report (one that has ended): a day of it; in a program whose debrief periods count as weeks, an instant of the period (its name, as the list and the weekly series give it)',
  })
  @IsWeekName()
  weekOf: string;
}

export class ReportListQuery {
  @Limit(52) limit: number = 52;
  @Offset() offset: number = 0;
  @WeekName({
    optional: true,
    example: '2026-10-26',
    description:
      "Only the weeks that began before this day (the program's) or instant: the older reports after the last one shown (its `weekOf`), whatever was made since",
  })
  before?: string;
}

export class ProgramListDto {
  @ApiProperty({ type: [ProgramDto] }) items: ProgramDto[];
  @ApiProperty() total: number;
}

export class RosterRejectionDto {
  @ApiProperty({ description: '1-based line number in the CSV' }) line: number;
  @ApiProperty() reason: string;
}

export class RosterImportDto {
  @ApiProperty() accepted: number;
  @ApiProperty({ type: [RosterRejectionDto], description: 'The first 100 lines refused' })
  rejected: RosterRejectionDto[];
  @ApiProperty({ description: 'How many lines were refused in all' }) rejectedCount: number;
}
