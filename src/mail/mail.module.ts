import { Module } from '@nestjs/common';
import { LinkRepository } from '../repositories/link.repository';
import { LinkMessenger } from './link-messenger';
import { Mailer } from './mailer';

/** Email and the signed links it carries, for the API's modules. */
@Module({
  providers: [Mailer, LinkRepository, LinkMessenger],
  exports: [Mailer, LinkRepository, LinkMessenger],
})
export class MailModule {}
