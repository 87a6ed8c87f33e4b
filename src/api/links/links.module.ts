import { Module } from '@nestjs/common';
import { LinkMessenger } from '../../mail/link-messenger';
import { Mailer } from '../../mail/mailer';
import { LinkRepository } from '../../repositories/link.repository';
import { OrganizersModule } from '../organizers/organizers.module';
import { LinksController, OrganizerLinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({
  imports: [OrganizersModule],
  controllers: [LinksController, OrganizerLinksController],
  providers: [LinksService, LinkRepository, LinkMessenger, Mailer],
  exports: [LinkMessenger, Mailer],
})
export class LinksModule {}
