import { Module } from '@nestjs/common';
import { GoalProgressRepository } from '../../repositories/goal-progress.repository';
import { ProgramsModule } from '../programs/programs.module';
import { TrendsController } from './trends.controller';
import { TrendsService } from './trends.service';

@Module({
  imports: [ProgramsModule],
  controllers: [TrendsController],
  providers: [TrendsService, GoalProgressRepository],
})
export class TrendsModule {}
