import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/configuration';

@Injectable()
class TemporalClientShutdown implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/**
 * The Temporal client for the API. The connection is lazy: the API starts (and its health says `temporal: down`)
 * while Temporal is unreachable, and connects once it answers.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Client({ connection: Connection.lazy({ address: config.temporal.address }), namespace: config.temporal.namespace }),
    },
    TemporalClientShutdown,
  ],
  exports: [Client],
})
export class TemporalClientModule {}
