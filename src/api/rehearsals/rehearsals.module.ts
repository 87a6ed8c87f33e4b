import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { RehearsalsController } from './rehearsals.controller';
import { RehearsalsService } from './rehearsals.service';

@Module({
  imports: [ProgramsModule],
  controllers: [RehearsalsController],
  providers: [RehearsalsService],
})
export class RehearsalsModule {}
