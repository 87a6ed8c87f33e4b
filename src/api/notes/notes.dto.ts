import { ApiProperty } from '@nestjs/swagger';
import { Name } from '../common/fields';

export class NoteInputDto {
  @Name({ max: 4000, example: 'Bilingual (Spanish); best reached after 5 pm.' }) text: string;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiProperty({ description: 'The author: a user id' }) authorId: string;
  @ApiProperty({ example: 'Rosa Díaz, coordinator' }) authorInWords: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ description: 'Whether the caller may edit and delete it (its author, or an admin)' }) mine: boolean;
}

export class NoteListDto {
  @ApiProperty({ type: [NoteDto] }) items: NoteDto[];
}

export class NoteDeletedDto {
  @ApiProperty() deleted: number;
}
