import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '../../repositories/audit.repository';
import type { AuditView } from '../../repositories/audit.repository';
import { Allow } from '../auth/access.decorator';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { Limit, Offset } from '../common/fields';
import { IdParam } from '../common/id-param';
import { ProgramsService } from '../programs/programs.service';
import { Operation } from '../common/openapi';

export class AuditQuery {
  @Limit(50) limit: number = 50;
  @Offset() offset: number = 0;
}

export class AuditEntryDto implements AuditView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The user who acted (their id), or bootstrap-admin' }) actor: string;
  @ApiPropertyOptional({ description: "The acting person's name (a user's, or the organizer's own)" })
  actorName?: string;
  @ApiProperty({
    description:
      'Who acted, in words: a person by name and role ("Ana Ruiz, coordinator"), or "the system", "the public form"',
  })
  actorInWords: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programId: string | null;
  @ApiProperty({
    example: 'policy-changed',
    description:
      'application, an action, program-created, program-changed, roster-imported, user-created, user-revoked',
  })
  kind: string;
  @ApiProperty({ description: 'What it was done to: an organizer, a program or a user (id)' }) subject: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) before?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) after?: Record<string, unknown>;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
}

/** Who changed what, when: every application, action, program change, roster import and user, newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditRepository,
    private readonly programs: ProgramsService,
    private readonly access: AccessPolicy,
  ) {}

  /** The program's audit trail, newest first. */
  @Operation('listProgramAudit', "A program's audit trail, newest first")
  @Get('programs/:programId/audit')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: AuditListDto })
  async program(
    @IdParam('programId', 'program') programId: string,
    @Query() query: AuditQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<AuditListDto> {
    await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return this.audit.list(programId, query);
  }

  /** Everything, users created and revoked included. */
  @Operation('listAudit', 'The whole audit trail, newest first (admin)')
  @Get('audit')
  @Allow('admin')
  @ApiOkResponse({ type: AuditListDto })
  all(@Query() query: AuditQuery): Promise<AuditListDto> {
    return this.audit.list(undefined, query);
  }
}
