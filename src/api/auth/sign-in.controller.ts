import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/configuration';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { Allow, Public } from './access.decorator';
import { CurrentCaller, type Caller } from './caller';
import { deviceOf } from './device';
import { clearSessionCookie, cookieOf, sessionCookie, setSessionCookie } from './session-cookie';
import {
  AuthMeDto,
  EmailSignInDto,
  SessionListDto,
  EndedDto,
  SignInRequestedDto,
  VerifySignInDto,
} from './sign-in.dto';
import { SignInService } from './sign-in.service';

const everyone = ['national', 'coordinator', 'organizer'] as const;

@ApiTags('auth')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  @Operation('requestSignInLink', 'Email a sign-in link to this address if it has an account', 429)
  @Post('email')
  @HttpCode(202)
  @Public()
  @ApiOkResponse({ type: SignInRequestedDto })
  request(@Body() body: EmailSignInDto, @Req() request: Request): Promise<SignInRequestedDto> {
    return this.signIn.requestLink(body.email, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }

  /** Uses a sign-in link (once): sets the session cookie and answers who signed in. */
  @Operation('verifySignInLink', 'Sign in with the link sent by email (sets the session cookie)', 410)
  @Post('email/verify')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: AuthMeDto })
  async verify(
    @Body() body: VerifySignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthMeDto> {
    const { secret, user } = await this.signIn.verify(body.token, {
      device: deviceOf(request.headers['user-agent']),
      address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      replacing: cookieOf(request, sessionCookie),
    });
    setSessionCookie(response, secret, this.config.sessions.maxMs, this.secure);
    return this.signIn.me(user);
  }

  @Operation('getSignedIn', 'Who is signed in, and the token that guards changes made with the session cookie')
  @Get('me')
  @ApiBearerAuth()
  @Allow(...everyone)
  @ApiOkResponse({ type: AuthMeDto })
  me(@CurrentCaller() caller: Caller): Promise<AuthMeDto> {
    return this.signIn.me(caller);
  }

  @Operation('listSessions', 'My signed-in browsers')
  @Get('sessions')
  @ApiBearerAuth()
  @Allow(...everyone)
  @ApiOkResponse({ type: SessionListDto })
  async sessions(@CurrentCaller() caller: Caller): Promise<SessionListDto> {
    return { items: await this.signIn.list(caller) };
  }

  @Operation('revokeSession', 'End one signed-in browser (mine; an admin: anyone’s)', 404)
  @Post('sessions/:sessionId/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @Allow(...everyone)
  @ApiOkResponse({ type: EndedDto })
  async revoke(@IdParam('sessionId', 'session') sessionId: string, @CurrentCaller() caller: Caller): Promise<EndedDto> {
    await this.signIn.revoke(sessionId, caller);
    return { ended: 1 };
  }

  @Operation('signOut', 'Sign this browser out')
  @Post('sign-out')
  @HttpCode(200)
  @ApiBearerAuth()
  @Allow(...everyone)
  @ApiOkResponse({ type: EndedDto })
  async signOut(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<EndedDto> {
    clearSessionCookie(response, this.secure);
    return { ended: await this.signIn.signOut(caller) };
  }

  @Operation('signOutEverywhere', 'Sign out every browser of mine')
  @Post('sign-out-everywhere')
  @HttpCode(200)
  @ApiBearerAuth()
  @Allow(...everyone)
  @ApiOkResponse({ type: EndedDto })
  async signOutEverywhere(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EndedDto> {
    clearSessionCookie(response, this.secure);
    return { ended: await this.signIn.signOutEverywhere(caller) };
  }
}
