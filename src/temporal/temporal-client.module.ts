import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { AppConfig } from '../config/configuration';
import { DataKeyRepository } from '../repositories/data-key.repository';
import { MemberDataCodec, memberDataConverter } from './member-data-codec';

@Injectable()
class TemporalClientShutdown implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

const resourceExhausted = 8;

/**
 * How the API's calls retry. The server admits at most 10 updates in flight per workflow and refuses more with
 * RESOURCE_EXHAUSTED: those are retried soon and often (jittered, from 50 ms up to 1 s apart) until the call's own
 * deadline, rather than the SDK's default of ten tries starting a second apart; other retryable failures as the SDK
 * does.
 */
export const apiRetryInterceptor = makeGrpcRetryInterceptor(
  defaultGrpcRetryOptions({
    maxAttempts: 100,
    maxJitter: 0.5,
    initialIntervalMs: ({ code }) => (code === resourceExhausted ? 50 : 100),
    maxIntervalMs: ({ code }) => (code === resourceExhausted ? 1_000 : 5_000),
  }),
);

/**
 * The Temporal client (with the codec that encrypts members' data). The connection is lazy: the API starts (and its
 * health says `temporal: down`) while Temporal is unreachable, and connects once it answers.
 */
@Global()
@Module({
  providers: [
    DataKeyRepository,
    MemberDataCodec,
    {
      provide: Client,
      inject: [AppConfig, MemberDataCodec],
      useFactory: (config: AppConfig, codec: MemberDataCodec) =>
        new Client({
          connection: Connection.lazy({ ...config.temporal.connection, interceptors: [apiRetryInterceptor] }),
          namespace: config.temporal.namespace,
          dataConverter: memberDataConverter(codec),
        }),
    },
    TemporalClientShutdown,
  ],
  exports: [Client, MemberDataCodec, DataKeyRepository],
})
export class TemporalClientModule {}
