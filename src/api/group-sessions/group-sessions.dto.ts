import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { stages } from '../../domain/stages';
import { Bool, Id, Ids, Instant, Name, NestedList, Text } from '../common/fields';

/** At most this many people in one session (a season's whole intake fits). */
export const sessionLimit = 200;

export class CreateGroupScreeningDto {
  @Instant({ description: 'When the screening is held' }) at: string;
  @Name({ max: 300, example: 'Local 12 hall, 345 Main St' }) location: string;
  @Ids({ max: sessionLimit, description: 'The applicants invited (each in stage applied)' }) organizerIds: string[];
}

export class ScreeningResultDto {
  @Id() organizerId: string;
  @Bool({ description: 'Came to the screening' }) attended: boolean;
  @Bool({ description: 'Goes on to the role-play' }) advance: boolean;
  @Text({ max: 2000, optional: true }) notes?: string;
}

export class RecordScreeningResultsDto {
  @NestedList(ScreeningResultDto, { max: sessionLimit }) results: ScreeningResultDto[];
}

export class CreateGroupDebriefDto {
  @Instant({ description: 'When the in-person group debrief was held (not in the future)' }) heldAt: string;
  @Text({ max: 300, optional: true, example: 'Local 12 hall' }) location?: string;
  @Ids({ max: sessionLimit, description: 'The organizers who attended (each active)' }) organizerIds: string[];
  @Text({ max: 2000, optional: true }) notes?: string;
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
