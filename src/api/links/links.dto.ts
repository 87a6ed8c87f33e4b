// The signed links' routes: what a link page reads, what it sends, and a coordinator's view of a person's links.
import type { Type } from '@nestjs/common';
import { memberLanguages, type MemberLanguage } from '../../domain/languages';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { linkPurposes, type LinkPurpose } from '../../domain/links';
import { stages, type Stage } from '../../domain/stages';
import { OneOf } from '../common/fields';
import type { SubmitDebriefInput, SubmitTimesheetInput } from '../../domain/lifecycle/by-action';
import { actionBody } from '../organizers/action-inputs';
import { OfferSummaryDto } from '../organizers/organizer-responses.dto';
import { FormDto } from '../common/form.dto';

export class LinkPeriodDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ format: 'date-time' }) overdueAt: string;
  @ApiProperty() overdue: boolean;
}

/** An offer's terms as the link page shows them: the detail's, without the deadline (the view's `dueAt`). */
export class LinkOfferDto extends OmitType(OfferSummaryDto, ['expiresAt'] as const) {}

export class LinkStatusDto {
  @ApiProperty({ enum: stages }) stage: Stage;
  @ApiProperty() stageLabel: string;
  @ApiProperty() nextStep: string;
  @ApiProperty({ type: [String], description: 'Why an application is ineligible, as the applicant is told' })
  reasons: string[];
}

/** A screening as the applicant's page shows it: when and where, what to bring, and their answer. */
export class LinkScreeningDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() location: string;
  @ApiPropertyOptional({ description: "What to expect and bring, in the program's words" }) notes?: string;
  @ApiPropertyOptional({ description: 'Their answer: true coming, false not; absent until they answer' })
  coming?: boolean;
  @ApiPropertyOptional({ description: 'Their answer in words' }) answerInWords?: string;
  @ApiPropertyOptional() note?: string;
}

/** What a link page shows: whose it is, what it is for, until when, and the form to fill. */
export class LinkViewDto {
  @ApiProperty({ enum: linkPurposes }) purpose: LinkPurpose;
  @ApiProperty({
    enum: memberLanguages,
    description: "The member's language: the page's words and the answers' are in it",
  })
  language: MemberLanguage;
  @ApiProperty() organizerName: string;
  @ApiProperty() programName: string;
  @ApiProperty({ description: "The program's time zone, in which the page shows times" }) timezone: string;
  @ApiPropertyOptional({ type: LinkPeriodDto }) period?: LinkPeriodDto;
  @ApiPropertyOptional({ format: 'date-time', description: "The debrief's or the offer's deadline" }) dueAt?: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ type: LinkOfferDto }) offer?: LinkOfferDto;
  @ApiPropertyOptional({ type: LinkStatusDto }) status?: LinkStatusDto;
  @ApiPropertyOptional({ type: LinkScreeningDto, description: 'The screening ahead (an answer link, a status link)' })
  screening?: LinkScreeningDto;
  @ApiProperty({ type: FormDto, description: 'The fields to fill; none for a status link' }) form: FormDto;
}

/** A debrief sent through its link: the period is the link's own. */
export class LinkDebriefDto extends OmitType(
  actionBody('submit-debrief') as Type<SubmitDebriefInput>,
  ['periodStart'] as const,
) {}

/** A time sheet sent through its link: the pay period is the link's own. */
export class LinkTimesheetDto extends OmitType(
  actionBody('submit-timesheet') as Type<SubmitTimesheetInput>,
  ['periodStart'] as const,
) {}

/** An answer to a screening's invitation sent through its link. */
export class LinkScreeningAnswerDto extends (actionBody('respond-screening') as Type<{
  coming: boolean;
  note?: string;
}>) {}

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
