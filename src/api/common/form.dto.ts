// A form as the API answers it (an action's, a signed link's): the fields to fill, drawn by the page and the phone
// pages alike. The domain describes them (domain/forms.ts); this is their published shape.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formFieldKinds, type FormField } from '../../domain/forms';
import { actions, type Action } from '../../domain/stage-machine';

export class ShownWhenDto {
  @ApiProperty() field: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }] }) equals: string | boolean;
}

export class FormFieldDto {
  @ApiProperty({
    description: 'Where the value goes in the body: hours, offer.startDate, metrics.<name>, entries.0.hours',
  })
  name: string;
  @ApiProperty() label: string;
  @ApiProperty({
    enum: formFieldKinds,
    description:
      'money: typed in the currency (12.50), sent in minor units (1250); choice: one of options; day: YYYY-MM-DD ' +
      "(sentAsInstant: noon that day in the program's zone); moment: a local date and time, sent as an instant",
  })
  kind: FormField['kind'];
  @ApiProperty() required: boolean;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() step?: number;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional() yesLabel?: string;
  @ApiPropertyOptional() noLabel?: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiPropertyOptional({ type: [String], description: 'The options in words, in the same order' })
  optionLabels?: string[];
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  value?: string | number | boolean;
  @ApiPropertyOptional({ type: ShownWhenDto, description: 'Shown and sent only while that field holds that value' })
  shownWhen?: ShownWhenDto;
  @ApiPropertyOptional() sentAsInstant?: boolean;
  @ApiPropertyOptional({ description: 'How to fill it, in words, shown beside it' }) hint?: string;
  @ApiPropertyOptional({ description: "A choice's first, empty option, in words" }) prompt?: string;
}

/** One action's form, for the record it is on. */
export class ActionFormDto {
  @ApiProperty({ enum: actions }) action: Action;
  @ApiProperty({ example: 'Schedule screening' }) label: string;
  @ApiProperty({ type: [FormFieldDto], description: 'The fields to fill, in order (none: the button alone)' })
  fields: FormFieldDto[];
}

/** A form's fields, in order. */
export class FormDto {
  @ApiProperty({ type: [FormFieldDto], description: 'The fields to fill, in order (none: a button alone)' })
  fields: FormFieldDto[];
}
