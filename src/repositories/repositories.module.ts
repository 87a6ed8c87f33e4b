// The repositories every process may need, once for the whole application: the API, the worker and the commands all
// import the database module, which brings this one.
import { Global, Module } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository';
import { HealthRepository } from './health.repository';
import { NotificationRepository } from './notification.repository';

const repositories = [DeliveryRepository, HealthRepository, NotificationRepository];

@Global()
@Module({ providers: repositories, exports: repositories })
export class RepositoriesModule {}
