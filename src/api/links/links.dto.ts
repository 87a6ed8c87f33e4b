// The signed links' routes: what a link page reads, what it sends, and a coordinator's view of a person's links.
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { linkPurposes, type LinkPurpose } from '../../domain/links';
import { stages, type Stage } from '../../domain/stages';
import { OneOf } from '../common/fields';
import { SubmitDebriefDto, SubmitTimesheetDto } from '../organizers/organizer-inputs.dto';
import { formFieldKinds, type FormField } from '../../domain/link-forms';

export class FormFieldDto {
  @ApiProperty() name: string;
  @ApiProperty() label: string;
  @ApiProperty({
    enum: formFieldKinds,
    description: 'money: typed in the currency (12.50), sent in minor units (1250); choice: one of options',
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
}

export class LinkFormDto {
  @ApiProperty({ type: [FormFieldDto], description: 'The fields to fill, in order; empty for a status link' })
  fields: FormFieldDto[];
}

export class LinkPeriodDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ format: 'date-time' }) overdueAt: string;
  @ApiProperty() overdue: boolean;
}

export class LinkOfferDto {
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() startDate: string;
  @ApiPropertyOptional({ description: "Per month, in the currency's major units (see stipendMinor)" }) stipend?: number;
  @ApiPropertyOptional({ description: 'Per month, in whole minor units (cents) of currency' }) stipendMinor?: number;
  @ApiProperty({ example: 'USD', description: "The stipend's currency: the program's pay currency" }) currency: string;
  @ApiProperty({ description: 'The start day in words, e.g. "Monday, February 1, 2027"' }) startDayInWords: string;
  @ApiPropertyOptional({ description: 'The stipend with its currency and unit, e.g. "1500.00 USD a month"' })
  stipendInWords?: string;
  @ApiProperty({ description: 'The whole offer in one sentence' }) termsInWords: string;
}

export class LinkStatusDto {
  @ApiProperty({ enum: stages }) stage: Stage;
  @ApiProperty() stageLabel: string;
  @ApiProperty() nextStep: string;
}

/** What a link page shows: whose it is, what it is for, until when, and the form to fill. */
export class LinkViewDto {
  @ApiProperty({ enum: linkPurposes }) purpose: LinkPurpose;
  @ApiProperty() organizerName: string;
  @ApiProperty() programName: string;
  @ApiProperty({ description: "The program's time zone, in which the page shows times" }) timezone: string;
  @ApiPropertyOptional({ type: LinkPeriodDto }) period?: LinkPeriodDto;
  @ApiPropertyOptional({ format: 'date-time', description: "The debrief's or the offer's deadline" }) dueAt?: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ type: LinkOfferDto }) offer?: LinkOfferDto;
  @ApiPropertyOptional({ type: LinkStatusDto }) status?: LinkStatusDto;
  @ApiProperty({ type: LinkFormDto }) form: LinkFormDto;
}

/** A debrief sent through its link: the period is the link's own. */
export class LinkDebriefDto extends OmitType(SubmitDebriefDto, ['periodStart'] as const) {}

/** A time sheet sent through its link: the pay period is the link's own. */
export class LinkTimesheetDto extends OmitType(SubmitTimesheetDto, ['periodStart'] as const) {}

/** What a link recorded. */
export class LinkResultDto {
  @ApiProperty({ enum: linkPurposes }) purpose: LinkPurpose;
  @ApiProperty({ description: 'What was recorded, in words' }) message: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The values recorded' })
  recorded: Record<string, unknown>;
  @ApiProperty({ enum: stages }) stage: Stage;
}

export const linkStates = ['open', 'used', 'revoked', 'superseded', 'expired', 'done'] as const;

/** One of a person's links as their coordinator sees it (never its secret). */
export class LinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: linkPurposes }) purpose: LinkPurpose;
  @ApiProperty({ description: 'The purpose in words' }) label: string;
  @ApiProperty({ nullable: true, type: String, description: 'The debrief period start or the offer deadline' })
  subject: string | null;
  @ApiProperty({ enum: linkStates }) state: (typeof linkStates)[number];
  @ApiProperty({ description: '`system` for a reminder, else the coordinator who sent it' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) usedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
}

export class LinkPurposeDto {
  @ApiProperty({ enum: linkPurposes }) purpose: LinkPurpose;
  @ApiProperty() label: string;
}

export class LinkListDto {
  @ApiProperty({ type: [LinkDto], description: 'Newest first' }) items: LinkDto[];
  @ApiProperty({ type: [LinkPurposeDto], description: 'What a fresh link can be sent for now' })
  available: LinkPurposeDto[];
}

export class SendLinkDto {
  @OneOf(linkPurposes, { description: 'What the link is for; a fresh one supersedes the open one of its purpose' })
  purpose: LinkPurpose;
}
