// What clients send to the organizer routes: applications, list queries and the body of each action.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { debriefLimits } from '../../domain/link-forms';
import { IsBoolean, IsDefined, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { notificationKinds } from '../../domain/organizer';
import type { NotificationKind } from '../../domain/organizer';
import { stages } from '../../domain/stages';
import type { Stage } from '../../domain/stages';
import {
  Bool,
  Count,
  Decimal,
  Email,
  Instant,
  Limit,
  MemberId,
  Name,
  Nested,
  NestedList,
  Offset,
  OneOf,
  QuarterHours,
  Text,
} from '../common/fields';
import { IsDay, IsMetrics, IsMinorUnits, IsScores, IsTenths, Optional } from '../common/validators';
import { InvalidInputError } from '../common/errors';

export class AttestationsDto {
  @Bool({ optional: true }) currentMember: boolean = false;
  @Bool({ optional: true }) driversLicense: boolean = false;
  @Bool({ optional: true }) insuredVehicle: boolean = false;
  @Decimal({ min: 0, max: 80, example: 10, description: 'Hours a week the applicant commits to' }) weeklyHours: number;
  @Bool({ optional: true }) fullTerm: boolean = false;
  @Bool({ optional: true }) doorKnocking: boolean = false;
  @Bool({ optional: true, description: 'A current steward or officer (flagged, not refused)' }) currentLeader: boolean =
    false;
}

export class ApplicationDto {
  @MemberId() memberId: string;

  @Name({ max: 200, example: 'Rosa Díaz' }) name: string;
  @Email({ example: 'rosa@example.org' }) email: string;
  @Name({ max: 40, optional: true, example: '+1 612 555 0100' }) phone?: string;
  @Name({ max: 100, optional: true, example: 'Local 12' }) local?: string;
  @Nested(AttestationsDto) attestations: AttestationsDto;
}

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Paging of a list: `limit` rows from `offset`. */
class PageQuery {
  @Limit(50) limit: number = 50;
  @Offset() offset: number = 0;
}

export class OrganizerListQuery extends PageQuery {
  @OneOf(stages, { optional: true }) stage?: Stage;
  @ApiPropertyOptional({ type: Boolean }) @Optional() @Transform(booleanQuery) @IsBoolean() atRisk?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'true: only organizers with an overdue debrief' })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;
}

const uuidQuery = (name: string) => Matches(/^[0-9a-f-]{36}$/i, { message: `${name} must be a UUID` });

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @uuidQuery('programId') programId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @uuidQuery('organizerId') organizerId?: string;
  @OneOf(notificationKinds, { optional: true }) kind?: NotificationKind;
}

const Notes = () => Text({ max: debriefLimits.notes, min: 0, optional: true });

export class ScheduleScreeningDto {
  @Instant({ example: '2027-01-12T17:30:00-06:00', description: 'When the screening takes place' }) at: string;
  @Name({ max: 300, example: 'Local 12 hall, 345 Main St' }) location: string;
}

export class RecordScreeningDto {
  @Bool({ description: 'false: a no-show (back to applied once)' }) attended: boolean;
  @Bool({ description: 'Whether the applicant goes on to the role-play' }) advance: boolean;
  @Notes() notes?: string;
}

export class OfferDto {
  @Decimal({ min: 1, max: 80, example: 10 }) hoursPerWeek: number;
  @Instant({ example: '2027-02-01' }) startDate: string;
  @Decimal({
    min: 0,
    max: 1_000_000,
    optional: true,
    example: 1500,
    description: "Stipend per month in the currency's major units (1500 is 1,500 dollars); stipendMinor is preferred",
  })
  stipend?: number;
  @Count({
    max: 100_000_000,
    optional: true,
    example: 150000,
    description: "Stipend per month in whole minor units (cents) of the program's pay currency; instead of stipend",
  })
  stipendMinor?: number;
}

export class RecordRolePlayDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
    example: { listening: 4, agitation: 3 },
  })
  @IsScores()
  scores: Record<string, number>;

  @OneOf(['offer', 'reject']) decision: 'offer' | 'reject';

  @ApiPropertyOptional({ type: OfferDto, description: 'Required when decision is offer' })
  @ValidateIf((o: RecordRolePlayDto) => o.decision === 'offer' || o.offer !== undefined)
  @IsDefined({ message: 'offer is required when decision is offer' })
  @ValidateNested()
  @Type(() => OfferDto)
  offer?: OfferDto;

  @Notes() notes?: string;
}

/**
 * A role-play as the workflow takes it: an offer's stipend in major units, from `stipendMinor` when that was given
 * (both together are refused with a 400 naming `offer.stipendMinor`, before anything is done).
 */
export function withStipendInMajorUnits(body: RecordRolePlayDto): RecordRolePlayDto {
  const offer = body.offer;
  if (offer?.stipendMinor === undefined) return body;
  if (offer.stipend !== undefined)
    throw new InvalidInputError([{ field: 'offer.stipendMinor', reason: 'give stipend or stipendMinor, not both' }]);
  const { stipendMinor, ...terms } = offer;
  return { ...body, offer: { ...terms, stipend: stipendMinor / 100 } };
}

export class RespondOfferDto {
  @Bool() accepted: boolean;
}

export class RecordTrainingDto {
  @Text({ max: 100, example: 'orientation', description: "One of the program policy's requiredTrainings" })
  training: string;
  @Instant({ example: '2027-01-20T18:00:00Z' }) completedAt: string;
}

export class RecordRideAlongDto {
  @Instant({ example: '2027-02-03' }) date: string;
  @Name({ max: 200, example: 'Jo Rivera (national organizer)' }) staff: string;
  @Notes() notes?: string;
}

export class SubmitDebriefDto {
  @Instant({
    optional: true,
    description: 'The debrief period reported on (from pendingDebriefPeriods); default: the one due now',
  })
  periodStart?: string;
  @QuarterHours({ max: debriefLimits.hours, example: 9.5 }) hours: number;
  @Count({ max: debriefLimits.count, example: 14 }) conversations: number;
  @Count({ max: debriefLimits.count, example: 3 }) oneOnOnes: number;
  @Count({ max: debriefLimits.count, example: 1 }) leadersIdentified: number;
  @Bool({ description: 'Held in person' }) inPerson: boolean;
  @Bool({ description: 'Held as a group debrief' }) group: boolean;
  @Notes() notes?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000 },
    example: { 'caucus commitments': 4 },
    description: "The program's own counts (policy.debriefMetrics), by name",
  })
  @Optional()
  @IsMetrics()
  metrics?: Record<string, number>;
}

export class SetWorkPlanDto {
  @Instant({
    optional: true,
    description: 'The debrief period planned (from pendingDebriefPeriods); default: the one running now',
  })
  periodStart?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000 },
    example: { conversations: 12, oneOnOnes: 3, hours: 10 },
    description: "Targets for hours, conversations, oneOnOnes, leadersIdentified or the program's own counts",
  })
  @IsMetrics()
  targets: Record<string, number>;
  @Text({ max: 2000, min: 0, optional: true, example: 'Lincoln Elementary: 3rd floor' }) notes?: string;
}

export class TimesheetEntryDto {
  @ApiProperty({ example: '2027-01-05', description: 'The local day worked, inside the pay period' })
  @IsDay()
  date: string;
  @QuarterHours({ max: 24, example: 2.5 }) hours: number;
  @Text({ max: 50, example: 'organizing', description: "One of the program's pay.workKinds" }) kind: string;
}

export class SubmitTimesheetDto {
  @Instant({ description: 'The pay period (from payPeriods on the organizer detail)' }) periodStart: string;
  @NestedList(TimesheetEntryDto, { max: 100 }) entries: TimesheetEntryDto[];
  @Decimal({ min: 0, max: 10_000, optional: true, example: 42.5, description: 'Miles driven, to a tenth' })
  @IsTenths()
  miles?: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 10_000_000 },
    example: { phone: 2500 },
    description: "Allowances claimed (the program's pay.allowances), in whole minor units (cents)",
  })
  @Optional()
  @IsMinorUnits()
  allowances?: Record<string, number>;
}

export class ApprovePayPeriodDto {
  @Instant({ description: 'The pay period approved' }) periodStart: string;
}

export class RecordGroupDebriefDto {
  @Instant({ description: 'When the in-person group debrief was held (not in the future)' }) heldAt: string;
  @Text({ max: 200, optional: true, example: 'Local 12 hall' }) location?: string;
}

export class OptionalReasonDto {
  @Text({ max: 500, min: 0, optional: true }) reason?: string;
}

export class ReasonDto {
  @Text({ max: 500, example: 'moved out of the district' }) reason: string;
}
