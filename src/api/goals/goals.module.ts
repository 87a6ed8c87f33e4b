import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

@Module({
  imports: [ProgramsModule],
  controllers: [GoalsController],
  providers: [GoalsService],
})
export class GoalsModule {}
