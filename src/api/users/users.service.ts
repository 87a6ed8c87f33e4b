import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { AppConfig } from '../../config/configuration';
import { UserEntity } from '../../entities';
import { PersonalTokenRepository } from '../../repositories/personal-token.repository';
import { UserRepository } from '../../repositories/user.repository';
import type { Caller } from '../auth/caller';
import { bootstrapAdmin } from '../auth/caller';
import { hashToken, newToken, sameSecret } from '../auth/tokens';
import { AccessPolicy } from '../auth/access-policy';
import { SignInService } from '../auth/sign-in.service';
import { AccessDeniedError, ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import type { CreatedUserDto, CreateUserDto, InvitationDto, UserDto, UserListDto, UserListQuery } from './users.dto';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly organizers: OrganizerRepository,
    private readonly config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly signIn: SignInService,
    private readonly tokens: PersonalTokenRepository,
  ) {}

  /** The program an organizer record belongs to, or undefined when there is no such organizer. */
  private async organizerProgram(organizerId: string): Promise<string | undefined> {
    return (await this.organizers.access(organizerId))?.programId;
  }

  /**
   * Coordinators manage the accounts of their programs' organizers (create, revoke); every other account is the
   * admin's. Throws when the caller may not manage an account of `role` for `organizerId`.
   */
  private async assertManages(caller: Caller, role: string, organizerId: string | null | undefined): Promise<void> {
    if (caller.role === 'admin') return;
    const programId = role === 'organizer' && organizerId ? await this.organizerProgram(organizerId) : undefined;
    if (!programId || !this.access.canActOnProgram(caller, programId))
      throw new AccessDeniedError("coordinators manage only the accounts of their programs' organizers");
  }

  /** The accounts of a program (its coordinators and its organizers), or every account for an admin without one. */
  async list(query: UserListQuery, caller: Caller): Promise<UserListDto> {
    if (!query.programId && caller.role !== 'admin') throw new AccessDeniedError('name the program (programId)');
    if (query.programId && !this.access.canActOnProgram(caller, query.programId))
      throw new AccessDeniedError('you do not coordinate this program');
    const rows = await this.users.list(query.programId);
    return { items: rows.map(toUserDto) };
  }

  /** The caller a bearer token stands for, or undefined when the token is unknown or revoked. */
  async authenticate(token: string): Promise<Caller | undefined> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) return bootstrapAdmin;
    return this.tokens.userOf(hashToken(token));
  }

  /** Revokes the user: their tokens and sessions answer 401 from now on. Revoking twice changes nothing. */
  async revoke(userId: string, caller: Caller): Promise<UserDto> {
    const user = await this.users.byId(userId);
    if (!user) throw new NotFoundError(`no user ${userId}`);
    await this.assertManages(caller, user.role, user.organizerId);
    if (!user.revokedAt) {
      await this.users.revoke(userId, {
        actor: caller.id,
        programId: user.programIds[0] ?? null,
        kind: 'user-revoked',
        subject: userId,
      });
    }
    return toUserDto((await this.users.byId(userId))!);
  }

  async create(input: CreateUserDto, caller: Caller): Promise<CreatedUserDto> {
    if (caller.role !== 'admin' && input.role !== 'organizer')
      throw new AccessDeniedError("coordinators create only organizer accounts, for their programs' organizers");
    const programIds = input.role === 'coordinator' ? [...new Set(input.programIds ?? [])] : [];
    if (input.role !== 'coordinator' && input.programIds?.length) {
      throw new InvalidInputError([{ field: 'programIds', reason: 'is only for coordinators' }]);
    }
    if (programIds.length) {
      if ((await this.users.programsExisting(programIds)) !== programIds.length)
        throw new InvalidInputError([{ field: 'programIds', reason: 'names a program that does not exist' }]);
    }
    if (input.role === 'organizer' && input.organizerId && !(await this.organizerProgram(input.organizerId)))
      throw new InvalidInputError([{ field: 'organizerId', reason: 'names an organizer that does not exist' }]);
    await this.assertManages(caller, input.role, input.organizerId);
    // API clients get a token, as before; the page asks for none: the invitation signs the person in.
    const token = input.apiToken === false ? null : newToken();
    const user: UserEntity = Object.assign(new UserEntity(), {
      id: randomUUID(),
      email: input.email,
      name: input.name.trim(),
      role: input.role,
      programIds,
      organizerId: input.role === 'organizer' ? (input.organizerId ?? null) : null,
      revokedAt: null,
    });
    const created = await this.users.insert(
      user,
      {
        actor: caller.id,
        programId: user.programIds[0] ?? null,
        kind: 'user-created',
        subject: user.id,
        after: {
          email: user.email,
          name: user.name,
          role: user.role,
          programIds: user.programIds,
          organizerId: user.organizerId,
        },
      },
      token
        ? { id: randomUUID(), userId: user.id, name: 'API token', tokenHash: hashToken(token), expiresAt: null }
        : undefined,
    );
    if (!created) throw new ConflictError(`a user with email ${user.email} already exists`);
    const invitedUntil = await this.signIn.invite(user, caller.id).catch((error: Error) => {
      this.logger.error(`the invitation to a new user could not be sent: ${error.message}`);
      return undefined;
    });
    return { ...toUserDto(user), token, invitedUntil: invitedUntil?.toISOString() ?? null };
  }

  /** Emails the user a new invitation (a sign-in link good for days); the one sent before still works until used. */
  async invite(userId: string, caller: Caller): Promise<InvitationDto> {
    const user = await this.users.byId(userId);
    if (!user) throw new NotFoundError(`no user ${userId}`);
    await this.assertManages(caller, user.role, user.organizerId);
    if (user.revokedAt) throw new ConflictError('this user is revoked: an invitation would not let them in');
    const invitedUntil = await this.signIn.invite(user, caller.id);
    if (!invitedUntil) throw new ConflictError('email is not set up here (SMTP_URL): no invitation can be sent');
    return { invitedUntil: invitedUntil.toISOString() };
  }
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    programIds: user.programIds,
    organizerId: user.organizerId,
    revokedAt: user.revokedAt ? user.revokedAt.toISOString() : null,
  };
}
