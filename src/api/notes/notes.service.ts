// Staff notes on a person: written and read by the staff who may read the person (never by the organizer), edited and
// deleted by their author or an admin, each change audited without its text (the text is the member's data: erasure
// removes it, and the audit trail outlives erasure).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '../../repositories/audit.repository';
import { NoteRepository, type NoteRow } from '../../repositories/note.repository';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { actorInWords } from '../../words/actors';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { AccessDeniedError, ConflictError, NotFoundError } from '../common/errors';
import type { NoteDto } from './notes.dto';

@Injectable()
export class NotesService {
  constructor(
    private readonly notes: NoteRepository,
    private readonly organizers: OrganizerRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** The person, if the caller may read their notes: staff who read their program (an organizer never). */
  private async person(
    organizerId: string,
    caller: Caller,
    writing = true,
  ): Promise<{ id: string; programId: string; erased: boolean }> {
    const person = await this.organizers.access(organizerId);
    if (!person) throw new NotFoundError(`no organizer ${organizerId}`);
    this.access.assertReadProgram(caller, person.programId);
    if (writing && person.erasedAt) throw new ConflictError('this member was erased: their record takes no notes');
    return { ...person, erased: person.erasedAt !== null };
  }

  /** A note the caller may change: its author's, or any for an admin. */
  private async own(organizerId: string, noteId: string, caller: Caller): Promise<NoteRow> {
    await this.person(organizerId, caller);
    const note = await this.notes.find(organizerId, noteId);
    if (!note) throw new NotFoundError(`no note ${noteId} on this person`);
    if (note.authorId !== caller.id && caller.role !== 'admin')
      throw new AccessDeniedError('only its author or an admin may change a note');
    return note;
  }

  private view(note: NoteRow, caller: Caller): NoteDto {
    return {
      id: note.id,
      organizerId: note.organizerId,
      authorId: note.authorId,
      authorInWords: actorInWords(note.authorId, note.author),
      text: note.text,
      createdAt: note.createdAt.toISOString(),
      editedAt: note.editedAt?.toISOString() ?? null,
      mine: note.authorId === caller.id || caller.role === 'admin',
    };
  }

  async list(organizerId: string, caller: Caller): Promise<NoteDto[]> {
    await this.person(organizerId, caller, false);
    return (await this.notes.list(organizerId)).map((note) => this.view(note, caller));
  }

  async add(organizerId: string, text: string, caller: Caller): Promise<NoteDto> {
    const person = await this.person(organizerId, caller);
    const added = { id: randomUUID(), organizerId, programId: person.programId, authorId: caller.id, text };
    const note = await this.notes.add(added, audited('note-added', added, caller));
    if (!note) throw new ConflictError('this member was erased: their record takes no notes');
    return this.view(note, caller);
  }

  async edit(organizerId: string, noteId: string, text: string, caller: Caller): Promise<NoteDto> {
    const note = await this.own(organizerId, noteId, caller);
    await this.notes.edit(noteId, text, audited('note-edited', note, caller));
    return this.view((await this.notes.find(organizerId, noteId))!, caller);
  }

  async remove(organizerId: string, noteId: string, caller: Caller): Promise<void> {
    const note = await this.own(organizerId, noteId, caller);
    await this.notes.remove(noteId, audited('note-deleted', note, caller));
  }
}

/** A change to a note, in the audit trail without its text. */
function audited(
  kind: string,
  note: Pick<NoteRow, 'id' | 'organizerId' | 'programId' | 'authorId'>,
  caller: Caller,
): AuditEntry {
  return {
    actor: caller.id,
    programId: note.programId,
    kind,
    subject: note.organizerId,
    after: { noteId: note.id, author: note.authorId },
  };
}
