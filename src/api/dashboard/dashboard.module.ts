import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({ imports: [ProgramsModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
