import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';
import { Health, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Whether Temporal and PostgreSQL answer; 503 when either does not. Needs no token. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'Temporal and PostgreSQL both answer' })
  @ApiServiceUnavailableResponse({ description: 'Temporal or PostgreSQL does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const health = await this.health.check();
    if (health.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
