import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsDay, Optional } from '../common/validators';

export class PipelineQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One program; default: every program the caller may read' })
  @Optional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({
    example: '2027-03-01',
    description:
      'First day (UTC) of the activity window, by the day a debrief period ended; default: 27 days before `to`',
  })
  @Optional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({
    example: '2027-03-28',
    description: 'Last day (UTC) of the activity window, included; default: today',
  })
  @Optional()
  @IsDay()
  to?: string;
}

export class ActivityDto {
  @ApiProperty() debriefs: number;
  @ApiProperty() lateDebriefs: number;
  @ApiProperty() hours: number;
  @ApiProperty() conversations: number;
  @ApiProperty() oneOnOnes: number;
  @ApiProperty() leadersIdentified: number;
  @ApiProperty({ description: 'Debriefs held in person as a group' }) groupDebriefs: number;
}

export class RideAlongComplianceDto {
  @ApiProperty({ description: 'Organizers in stage active' }) active: number;
  @ApiProperty({ description: 'Of those, how many have the ride-alongs the policy requires' })
  meetingRequirement: number;
  @ApiProperty({ description: 'Hired and open: the required ride-alongs done within the rolling window' })
  meeting: number;
  @ApiProperty({ description: 'Hired and open: fewer ride-alongs so far than an even pace to the requirement' })
  behind: number;
  @ApiProperty({
    description: 'Hired and open: at the pace so far, the requirement is not reached before the window closes',
  })
  forecastMissing: number;
}

const stageCounts = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Every stage, zeros included',
} as const;

export class ProgramPipelineDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() name: string;
  @ApiProperty() affiliate: string;
  @ApiProperty(stageCounts) stages: Record<string, number>;
  @ApiProperty({ description: 'Organizers in the program (every application)' }) applications: number;
  @ApiProperty({ description: 'Organizers who ever reached training' }) hired: number;
  @ApiProperty({ description: 'hired ÷ applications (0 without applications)' }) conversion: number;
  @ApiProperty({ description: 'Debriefs overdue and not yet submitted' }) overdueDebriefs: number;
  @ApiProperty() atRisk: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description:
      'Per open stage: median days its current organizers have been in it (null when none is); recomputed at most once a minute',
  })
  medianDaysInStage: Record<string, number | null>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: 'The same medians in hours (one decimal), for waits shorter than a day or two',
  })
  medianHoursInStage: Record<string, number | null>;
  @ApiProperty({ type: RideAlongComplianceDto }) rideAlongs: RideAlongComplianceDto;
  @ApiProperty({ description: 'Group-debrief periods that ended in the window without an in-person group debrief' })
  groupDebriefsMissing: number;
  @ApiProperty({ type: ActivityDto, description: 'Debriefs whose period ended in the window' }) activity: ActivityDto;
}

export class PipelineTotalsDto {
  @ApiProperty(stageCounts) stages: Record<string, number>;
  @ApiProperty() applications: number;
  @ApiProperty() hired: number;
  @ApiProperty() conversion: number;
  @ApiProperty() overdueDebriefs: number;
  @ApiProperty() atRisk: number;
  @ApiProperty() groupDebriefsMissing: number;
  @ApiProperty({ type: ActivityDto }) activity: ActivityDto;
}

export class PipelineDto {
  @ApiProperty({ format: 'date', description: 'First day of the activity window' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day of the activity window (included)' }) to: string;
  @ApiProperty({ type: [ProgramPipelineDto] }) programs: ProgramPipelineDto[];
  @ApiProperty({ type: PipelineTotalsDto }) totals: PipelineTotalsDto;
}
