import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant, Optional } from '../common/validators';

export class PipelineQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One program; default: every program the caller may read' })
  @Optional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ description: 'Start of the activity window (debrief periods ending from then); default: 28 days before `to`' })
  @Optional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'End of the activity window (exclusive); default: now' })
  @Optional()
  @IsInstant()
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
  @ApiProperty({ description: 'Of those, how many have the ride-alongs the policy requires' }) meetingRequirement: number;
}

const stageCounts = { type: 'object', additionalProperties: { type: 'integer' }, description: 'Every stage, zeros included' } as const;

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
    description: 'Per open stage: median days its current organizers have been in it (null when none is)',
  })
  medianDaysInStage: Record<string, number | null>;
  @ApiProperty({ type: RideAlongComplianceDto }) rideAlongs: RideAlongComplianceDto;
  @ApiProperty({ description: 'Group-debrief periods that ended in the window without an in-person group debrief' }) groupDebriefsMissing: number;
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
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [ProgramPipelineDto] }) programs: ProgramPipelineDto[];
  @ApiProperty({ type: PipelineTotalsDto }) totals: PipelineTotalsDto;
}
