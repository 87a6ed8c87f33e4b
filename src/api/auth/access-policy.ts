import { Injectable } from '@nestjs/common';
import { AccessDeniedError } from '../common/errors';
import type { Caller } from './caller';
import type { Relation } from '../../domain/stage-machine';

/** Program and organizer scopes, in one place (roles are checked by the guard first). */
@Injectable()
export class AccessPolicy {
  /** Admin and national read every program; a coordinator reads the programs they coordinate. */
  canReadProgram(caller: Caller, programId: string): boolean {
    return (
      caller.role === 'admin' ||
      caller.role === 'national' ||
      (caller.role === 'coordinator' && caller.programIds.includes(programId))
    );
  }

  /** Admin acts on every program; a coordinator on theirs. */
  canActOnProgram(caller: Caller, programId: string): boolean {
    return caller.role === 'admin' || (caller.role === 'coordinator' && caller.programIds.includes(programId));
  }

  /** Admin and national change any program's policy, goals and term; a coordinator changes theirs. */
  canChangeProgram(caller: Caller, programId: string): boolean {
    return caller.role === 'national' || this.canActOnProgram(caller, programId);
  }

  /** Readers of the organizer's program, and the organizer themself. */
  canReadOrganizer(caller: Caller, organizer: { id: string; programId: string }): boolean {
    return (
      this.canReadProgram(caller, organizer.programId) ||
      (caller.role === 'organizer' && caller.organizerId === organizer.id)
    );
  }

  /** The caller's relation to an organizer's record, from which the actions they may take follow (mayTake). */
  relationTo(caller: Caller, organizer: { id: string; programId: string }): Relation {
    if (this.canActOnProgram(caller, organizer.programId)) return 'coordinator';
    return caller.role === 'organizer' && caller.organizerId === organizer.id ? 'self' : 'reader';
  }

  /** Programs whose data the caller may list (undefined: all of them). */
  readablePrograms(caller: Caller): string[] | undefined {
    if (caller.role === 'admin' || caller.role === 'national') return undefined;
    return caller.role === 'coordinator' ? caller.programIds : [];
  }

  assertReadProgram(caller: Caller, programId: string): void {
    if (!this.canReadProgram(caller, programId)) throw new AccessDeniedError('you may not read this program');
  }

  assertActOnProgram(caller: Caller, programId: string): void {
    if (!this.canActOnProgram(caller, programId)) throw new AccessDeniedError('you do not coordinate this program');
  }

  assertChangeProgram(caller: Caller, programId: string): void {
    if (!this.canChangeProgram(caller, programId)) throw new AccessDeniedError('you may not change this program');
  }

  assertReadOrganizer(caller: Caller, organizer: { id: string; programId: string }): void {
    if (!this.canReadOrganizer(caller, organizer)) throw new AccessDeniedError('you may not read this organizer');
  }
}
