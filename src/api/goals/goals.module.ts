import { Module } from '@nestjs/common';
import { GoalProgressRepository } from '../../repositories/goal-progress.repository';
import { ProgramsModule } from '../programs/programs.module';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

@Module({
  imports: [ProgramsModule],
  controllers: [GoalsController],
  providers: [GoalsService, GoalProgressRepository],
})
export class GoalsModule {}
