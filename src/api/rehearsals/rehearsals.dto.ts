// A season's rehearsal over HTTP: the policy to try, the people and their habits, and the figures per period.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { countedFigures } from '../../domain/rehearsal/season';
import { Count, Decimal, Duration, Instant, Nested, NestedList, OneOf } from '../common/fields';
import { PolicyPatchDto } from '../programs/programs.dto';
import { Optional } from '../common/validators';

export class DurationRangeDto {
  @Duration({ example: '1 day' }) from: string;
  @Duration({ example: '3 days' }) to: string;
}

export class NumberRangeDto {
  @Decimal({ min: 0, max: 168, example: 8 }) from: number;
  @Decimal({ min: 0, max: 168, example: 12 }) to: number;
}

export class PausesDto {
  @Decimal({ min: 0, max: 1, example: 0.1, description: 'The share of people who pause once' }) share: number;
  @Nested(DurationRangeDto, { description: 'How long a pause lasts' }) for: DurationRangeDto;
}

/** How a cohort's people behave. */
export class HabitDto {
  @Decimal({ min: 0, max: 1, example: 0.7, description: 'Share of debriefs sent on time; the three shares sum to 1' })
  onTime: number;
  @Decimal({ min: 0, max: 1, example: 0.2 }) late: number;
  @Decimal({ min: 0, max: 1, example: 0.1 }) missing: number;
  @Nested(DurationRangeDto, { description: 'How long after it was due a late debrief comes' })
  lateBy: DurationRangeDto;
  @Nested(NumberRangeDto, { description: 'Hours a period' }) hoursPerPeriod: NumberRangeDto;
  @Decimal({ min: 0, max: 1, example: 0.8, description: 'Share of time sheets sent on time' }) timesheetOnTime: number;
  @Decimal({ min: 0, max: 20, example: 1, description: 'Ride-alongs a month, on average' }) rideAlongsPerMonth: number;
  @Nested(PausesDto) pauses: PausesDto;
  @Decimal({ min: 0, max: 1, example: 0.05, description: 'Share of people who withdraw during the season' })
  quits: number;
}

export class CohortDto {
  @Count({ min: 1, max: 5_000, example: 20 }) count: number;
  @Instant({ optional: true, description: "When they start (default: the season's start)" }) startsAt?: string;
  @OneOf(['active', 'applied'], { optional: true, description: 'Where they start (default active)' })
  stage?: 'active' | 'applied';
  @Nested(HabitDto) habit: HabitDto;
}

export class SeasonDto {
  @Instant({ optional: true, example: '2027-01-04', description: "Default: the term's start" }) from?: string;
  @Instant({ optional: true, example: '2027-06-28', description: "Default: the term's end (a year when it has none)" })
  until?: string;
  @Count({ min: 1, max: 400, optional: true, description: 'Instead of until: this many periods from `from`' })
  periods?: number;
}

export class RehearsalDto {
  @Nested(PolicyPatchDto, { optional: true, description: "Merged over the program's policy (default: it as it is)" })
  policy?: PolicyPatchDto;
  @Nested(SeasonDto, { optional: true, description: "Default: the program's term (a year when it has no end)" })
  season?: SeasonDto;
  @NestedList(CohortDto, { max: 20, description: 'The people, by how they behave' }) cohorts: CohortDto[];
  @Count({ min: 0, max: 2_147_483_647, optional: true, description: 'The same seed plays the same season' })
  seed?: number;
  @ApiPropertyOptional({
    type: [PolicyPatchDto],
    description: 'Two policies to play side by side (each over the program)',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => PolicyPatchDto)
  compare?: PolicyPatchDto[];
}

const figure = (description: string) => ApiProperty({ description });

/** What a period (or the season) asks of people. */
export class RehearsalFiguresDto {
  @figure('Debriefs whose period ended in it') debriefsDue: number;
  @figure('Of those, sent by the time they would fall overdue') onTime: number;
  @figure('Sent after') late: number;
  @figure('Never sent') missing: number;
  @figure('Friendly reminders before a debrief is due') dueSoonNudges: number;
  @figure('Overdue reminders to organizers') overdueReminders: number;
  @figure('Escalations to coordinators') escalations: number;
  @figure('People at risk at its end') atRisk: number;
  @figure('Stage time limits passed') stageStalled: number;
  @figure('Ride-along reminders') rideAlongsBehind: number;
  @figure('Time sheet reminders') timesheetsMissing: number;
  @figure('Pay periods approved') payablePeriods: number;
  @figure('Pay approved, in minor units') payMinor: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @figure('Emails to members') memberMessages: number;
  @figure('Emails to staff') staffMessages: number;
}

export class RehearsedPeriodDto extends RehearsalFiguresDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class RehearsedPersonDto {
  @ApiProperty() cohort: number;
  @ApiProperty() index: number;
  @ApiProperty({ description: 'Periods they ended at risk' }) atRiskPeriods: number;
  @ApiProperty({ description: 'Pay approved for them, in minor units' }) paidMinor: number;
}

export class RehearsalDifferencesDto {}
for (const name of countedFigures) ApiProperty({ type: Number })(RehearsalDifferencesDto.prototype, name);

export class SeasonResultDto {
  @ApiProperty({ type: [RehearsedPeriodDto] }) periods: RehearsedPeriodDto[];
  @ApiProperty({ type: RehearsalFiguresDto, description: 'Sums of the periods; at risk: the most at once' })
  totals: RehearsalFiguresDto;
  @ApiProperty({ type: [RehearsedPersonDto] }) people: RehearsedPersonDto[];
}

export class RehearsalResultDto extends SeasonResultDto {
  @ApiPropertyOptional({ type: [SeasonResultDto], description: 'The two policies of `compare`, in order' })
  compared?: SeasonResultDto[];
  @ApiPropertyOptional({
    type: RehearsalDifferencesDto,
    description: "The second compared policy's totals less the first's",
  })
  differences?: Record<string, number>;
}
