// Request limits every API replica shares (issue 34): a sliding log of each key's hits in PostgreSQL, kept for its
// window. A hit is counted and taken in one statement (the row's lock orders two replicas' hits on one key), on
// PostgreSQL's clock, so replicas and restarts see one count.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The hits of `rate_limits` r within the window of $2 ms before this statement. */
const recent = `SELECT h FROM unnest(r.hits) AS h WHERE h > statement_timestamp() - $2 * interval '1 millisecond'`;

/** Seconds until the hit `h` leaves the window of $2 ms. */
const secondsUntilGone = (h: string) =>
  `greatest(1, ceil(extract(epoch FROM ${h} + $2 * interval '1 millisecond' - statement_timestamp())))::int`;

// Taken when fewer than $3 hits of $1 fell within the window; otherwise the hits stay as they were, and the wait is
// until the $3-th newest leaves it.
const take = `
  INSERT INTO rate_limits AS r (key, hits, expires_at)
  VALUES ($1, ARRAY[statement_timestamp()], statement_timestamp() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = ARRAY(${recent} ORDER BY h)
      || CASE WHEN (SELECT count(*) FROM (${recent}) x) < $3 THEN ARRAY[statement_timestamp()] END,
    expires_at = statement_timestamp() + $2 * interval '1 millisecond'
  RETURNING hits[cardinality(hits)] = statement_timestamp() AS taken,
    ${secondsUntilGone('hits[cardinality(hits) - $3 + 1]')} AS wait`;

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts a hit for `key` if fewer than `limit` fell in the last `windowMs`: undefined, or the seconds to wait. */
  async take(key: string, limit: number, windowMs: number): Promise<number | undefined> {
    const [row]: { taken: boolean; wait: number }[] = await this.dataSource.query(take, [key, windowMs, limit]);
    // Keys nobody has used for a window are dropped now and then, beside the requests (never failing one).
    if (Math.random() < 0.01)
      void this.dataSource.query(`DELETE FROM rate_limits WHERE expires_at < now()`).catch(() => undefined);
    return row.taken ? undefined : row.wait;
  }
}
