import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { goalMetrics, goalScopes } from '../../domain/goals';
import { type ProgramKind, policyPresets, programKinds, requirableAttestations } from '../../domain/policy';
import { acceptedIn, actions, mayTake } from '../../domain/stage-machine';
import { actionDefinitions } from '../../domain/lifecycle/by-action';
import { formFieldsOf } from '../../domain/forms';
import { FormDto } from '../common/form.dto';
import type { Action } from '../../domain/stage-machine';
import { isClosed, stages } from '../../domain/stages';
import { formInWords } from '../../words/forms';
import { say } from '../../words/say';
import type { Stage } from '../../domain/stages';
import { Allow } from '../auth/access.decorator';
import { Operation } from '../common/openapi';

export class StageDto {
  @ApiProperty({ enum: stages }) name: Stage;
  @ApiProperty({ example: 'Role-play' }) label: string;
  @ApiProperty({ description: 'false: a closed stage, final' }) open: boolean;
}

export class ActionDto {
  @ApiProperty({ enum: actions }) name: Action;
  @ApiProperty({ example: 'Schedule screening' }) label: string;
  @ApiProperty({ enum: stages, isArray: true, description: 'The stages that accept it' }) stages: Stage[];
  @ApiProperty({ description: 'Whether an organizer may take it on their own record (coordinators take every action)' })
  organizerMay: boolean;
  @ApiProperty({
    type: FormDto,
    description:
      "Its form as it stands for any record, without what a record names (a role-play's scores, a plan's targets, a " +
      "time sheet's lines); an organizer's detail (actionForms) gives the whole form for that record",
  })
  form: FormDto;
}

export class AttestationDto {
  @ApiProperty({ example: 'currentMember' }) name: string;
  @ApiProperty({ example: 'A member in good standing' }) label: string;
}

export class StagesDto {
  @ApiProperty({ type: [StageDto], description: 'Every stage, in the order of the pipeline (open stages first)' })
  items: StageDto[];
  @ApiProperty({ enum: actions, isArray: true, description: 'Every action, as POST /api/organizers/:id/<action>' })
  actions: Action[];
  @ApiProperty({
    type: [ActionDto],
    description: 'Every action with its name in words (the buttons people press), its stages and its form',
  })
  actionLabels: ActionDto[];
  @ApiProperty({ type: [AttestationDto], description: 'What applicants attest to, in words' })
  attestations: AttestationDto[];
  @ApiProperty({
    type: [AttestationDto],
    description: "What a goal can count (besides a program's own debrief counts)",
  })
  goalMetrics: AttestationDto[];
  @ApiProperty({ type: [AttestationDto], description: 'Whose progress a goal measures' })
  goalScopes: AttestationDto[];
}

export class PresetDto {
  @ApiProperty({ enum: programKinds }) kind: ProgramKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole policy a new program of this kind gets',
  })
  policy: Record<string, unknown>;
}

export class PresetsDto {
  @ApiProperty({ type: [PresetDto] }) items: PresetDto[];
}

/** The product's vocabulary, so that clients (the web page among them) never keep a copy of it. */
@ApiTags('stages')
@ApiBearerAuth()
@Controller('stages')
export class StagesController {
  /** Every stage with its name in words and whether it is open, in pipeline order; every action. */
  @Operation('getVocabulary', "The product's words: stages, actions, attestations, goal metrics and scopes")
  @Get()
  @Allow('national', 'coordinator', 'organizer')
  @ApiOkResponse({ type: StagesDto })
  list(): StagesDto {
    return {
      items: stages.map((name) => ({ name, label: say(`stage.${name}`), open: !isClosed(name) })),
      actions: [...actions],
      actionLabels: actions.map((name) => ({
        name,
        label: say(`action.${name}.label`),
        stages: [...acceptedIn[name]],
        organizerMay: mayTake(name, 'self'),
        form: { fields: formInWords(formFieldsOf(actionDefinitions[name].input)) },
      })),
      attestations: [...requirableAttestations, 'currentLeader' as const].map((name) => ({
        name,
        label: say(`attestation.${name}`),
      })),
      goalMetrics: goalMetrics.map((name) => ({ name, label: say(`goalMetric.${name}`) })),
      goalScopes: goalScopes.map((name) => ({ name, label: say(`goalScope.${name}`) })),
    };
  }
}

/** The policy each kind of program starts from, so a settings page can show what a program changed. */
@ApiTags('stages')
@ApiBearerAuth()
@Controller('policy-presets')
export class PresetsController {
  @Operation('listPolicyPresets', 'The policy each kind of program starts from')
  @Get()
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: PresetsDto })
  list(): PresetsDto {
    return { items: programKinds.map((kind) => ({ kind, policy: { ...policyPresets[kind] } })) };
  }
}
