// Goal progress as the API answers it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { goalScopes, type GoalScope } from '../../domain/goals';

export class GoalProgressDto {
  @ApiProperty({ description: "The goal's name" }) goal: string;
  @ApiProperty() metric: string;
  @ApiProperty({ enum: goalScopes }) scope: GoalScope;
  @ApiPropertyOptional({ description: 'The local, for a goal of each local' }) local?: string;
  @ApiProperty() target: number;
  @ApiProperty({ description: 'So far: a count, or per organizer per week for that scope' }) actual: number;
  @ApiProperty({ description: "At the goal's date at the pace so far" }) forecast: number;
  @ApiProperty() onTrack: boolean;
  @ApiProperty({ description: 'How far the forecast falls short of the target' }) behindBy: number;
  @ApiProperty({ format: 'date-time', description: 'When the goal is for' }) by: string;
}

export class GoalProgressListDto {
  @ApiProperty({ type: [GoalProgressDto] }) items: GoalProgressDto[];
}
