import { Global, Module } from '@nestjs/common';
import { ProductMetrics } from '../../metrics/product-metrics';
import { ApiMetrics } from './api-metrics';

@Global()
@Module({
  providers: [ApiMetrics, { provide: ProductMetrics, useExisting: ApiMetrics }],
  exports: [ApiMetrics, ProductMetrics],
})
export class MetricsModule {}
