import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/configuration';
import { Mailer } from '../../mail/mailer';
import { NotFoundError } from '../common/errors';
import { Operation } from '../common/openapi';
import { Public } from './access.decorator';
import { deviceOf } from './device';
import { cookieOf, sessionCookie, setSessionCookie } from './session-cookie';
import { SignInOptionsDto } from './sign-in.dto';
import { say } from '../../words/say';
import {
  attemptMinutes,
  returnPath,
  singleSignOnFailures,
  SingleSignOnError,
  SingleSignOnService,
} from './single-sign-on';

/** The cookie a browser keeps while it is at the provider; sent back only to the callback. */
const attemptCookie = 'op_sso';
const attemptCookiePath = '/api/auth/oidc';

const redirected = { status: 303, description: 'To the provider, or back to the page (`?signInFailed=` why not)' };

@ApiTags('auth')
@Controller('auth')
export class SingleSignOnController {
  constructor(
    private readonly singleSignOn: SingleSignOnService,
    private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  @Operation('getSignInOptions', 'The ways to sign in here: by email link, by single sign-on')
  @Get('options')
  @Public()
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsDto {
    const settings = this.singleSignOn.settings;
    return {
      email: this.mailer.enabled,
      singleSignOn: settings
        ? {
            name: settings.name,
            startUrl: '/api/auth/oidc/start',
            failures: Object.fromEntries(
              singleSignOnFailures.map((reason) => [
                reason,
                say(`singleSignOnFailed.${reason}`, { provider: settings.name }),
              ]),
            ),
          }
        : null,
    };
  }

  /** Sends the browser to the provider (404 when single sign-on is not configured). */
  @Operation('startSingleSignOn', 'Sign in with the single sign-on provider: redirects there', 404)
  @Get('oidc/start')
  @Public()
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path on this site to go to once signed in' })
  @ApiResponse(redirected)
  async start(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const settings = this.singleSignOn.settings;
    if (!settings) throw new NotFoundError('single sign-on is not configured here');
    try {
      const { url, secret } = await this.singleSignOn.start(settings, returnPath(returnTo));
      response.cookie(attemptCookie, secret, {
        httpOnly: true,
        // Lax: the provider sends the browser back by a top-level GET, which carries Lax cookies.
        sameSite: 'lax',
        secure: this.secure,
        path: attemptCookiePath,
        maxAge: attemptMinutes * 60_000,
      });
      response.redirect(303, url);
    } catch (error) {
      this.failed(response, error);
    }
  }

  /** The provider sends the browser back here: signs in and goes on to the page, or back to sign-in saying why not. */
  @Operation('finishSingleSignOn', "The single sign-on provider's answer: signs in, then redirects to the page", 404)
  @Get('oidc/callback')
  @Public()
  @ApiResponse(redirected)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const settings = this.singleSignOn.settings;
    if (!settings) throw new NotFoundError('single sign-on is not configured here');
    response.clearCookie(attemptCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: attemptCookiePath,
    });
    try {
      const at = request.originalUrl.indexOf('?');
      const { secret, returnTo } = await this.singleSignOn.finish(
        settings,
        at < 0 ? '' : request.originalUrl.slice(at),
        {
          secret: cookieOf(request, attemptCookie),
          device: deviceOf(request.headers['user-agent']),
          replacing: cookieOf(request, sessionCookie),
        },
      );
      setSessionCookie(response, secret, this.config.sessions.maxMs, this.secure);
      response.redirect(303, `${this.config.publicUrl}${returnTo}`);
    } catch (error) {
      this.failed(response, error);
    }
  }

  private failed(response: Response, error: unknown): void {
    if (!(error instanceof SingleSignOnError)) throw error;
    response.redirect(303, `${this.config.publicUrl}/?signInFailed=${error.reason}`);
  }
}
