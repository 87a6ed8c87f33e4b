import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  RecordGroupDebriefInput,
  RecordScreeningInput,
  ScheduleScreeningInput,
} from '../../domain/lifecycle/by-action';
import { actionBody } from '../organizers/action-inputs';
import { stages } from '../../domain/stages';
import { Id, Ids, NestedList, Text } from '../common/fields';

/** How a person answered a screening's invitation. */
export const screeningAnswers = ['coming', 'not_coming', 'no_answer'] as const;

/** At most this many people in one session (a season's whole intake fits). */
export const sessionLimit = 200;

/** Everyone's part of a session is the same action: its body is the action's (one definition, one set of limits). */
const screeningBody = actionBody('schedule-screening') as Type<ScheduleScreeningInput>;
const screeningResultBody = actionBody('record-screening') as Type<RecordScreeningInput>;
const groupDebriefBody = actionBody('record-group-debrief') as Type<Omit<RecordGroupDebriefInput, 'sessionId'>>;

export class CreateGroupScreeningDto extends screeningBody {
  @Ids({ max: sessionLimit, description: 'The applicants invited (each in stage applied)' }) organizerIds: string[];
  @Id({
    optional: true,
    description:
      "A national user who holds the screening with the coordinator: invited to it with the program's coordinators",
  })
  nationalOrganizerId?: string;
}

export class ScreeningResultDto extends screeningResultBody {
  @Id() organizerId: string;
}

export class RecordScreeningResultsDto {
  @NestedList(ScreeningResultDto, { max: sessionLimit }) results: ScreeningResultDto[];
}

export class CreateGroupDebriefDto extends groupDebriefBody {
  @Ids({ max: sessionLimit, description: 'The organizers who attended (each active)' }) organizerIds: string[];
  @Text({ max: 2000, optional: true, description: "The session's own notes" }) notes?: string;
}

export class PersonResultDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiPropertyOptional({ description: "Their name (absent for an id that is not one of the program's people)" })
  name?: string;
  @ApiProperty({ description: 'Whether their part was done' }) ok: boolean;
  @ApiProperty({ enum: [...stages, ''], description: "Their stage after (or as it stands when refused; '' unknown)" })
  stage: string;
  @ApiPropertyOptional({ description: 'Why it was refused, in words' }) message?: string;
}

export class SessionResultsDto {
  @ApiProperty({ type: [PersonResultDto] }) results: PersonResultDto[];
}

export class CreatedSessionDto extends SessionResultsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class RecordedResultDto extends PersonResultDto {
  @ApiProperty() attended: boolean;
  @ApiProperty() advance: boolean;
}

export class SessionMemberDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: PersonResultDto, nullable: true, description: 'What their part of the session answered' })
  outcome: PersonResultDto | null;
  @ApiProperty({ type: RecordedResultDto, nullable: true, description: "A screening's recorded result for them" })
  result: RecordedResultDto | null;
  @ApiPropertyOptional({
    enum: screeningAnswers,
    description: "A screening's answer to its invitation (absent: not invited to this one, or a group debrief)",
  })
  answer?: (typeof screeningAnswers)[number];
  @ApiPropertyOptional({ description: 'Their answer in words' }) answerInWords?: string;
  @ApiPropertyOptional({ description: 'What they wrote with their answer' }) answerNote?: string;
}

export class GroupSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: ['screening', 'debrief'] }) kind: 'screening' | 'debrief';
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [SessionMemberDto] }) members: SessionMemberDto[];
}

export class GroupSessionListDto {
  @ApiProperty({ type: [GroupSessionDto] }) items: GroupSessionDto[];
}
