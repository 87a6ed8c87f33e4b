import { Injectable } from '@nestjs/common';
import { GoalProgressRepository } from '../../repositories/goal-progress.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { ProgramsService } from '../programs/programs.service';
import { GoalProgressListDto } from './goals.dto';

@Injectable()
export class GoalsService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly progress: GoalProgressRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(programId: string, caller: Caller): Promise<GoalProgressListDto> {
    const program = await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return { items: await this.progress.progress(program) };
  }
}
