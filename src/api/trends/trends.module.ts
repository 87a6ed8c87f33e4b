import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { TrendsController } from './trends.controller';
import { TrendsService } from './trends.service';

@Module({
  imports: [ProgramsModule],
  controllers: [TrendsController],
  providers: [TrendsService],
})
export class TrendsModule {}
