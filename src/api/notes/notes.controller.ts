import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CurrentCaller, type Caller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { NoteDeletedDto, NoteDto, NoteInputDto, NoteListDto } from './notes.dto';
import { NotesService } from './notes.service';

/** Staff notes on a person; never the organizer's to read (docs/api.md). */
@ApiTags('notes')
@ApiBearerAuth()
@Controller('organizers/:organizerId/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Operation('listNotes', "Staff notes on a person, newest first (never the organizer's to read)")
  @Get()
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: NoteListDto })
  async list(@IdParam('organizerId', 'organizer') id: string, @CurrentCaller() caller: Caller): Promise<NoteListDto> {
    return { items: await this.notes.list(id, caller) };
  }

  @Operation('addNote', 'Write a note on a person', 409)
  @Post()
  @HttpCode(201)
  @Allow('national', 'coordinator')
  @ApiCreatedResponse({ type: NoteDto })
  add(
    @IdParam('organizerId', 'organizer') id: string,
    @Body() body: NoteInputDto,
    @CurrentCaller() caller: Caller,
  ): Promise<NoteDto> {
    return this.notes.add(id, body.text, caller);
  }

  @Operation('editNote', 'Change a note (its author, or an admin)', 409)
  @Patch(':noteId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: NoteDto })
  edit(
    @IdParam('organizerId', 'organizer') id: string,
    @IdParam('noteId', 'note') noteId: string,
    @Body() body: NoteInputDto,
    @CurrentCaller() caller: Caller,
  ): Promise<NoteDto> {
    return this.notes.edit(id, noteId, body.text, caller);
  }

  @Operation('deleteNote', 'Delete a note (its author, or an admin)', 409)
  @Delete(':noteId')
  @HttpCode(200)
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: NoteDeletedDto })
  async remove(
    @IdParam('organizerId', 'organizer') id: string,
    @IdParam('noteId', 'note') noteId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<NoteDeletedDto> {
    await this.notes.remove(id, noteId, caller);
    return { deleted: 1 };
  }
}
