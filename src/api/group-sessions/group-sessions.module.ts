import { Module } from '@nestjs/common';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { OrganizersModule } from '../organizers/organizers.module';
import { ProgramsModule } from '../programs/programs.module';
import { GroupSessionsController } from './group-sessions.controller';
import { GroupSessionsService } from './group-sessions.service';

@Module({
  imports: [ProgramsModule, OrganizersModule],
  controllers: [GroupSessionsController],
  providers: [GroupSessionsService, OrganizerRepository],
})
export class GroupSessionsModule {}
