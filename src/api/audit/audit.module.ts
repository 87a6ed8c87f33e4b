import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '../../repositories/audit.repository';
import { ProgramsModule } from '../programs/programs.module';
import { AuditController } from './audit.controller';

@Global()
@Module({
  imports: [ProgramsModule],
  controllers: [AuditController],
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class AuditModule {}
