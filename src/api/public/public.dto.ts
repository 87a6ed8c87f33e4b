// The public interest form's routes: what the form shows of a program, and what an applicant sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Text } from '../common/fields';
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
}

/** An application from the public form; `website` is a field people never see (filled only by robots). */
export class InterestDto extends ApplicationDto {
  @Text({ max: 200, min: 0, optional: true, description: 'Leave empty' }) website?: string;
}

export class InterestAcceptedDto {
  @ApiProperty() message: string;
}
