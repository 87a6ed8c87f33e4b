// Users (staff and organizers' accounts): their rows, found by token hash, by program, or by id.
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ProgramEntity, UserEntity } from '../entities';
import { type AuditEntry, AuditRepository } from './audit.repository';
import { type NewToken, PersonalTokenRepository } from './personal-token.repository';

@Injectable()
export class UserRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly tokens: PersonalTokenRepository,
  ) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** A program's accounts (its coordinators and its organizers), or every account; by role, then name. */
  list(programId: string | undefined): Promise<UserEntity[]> {
    if (!programId) return this.users.find({ order: { role: 'ASC', name: 'ASC' } });
    return this.users
      .createQueryBuilder('u')
      .where(':program = ANY (u.program_ids)', { program: programId })
      .orWhere('u.organizer_id IN (SELECT id FROM organizers WHERE program_id = :program)')
      .orderBy('u.role')
      .addOrderBy('u.name')
      .getMany();
  }

  /** The user of an email address (any case), unless revoked. */
  async byEmail(email: string): Promise<{ id: string; name: string; email: string } | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT id, name, email FROM users WHERE lower(email) = lower($1) AND revoked_at IS NULL',
      [email],
    );
    return row;
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** Revokes the user's token now; a revoked one stays as it was. */
  async revoke(id: string, audit: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(audit, manager);
    });
  }

  /**
   * Inserts the user, with their API token if they have one, and its audit entry, all or nothing; false when one with
   * that email exists already (nothing is written then).
   */
  async insert(user: UserEntity, audit: AuditEntry, token?: NewToken): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values(user)
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      if (token) await this.tokens.insert(token, manager);
      await this.audit.record(audit, manager);
      return true;
    });
  }

  /** How many of these program ids name a program. */
  programsExisting(ids: string[]): Promise<number> {
    return this.dataSource.getRepository(ProgramEntity).count({ where: ids.map((id) => ({ id })) });
  }
}
