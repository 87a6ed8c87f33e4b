// Programs as other reads need them (their names, policies and zones), without the programs service's rules.
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ProgramEntity } from '../entities';

@Injectable()
export class ProgramRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** These programs (every one when `ids` is undefined): id, name, policy and time zone. */
  summaries(ids: string[] | undefined): Promise<Pick<ProgramEntity, 'id' | 'name' | 'policy' | 'timezone'>[]> {
    return this.dataSource.getRepository(ProgramEntity).find({
      where: ids ? { id: In(ids) } : {},
      select: { id: true, name: true, policy: true, timezone: true },
    });
  }
}
