import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { actions } from '../../domain/stage-machine';
import type { Action } from '../../domain/stage-machine';
import { Optional } from '../common/validators';
import { inboxKinds } from './inbox-rules';
import type { InboxKind } from './inbox-rules';

export class InboxQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "One program's to-dos" })
  @Optional()
  @IsUUID()
  programId?: string;
}

export class InboxPeriodDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class InboxItemDto {
  @ApiProperty({ enum: inboxKinds }) kind: InboxKind;
  @ApiProperty({ example: 'Debrief overdue', description: 'The kind in words' }) title: string;
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 'Member Organizer Program 2027' }) programName: string;
  @ApiProperty({ example: 'America/Chicago', description: "The program's time zone, to show dueAt in" })
  timezone: string;
  @ApiProperty({
    description: 'Late by now (a debrief past its grace, at risk, a missed group debrief, a stage past its limit)',
  })
  overdue: boolean;
  @ApiProperty({ format: 'date-time', description: 'When it is (or was) due' }) dueAt: string;
  @ApiProperty({ description: 'The rule that produced it, from the program policy' }) rule: string;
  @ApiPropertyOptional({ type: InboxPeriodDto, description: 'The period it concerns (debriefs, group debriefs)' })
  period?: InboxPeriodDto;
  @ApiPropertyOptional({ enum: actions, description: 'The action that clears it' }) action?: Action;
}

export class InboxDto {
  @ApiProperty({ type: [InboxItemDto], description: 'By dueAt, earliest first; at most 500' }) items: InboxItemDto[];
}
