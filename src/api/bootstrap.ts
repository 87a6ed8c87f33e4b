import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/configuration';
import { AppModule } from './app.module';
import { requestLog } from './common/request-log';

export const bodyLimit = '1mb';

/** Everything main.ts and the HTTP tests share: the app, its prefix, body limits and OpenAPI. */
export async function createApp(config: AppConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.use(requestLog);
  app.useBodyParser('json', { limit: bodyLimit });
  app.setGlobalPrefix('api');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Organizer Pipeline').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
