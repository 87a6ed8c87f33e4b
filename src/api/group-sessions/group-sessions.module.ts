import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { OrganizersModule } from '../organizers/organizers.module';
import { ProgramsModule } from '../programs/programs.module';
import { GroupSessionsController } from './group-sessions.controller';
import { GroupSessionsService } from './group-sessions.service';
import { SessionInvitation } from './session-invitation';

@Module({
  imports: [ProgramsModule, OrganizersModule, MailModule],
  controllers: [GroupSessionsController],
  providers: [GroupSessionsService, SessionInvitation, OrganizerRepository],
})
export class GroupSessionsModule {}
