import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { notificationKinds } from '../../domain/organizer';
import type { RecipientRole } from '../../domain/organizer';
import type { NotificationKind } from '../../domain/organizer';
import { stages } from '../../domain/stages';
import type { Stage } from '../../domain/stages';
import type { NotificationView, OrganizerDetail, OrganizerSummary } from '../../repositories/organizer.repository';
import { IsInstant, IsScores, Optional } from '../common/validators';

// ---- input ---------------------------------------------------------------------------------------------------

export class AttestationsDto {
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() currentMember: boolean = false;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() driversLicense: boolean = false;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() insuredVehicle: boolean = false;
  @ApiProperty({ description: 'Hours a week the applicant commits to', minimum: 0, maximum: 80, example: 10 })
  @Min(0)
  @Max(80)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weeklyHours: number;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() fullTerm: boolean = false;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() doorKnocking: boolean = false;
  @ApiPropertyOptional({ default: false, description: 'A current steward or officer (flagged, not refused)' })
  @Optional()
  @IsBoolean()
  currentLeader: boolean = false;
}

export class ApplicationDto {
  @ApiProperty({ example: 'M-100234', description: 'The member number in the local', maxLength: 64 })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'memberId must be 1 to 64 letters, digits or . _ - /' })
  @IsString()
  memberId: string;

  @ApiProperty({ example: 'Rosa Díaz', maxLength: 200 }) @Length(1, 200) @IsString() name: string;
  @ApiProperty({ example: 'rosa@example.org', maxLength: 320 }) @IsEmail() @MaxLength(320) email: string;
  @ApiPropertyOptional({ example: '+1 612 555 0100', maxLength: 40 }) @Optional() @Length(1, 40) @IsString() phone?: string;
  @ApiPropertyOptional({ example: 'Local 12', maxLength: 100 }) @Optional() @Length(1, 100) @IsString() local?: string;

  @ApiProperty({ type: AttestationsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AttestationsDto)
  attestations: AttestationsDto;
}

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OrganizerListQuery {
  @ApiPropertyOptional({ enum: stages }) @Optional() @IsIn(stages) stage?: Stage;
  @ApiPropertyOptional({ type: Boolean }) @Optional() @Transform(booleanQuery) @IsBoolean() atRisk?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'true: only organizers with an overdue debrief' })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @Optional() @Type(() => Number) @Min(1) @Max(200) @IsInt() limit: number = 50;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @Optional() @Type(() => Number) @Min(0) @Max(1_000_000) @IsInt() offset: number = 0;
}

export class NotificationListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @Matches(/^[0-9a-f-]{36}$/i, { message: 'programId must be a UUID' }) programId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @Matches(/^[0-9a-f-]{36}$/i, { message: 'organizerId must be a UUID' }) organizerId?: string;
  @ApiPropertyOptional({ enum: notificationKinds }) @Optional() @IsIn(notificationKinds) kind?: NotificationKind;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @Optional() @Type(() => Number) @Min(1) @Max(200) @IsInt() limit: number = 50;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @Optional() @Type(() => Number) @Min(0) @Max(1_000_000) @IsInt() offset: number = 0;
}

const notes = () => (target: object, key: string) => {
  ApiPropertyOptional({ maxLength: 2000 })(target, key);
  Optional()(target, key);
  IsString()(target, key);
  MaxLength(2000)(target, key);
};

export class ScheduleScreeningDto {
  @ApiProperty({ example: '2027-01-12T17:30:00-06:00', description: 'When the group screening takes place' }) @IsInstant() at: string;
  @ApiProperty({ example: 'Local 12 hall, 345 Main St', maxLength: 300 }) @Length(1, 300) @IsString() location: string;
}

export class RecordScreeningDto {
  @ApiProperty({ description: 'false: a no-show (back to applied once)' }) @IsBoolean() attended: boolean;
  @ApiProperty({ description: 'Whether the applicant goes on to the role-play' }) @IsBoolean() advance: boolean;
  @notes() notes?: string;
}

export class OfferDto {
  @ApiProperty({ example: 10, minimum: 1, maximum: 80 }) @Min(1) @Max(80) @IsNumber({ allowNaN: false, allowInfinity: false }) hoursPerWeek: number;
  @ApiProperty({ example: '2027-02-01' }) @IsInstant() startDate: string;
  @ApiPropertyOptional({ example: 1500, minimum: 0, description: 'Stipend per month' })
  @Optional()
  @Min(0)
  @Max(1_000_000)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  stipend?: number;
}

export class RecordRolePlayDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 }, example: { listening: 4, agitation: 3 } })
  @IsScores()
  scores: Record<string, number>;

  @ApiProperty({ enum: ['offer', 'reject'] }) @IsIn(['offer', 'reject']) decision: 'offer' | 'reject';

  @ApiPropertyOptional({ type: OfferDto, description: 'Required when decision is offer' })
  @ValidateIf((o: RecordRolePlayDto) => o.decision === 'offer' || o.offer !== undefined)
  @IsDefined({ message: 'offer is required when decision is offer' })
  @ValidateNested()
  @Type(() => OfferDto)
  offer?: OfferDto;

  @notes() notes?: string;
}

export class RespondOfferDto {
  @ApiProperty() @IsBoolean() accepted: boolean;
}

export class RecordTrainingDto {
  @ApiProperty({ example: 'orientation', maxLength: 100, description: "One of the program policy's requiredTrainings" })
  @Length(1, 100)
  @IsString()
  training: string;
  @ApiProperty({ example: '2027-01-20T18:00:00Z' }) @IsInstant() completedAt: string;
}

export class RecordRideAlongDto {
  @ApiProperty({ example: '2027-02-03' }) @IsInstant() date: string;
  @ApiProperty({ example: 'Jo Rivera (national organizer)', maxLength: 200 }) @Length(1, 200) @IsString() staff: string;
  @notes() notes?: string;
}

export class SubmitDebriefDto {
  @ApiPropertyOptional({ description: 'The debrief period reported on (from pendingDebriefPeriods); default: the one due now' })
  @Optional()
  @IsInstant()
  periodStart?: string;
  @ApiProperty({ example: 9.5, minimum: 0, maximum: 168 }) @Min(0) @Max(168) @IsNumber({ allowNaN: false, allowInfinity: false }) hours: number;
  @ApiProperty({ example: 14, minimum: 0 }) @Min(0) @Max(100_000) @IsInt() conversations: number;
  @ApiProperty({ example: 3, minimum: 0 }) @Min(0) @Max(100_000) @IsInt() oneOnOnes: number;
  @ApiProperty({ example: 1, minimum: 0 }) @Min(0) @Max(100_000) @IsInt() leadersIdentified: number;
  @ApiProperty({ description: 'Held in person' }) @IsBoolean() inPerson: boolean;
  @ApiProperty({ description: 'Held as a group debrief' }) @IsBoolean() group: boolean;
  @notes() notes?: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 500 }) @Optional() @MaxLength(500) @IsString() reason?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 500, example: 'moved out of the district' }) @Length(1, 500) @IsString() reason: string;
}

// ---- output --------------------------------------------------------------------------------------------------

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
  @ApiPropertyOptional({ description: "The acting user's name" }) actorName?: string;
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
  @ApiProperty() overdue: boolean;
}

export class OfferSummaryDto {
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() startDate: string;
  @ApiPropertyOptional() stipend?: number;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ScreeningSummaryDto {
  @ApiProperty() at: string;
  @ApiProperty() location: string;
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

export class OrganizerDetailDto extends OrganizerDto implements OrganizerDetail {
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activeSince: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the next debrief is due (active, not paused)' }) nextDebriefDueAt?: string;
  @ApiProperty({ type: [String], example: ['current_leader'] }) flags: string[];
  @ApiProperty({ type: [String], description: 'Why the application was ineligible' }) ineligibleReasons: string[];
  @ApiProperty({ type: ScreeningSummaryDto, nullable: true }) screening: ScreeningSummaryDto | null;
  @ApiProperty({ type: OfferSummaryDto, nullable: true }) offer: OfferSummaryDto | null;
  @ApiProperty() rideAlongCount: number;
  @ApiProperty({ type: TotalsDto }) totals: TotalsDto;
  @ApiProperty({ type: [PendingDebriefPeriodDto], description: 'Debrief periods started and not yet reported' }) pendingDebriefPeriods: PendingDebriefPeriodDto[];
  @ApiProperty({ type: [TransitionDto] }) history: TransitionDto[];
  @ApiProperty({ type: [DebriefDto], description: 'Newest first, at most 104' }) debriefs: DebriefDto[];
  @ApiProperty({ type: [TrainingDto] }) trainings: TrainingDto[];
  @ApiProperty({ type: [RideAlongDto] }) rideAlongs: RideAlongDto[];
  @ApiProperty({ type: [NotificationDto], description: 'Newest first, at most 100' }) notifications: NotificationDto[];
}
