import { Global, Injectable, Module } from '@nestjs/common';
import type { MetricCounter, MetricHistogram } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import { ProductMetrics, type Series } from '../metrics/product-metrics';

/**
 * The product's series in the worker: through the Temporal runtime's meter, so its Prometheus exporter
 * (WORKER_METRICS_PORT) serves them beside the SDK's own. Made at first use, after worker.ts installed the runtime.
 */
@Injectable()
export class RuntimeMetrics extends ProductMetrics {
  private readonly counters = new Map<string, MetricCounter>();
  private readonly histograms = new Map<string, MetricHistogram>();

  protected count(series: Series, labels: Record<string, string>): void {
    let counter = this.counters.get(series.name);
    if (!counter) {
      counter = Runtime.instance().metricMeter.createCounter(series.name, undefined, series.help);
      this.counters.set(series.name, counter);
    }
    counter.add(1, labels);
  }

  protected observe(series: Series, value: number, labels: Record<string, string>): void {
    let histogram = this.histograms.get(series.name);
    if (!histogram) {
      histogram = Runtime.instance().metricMeter.createHistogram(series.name, 'float', 's', series.help);
      this.histograms.set(series.name, histogram);
    }
    histogram.record(value, labels);
  }
}

@Global()
@Module({ providers: [{ provide: ProductMetrics, useClass: RuntimeMetrics }], exports: [ProductMetrics] })
export class RuntimeMetricsModule {}
