// The public interest form's routes: what the form shows of a program, and what an applicant sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Text } from '../common/fields';
import { memberLanguages, type MemberLanguage } from '../../domain/languages';
import { ApplicationDto } from '../organizers/organizer-inputs.dto';

export class PublicAttestationDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The question, in the program’s words' }) label: string;
  @ApiProperty({ description: 'The program requires a yes' }) required: boolean;
}

/** What anyone may know of a program to apply to it. */
export class PublicProgramDto {
  @ApiProperty() name: string;
  @ApiProperty() affiliate: string;
  @ApiProperty({ description: 'Whether the form takes applications now' }) open: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) opensAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closesAt?: string;
  @ApiProperty({ description: 'Hours a week the program asks for' }) hoursPerWeek: number;
  @ApiProperty({ type: [PublicAttestationDto] }) attestations: PublicAttestationDto[];
  @ApiProperty({ enum: memberLanguages, description: 'The language of the labels' }) language: MemberLanguage;
}

/** The language a member's page asks for: a hint, so one the pages are not written in falls back to the browser's. */
export class LanguageQueryDto {
  @Text({ max: 35, optional: true, description: 'A language tag (`es`, `es-MX`); else Accept-Language, else `en`' })
  lang?: string;
}

export class NamedLanguageDto {
  @ApiProperty({ example: 'es' }) code: string;
  @ApiProperty({ example: 'Español' }) name: string;
}

/** What a member's page says, in one language. */
export class PageWordsDto {
  @ApiProperty({ enum: memberLanguages }) language: MemberLanguage;
  @ApiProperty({ example: 'es-US', description: 'How the page writes dates and numbers' }) locale: string;
  @ApiProperty({
    type: [NamedLanguageDto],
    description: 'The languages the pages are written in, each in its own words',
  })
  languages: NamedLanguageDto[];
  @ApiProperty({
    type: [NamedLanguageDto],
    description: 'Languages the form offers to tick as spoken, named in this one',
  })
  spoken: NamedLanguageDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Each sentence by its key; `{{name}}` is filled by the page',
  })
  words: Record<string, string>;
}

/** An application from the public form; `website` is a field people never see (filled only by robots). */
export class InterestDto extends ApplicationDto {
  @Text({ max: 200, min: 0, optional: true, description: 'Leave empty' }) website?: string;
}

export class InterestAcceptedDto {
  @ApiProperty() message: string;
}
