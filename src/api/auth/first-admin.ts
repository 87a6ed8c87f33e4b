// ADMIN_EMAIL: the first admin, made when the API starts if no user has that address, and sent a sign-in link. Of
// several API processes starting at once, the one whose insert lands sends it.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { UserEntity } from '../../entities';
import { UserRepository } from '../../repositories/user.repository';
import { SignInService } from './sign-in.service';

@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly signIn: SignInService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.adminEmail;
    if (!email) return;
    const user: UserEntity = Object.assign(new UserEntity(), {
      id: randomUUID(),
      email,
      name: email.split('@')[0],
      role: 'admin',
      programIds: [],
      organizerId: null,
      revokedAt: null,
    });
    const audit = {
      actor: 'system',
      programId: null,
      kind: 'user-created',
      subject: user.id,
      after: { email, role: 'admin' },
    };
    if (!(await this.users.insert(user, audit))) return;
    const until = await this.signIn.invite(user, 'system').catch((error: Error) => {
      this.logger.error(`ADMIN_EMAIL: made the first admin, but the invitation could not be sent: ${error.message}`);
      return null;
    });
    if (until === null) return;
    this.logger.log(
      until
        ? `ADMIN_EMAIL: made the first admin and emailed them a sign-in link`
        : `ADMIN_EMAIL: made the first admin; email is off (no SMTP_URL, no MAIL_OUTBOX), so no link was sent`,
    );
  }
}
