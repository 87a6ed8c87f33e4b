import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { UnsupportedMediaTypeError } from '../common/errors';
import { WeekParam, IdParam } from '../common/id-param';
import {
  CreateProgramDto,
  MakeReportDto,
  ProgramDto,
  ProgramListDto,
  ReportListQuery,
  RosterImportDto,
  UpdateProgramDto,
  WeeklyReportDto,
  WeeklyReportListDto,
} from './programs.dto';
import { ProgramsService } from './programs.service';
import { RosterService } from './roster.service';
import { Operation } from '../common/openapi';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly roster: RosterService,
  ) {}

  /** Creates a program; its policy is the preset of its kind merged with the fields given. */
  @Operation('createProgram', "Create a program on its kind's preset policy")
  @Post()
  @HttpCode(201)
  @Allow('national')
  @ApiCreatedResponse({ type: ProgramDto })
  create(@Body() body: CreateProgramDto, @CurrentCaller() caller: Caller): Promise<ProgramDto> {
    return this.programs.create(body, caller);
  }

  /** The programs the caller may read. */
  @Operation('listPrograms', 'The programs the caller may read')
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: ProgramListDto })
  list(@CurrentCaller() caller: Caller): Promise<ProgramListDto> {
    return this.programs.list(caller);
  }

  @Operation('getProgram', 'One program with its policy, term and goals')
  @Get(':programId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: ProgramDto })
  get(@IdParam('programId', 'program') id: string, @CurrentCaller() caller: Caller): Promise<ProgramDto> {
    return this.programs.get(id, caller);
  }

  /** Changes policy, goals or term end; running organizers get a new policy from their next period. */
  @Operation('updateProgram', "Change a program's policy, goals, term end or contact; running organizers follow")
  @Patch(':programId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: ProgramDto })
  update(
    @IdParam('programId', 'program') id: string,
    @Body() body: UpdateProgramDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ProgramDto> {
    return this.programs.update(id, body, caller);
  }

  /** The weekly reports to national, newest first. */
  @Operation('listWeeklyReports', "A program's weekly reports to national, newest first")
  @Get(':programId/reports')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: WeeklyReportListDto })
  reports(
    @IdParam('programId', 'program') id: string,
    @Query() query: ReportListQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<WeeklyReportListDto> {
    return this.programs.reports(id, query, caller);
  }

  /** One week's report, by any day of the week (or the debrief period that counts as one), as the list's `weekOf`. */
  @Operation('getWeeklyReport', "One week's report to national, by a day of the week or its debrief period")
  @Get(':programId/reports/:weekOf')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: WeeklyReportDto })
  report(
    @IdParam('programId', 'program') id: string,
    @WeekParam('weekOf', 'report') weekOf: string,
    @CurrentCaller() caller: Caller,
  ): Promise<WeeklyReportDto> {
    return this.programs.report(id, weekOf, caller);
  }

  /** Makes a past week's report now, as the Monday Schedule would have (and emails it, once). */
  @Operation('makeWeeklyReport', "Make a past week's report to national now (national, admin)")
  @Post(':programId/reports')
  @Allow('national')
  @ApiCreatedResponse({ type: WeeklyReportDto })
  makeReport(
    @IdParam('programId', 'program') id: string,
    @Body() body: MakeReportDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WeeklyReportDto> {
    return this.programs.makeReport(id, body.weekOf, caller);
  }

  /** Replaces the program's member roster from a CSV (memberId, name, local, status). */
  @Operation('importRoster', "Replace a program's roster from a CSV; refused lines are listed", 413)
  @Post(':programId/roster')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'memberId,name,local,status\nM-1001,Rosa Díaz,Local 12,active\n' } })
  @ApiOkResponse({ type: RosterImportDto })
  importRoster(
    @IdParam('programId', 'program') id: string,
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
  ): Promise<RosterImportDto> {
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('text/csv')) {
      throw new UnsupportedMediaTypeError('the roster must be sent as text/csv');
    }
    return this.roster.import(id, request, Number(request.headers['content-length'] ?? 0), caller);
  }
}
