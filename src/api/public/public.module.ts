import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { ProgramsModule } from '../programs/programs.module';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';

@Module({
  imports: [ProgramsModule, OrganizersModule, MailModule],
  controllers: [PublicController],
  providers: [PublicService],
})
export class PublicModule {}
