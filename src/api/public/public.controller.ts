import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorator';
import { IdParam } from '../common/id-param';
import { InterestAcceptedDto, InterestDto, PublicProgramDto } from './public.dto';
import { PublicService } from './public.service';
import { Operation } from '../common/openapi';

/** The public interest form's routes: no account. */
@ApiTags('public')
@Controller('public/programs/:programId')
export class PublicController {
  constructor(private readonly publicForm: PublicService) {}

  @Operation('getPublicProgram', 'What the public interest form of a program shows (no token needed)')
  @Get()
  @Public()
  @ApiOkResponse({ type: PublicProgramDto })
  program(@IdParam('programId', 'program') programId: string): Promise<PublicProgramDto> {
    return this.publicForm.program(programId);
  }

  /** An application from the public form: the same 202 for every accepted submission. */
  @Operation('submitInterest', 'Apply through the public interest form (no token needed)')
  @Post('interest')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: InterestAcceptedDto })
  @ApiResponse({ status: 422, description: 'The form is not open now' })
  @ApiResponse({ status: 429, description: 'Too many submissions (from the address, for the member id, or in all)' })
  interest(
    @IdParam('programId', 'program') programId: string,
    @Body() body: InterestDto,
    @Req() request: Request,
  ): Promise<InterestAcceptedDto> {
    return this.publicForm.interest(programId, body, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }
}
