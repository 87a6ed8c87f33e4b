import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';
import { Health, HealthService } from './health.service';
import { Operation } from '../common/openapi';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process answers (liveness: restart it when this fails). Checks nothing else. Needs no token. */
  @Operation('getLiveness', 'The API process answers (no token needed)')
  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The API process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: whether Temporal and PostgreSQL answer; 503 when either does not (send no traffic, but do not
   * restart: the API comes back by itself when they do), and from SIGTERM on (`stopping`: a deploy replaces it).
   * Needs no token. `GET /api/health` answers the same.
   */
  @Operation('getReadiness', 'Whether Temporal and PostgreSQL answer (no token needed)')
  @Get('ready')
  @Public()
  @ApiOkResponse({ description: 'Temporal and PostgreSQL both answer' })
  @ApiServiceUnavailableResponse({ description: 'Temporal or PostgreSQL does not answer, or the process is stopping' })
  ready(@Res({ passthrough: true }) response: Response): Promise<Health> {
    return this.check(response);
  }

  /** The same as `ready`, at the path the API contract gives it. */
  @Operation('getHealth', 'Whether Temporal and PostgreSQL answer, as /api/health/ready (no token needed)')
  @Get()
  @Public()
  @ApiOkResponse({ description: 'Temporal and PostgreSQL both answer' })
  @ApiServiceUnavailableResponse({ description: 'Temporal or PostgreSQL does not answer, or the process is stopping' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const health = await this.health.check();
    if (health.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
