import { Module } from '@nestjs/common';
import { NoteRepository } from '../../repositories/note.repository';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({
  controllers: [NotesController],
  providers: [NotesService, NoteRepository, OrganizerRepository],
})
export class NotesModule {}
