import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { languageAsked, languageFromHeader } from '../../domain/languages';
import type { Request } from 'express';
import { Public } from '../auth/access.decorator';
import { IdParam } from '../common/id-param';
import { InterestAcceptedDto, InterestDto, LanguageQueryDto, PublicProgramDto } from './public.dto';
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
  program(
    @IdParam('programId', 'program') programId: string,
    @Query() { lang }: LanguageQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicProgramDto> {
    return this.publicForm.program(programId, languageAsked(lang, acceptLanguage));
  }

  /** An application from the public form: the same 202 for every accepted submission. */
  @Operation('submitInterest', 'Apply through the public interest form (no token needed)')
  @Post('interest')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: InterestAcceptedDto })
  @ApiResponse({ status: 422, description: 'The form is not open now' })
  @ApiResponse({ status: 429, description: 'Too many submissions (from the address, for the member id, or in all)' })
  // Checked by the service, so that a member reads what is wrong in their language.
  @ApiBody({ type: InterestDto })
  interest(
    @IdParam('programId', 'program') programId: string,
    @Body() body: object | undefined,
    @Req() request: Request,
  ): Promise<InterestAcceptedDto> {
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    return this.publicForm.interest(programId, body, address, languageFromHeader(request.headers['accept-language']));
  }
}
