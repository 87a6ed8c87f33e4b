import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { validationPipe } from './common/validation';
import { DashboardModule } from './dashboard/dashboard.module';
import { GroupSessionsModule } from './group-sessions/group-sessions.module';
import { GoalsModule } from './goals/goals.module';
import { PayModule } from './pay/pay.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { InboxModule } from './inbox/inbox.module';
import { LinksModule } from './links/links.module';
import { NotesModule } from './notes/notes.module';
import { OrganizersModule } from './organizers/organizers.module';
import { ProgramsModule } from './programs/programs.module';
import { PublicModule } from './public/public.module';
import { RehearsalsModule } from './rehearsals/rehearsals.module';
import { TrendsModule } from './trends/trends.module';
import { StagesModule } from './stages/stages.module';
import { WorkflowGatewayModule } from './temporal/workflow-gateway.module';

/** The HTTP API: reads PostgreSQL, writes through Temporal. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalClientModule,
        WorkflowGatewayModule,
        AuthModule,
        AuditModule,
        HealthModule,
        ProgramsModule,
        NotesModule,
        OrganizersModule,
        GroupSessionsModule,
        InboxModule,
        DashboardModule,
        StagesModule,
        LinksModule,
        PublicModule,
        GoalsModule,
        PayModule,
        RehearsalsModule,
        TrendsModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
