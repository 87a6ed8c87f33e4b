import { Module } from '@nestjs/common';
import { PayRepository } from '../../repositories/pay.repository';
import { AuditModule } from '../audit/audit.module';
import { ProgramsModule } from '../programs/programs.module';
import { PayController } from './pay.controller';
import { PayService } from './pay.service';

@Module({
  imports: [ProgramsModule, AuditModule],
  controllers: [PayController],
  providers: [PayService, PayRepository],
})
export class PayModule {}
