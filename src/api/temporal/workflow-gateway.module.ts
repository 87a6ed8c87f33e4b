import { Global, Module } from '@nestjs/common';
import { TemporalClientModule } from '../../temporal/temporal-client.module';
import { WorkflowGateway } from './workflow.gateway';

@Global()
@Module({ imports: [TemporalClientModule], providers: [WorkflowGateway], exports: [WorkflowGateway] })
export class WorkflowGatewayModule {}
