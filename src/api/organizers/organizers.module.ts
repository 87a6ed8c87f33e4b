import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { ProgramsModule } from '../programs/programs.module';
import { ApplicationsController, NotificationsController, OrganizersController } from './organizers.controller';
import { OrganizersService } from './organizers.service';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { PayRepository } from '../../repositories/pay.repository';
import { UnstoredWritesRepository } from '../../repositories/unstored-writes.repository';

@Module({
  imports: [ProgramsModule, MailModule],
  controllers: [ApplicationsController, OrganizersController, NotificationsController],
  providers: [OrganizersService, OrganizerRepository, PayRepository, UnstoredWritesRepository],
  exports: [OrganizersService],
})
export class OrganizersModule {}
