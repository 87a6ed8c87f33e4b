import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { InboxService } from './inbox.service';

@Module({ controllers: [InboxController], providers: [InboxService, OrganizerRepository] })
export class InboxModule {}
