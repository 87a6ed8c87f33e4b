import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { LinksController, OrganizerLinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({
  imports: [OrganizersModule, MailModule],
  controllers: [LinksController, OrganizerLinksController],
  providers: [LinksService],
})
export class LinksModule {}
