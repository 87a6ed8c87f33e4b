import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { goalScopes, type GoalScope } from '../../domain/goals';
import { programKinds, type ProgramKind } from '../../domain/program-kinds';
import { organizerTrendMetrics, programTrendMetrics } from '../../domain/trends';
import { IsDay, Optional } from '../common/validators';

export class TrendWindowQuery {
  @ApiPropertyOptional({
    example: '2027-01-04',
    description: 'Weeks starting on or after this day (a week is named by its local Monday); default: the latest 12',
  })
  @Optional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2027-04-05', description: 'Weeks starting before this day; default: every one' })
  @Optional()
  @IsDay()
  until?: string;
}

export class ProgramTrendsQuery extends TrendWindowQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One program; default: every program the caller may read' })
  @Optional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ example: 'Local 99', description: "One Local's organizers (as their records name it)" })
  @Optional()
  @IsString()
  @MaxLength(100)
  local?: string;

  @ApiPropertyOptional({
    example: 'debriefsOnTime,debriefsDue,conversations',
    description: `Comma-separated, any of: ${programTrendMetrics.join(', ')}, goals; default: all (pay, ride-along compliance and goals for one program only)`,
  })
  @Optional()
  @IsString()
  @MaxLength(1000)
  metrics?: string;
}

export class OrganizerTrendsQuery extends TrendWindowQuery {
  @ApiPropertyOptional({
    example: 'hours,conversations',
    description: `Comma-separated, any of: ${organizerTrendMetrics.join(', ')}; default: all`,
  })
  @Optional()
  @IsString()
  @MaxLength(1000)
  metrics?: string;
}

export class GoalWeeksDto {
  @ApiProperty({ description: "The goal's name" }) goal: string;
  @ApiProperty() metric: string;
  @ApiProperty({ enum: goalScopes }) scope: GoalScope;
  @ApiPropertyOptional({ description: 'The Local, for a goal of each Local' }) local?: string;
  @ApiProperty() target: number;
  @ApiProperty({ format: 'date-time', description: 'When the goal is for' }) by: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    description:
      "At each week's end: the count so far; for a goal per organizer per week, the pace so far: that count over the organizer-weeks active by then (null: nobody had been active)",
  })
  actual: (number | null)[];

  @ApiProperty({
    type: [Number],
    description:
      "What the plan expects at each week's end: the target reached at an even pace from the term's start to the goal's date; a per-week goal's target",
  })
  plan: number[];
}

export class TrendsDto {
  @ApiProperty({
    type: [String],
    description:
      "The weeks, oldest first, each named by its local Monday (YYYY-MM-DD); in a program whose debrief periods count as weeks, by the period's start instant",
  })
  weeks: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'number', nullable: true } },
    description:
      'One value per week for each metric asked for (`inStage.<stage>` and `medianHoursInStage.<stage>` per stage); null where a rate or median has nothing to count',
  })
  series: Record<string, (number | null)[]>;

  @ApiPropertyOptional({
    description: "The program's time zone, when the weeks are one program's",
    example: 'America/Chicago',
  })
  timezone?: string;

  @ApiPropertyOptional({
    type: [GoalWeeksDto],
    description: "One program's goals, each week's actual against plan (with `metrics` absent or naming `goals`)",
  })
  goals?: GoalWeeksDto[];
}

export class SideBySideQuery {
  @ApiPropertyOptional({ example: 'AFT Local 1', description: 'Programs of this affiliate only' })
  @Optional()
  @IsString()
  @MaxLength(200)
  affiliate?: string;

  @ApiPropertyOptional({ enum: programKinds, description: 'Programs of this kind only' })
  @Optional()
  @IsIn(programKinds)
  kind?: ProgramKind;
}

const figures = {
  type: 'object',
  additionalProperties: { type: 'number', nullable: true },
  description:
    "Every metric of the weekly series (`inStage.<stage>` and `medianHoursInStage.<stage>` per stage), and `goalsOnPlan`: the share of the program's measured goals at or above plan at the week's end (null: none measured)",
} as const;

export class ProgramWeekDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() name: string;
  @ApiProperty() affiliate: string;
  @ApiProperty({ enum: programKinds }) kind: ProgramKind;
  @ApiProperty({ description: "The program's time zone" }) timezone: string;
  @ApiProperty({ description: "The program's last whole week, named as the weekly series name it" }) week: string;
  @ApiProperty({ description: 'The week before it' }) previousWeek: string;
  @ApiProperty(figures) latest: Record<string, number | null>;
  @ApiProperty(figures) previous: Record<string, number | null>;
}

export class SideBySideDto {
  @ApiProperty({ type: [ProgramWeekDto], description: 'By name' }) programs: ProgramWeekDto[];
}
