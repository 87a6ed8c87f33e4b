import { Module } from '@nestjs/common';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { RosterService } from './roster.service';

@Module({ controllers: [ProgramsController], providers: [ProgramsService, RosterService], exports: [ProgramsService] })
export class ProgramsModule {}
