import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { ProgramsModule } from '../programs/programs.module';
import { PageWordsController } from './page-words.controller';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';

@Module({
  imports: [ProgramsModule, OrganizersModule, MailModule],
  controllers: [PublicController, PageWordsController],
  providers: [PublicService],
})
export class PublicModule {}
