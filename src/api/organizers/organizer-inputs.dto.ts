// What clients send to the organizer routes: applications and list queries (each action's body is drawn from its
// definition: action-inputs.ts).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, Matches } from 'class-validator';
import { notificationKinds } from '../../domain/organizer';
import type { NotificationKind } from '../../domain/organizer';
import { stages } from '../../domain/stages';
import type { Stage } from '../../domain/stages';
import {
  Bool,
  Decimal,
  Email,
  LanguageCode,
  LanguageCodes,
  Limit,
  MemberId,
  Name,
  Nested,
  Offset,
  OneOf,
  PreferredLanguage,
} from '../common/fields';
import { maxLanguagesSpoken, type MemberLanguage } from '../../domain/languages';
import { Optional } from '../common/validators';

export class AttestationsDto {
  @Bool({ optional: true }) currentMember: boolean = false;
  @Bool({ optional: true }) driversLicense: boolean = false;
  @Bool({ optional: true }) insuredVehicle: boolean = false;
  @Decimal({ min: 0, max: 80, example: 10, description: 'Hours a week the applicant commits to' }) weeklyHours: number;
  @Bool({ optional: true }) fullTerm: boolean = false;
  @Bool({ optional: true }) doorKnocking: boolean = false;
  @Bool({ optional: true, description: 'A current steward or officer (flagged, not refused)' }) currentLeader: boolean =
    false;
}

export class ApplicationDto {
  @MemberId() memberId: string;

  @Name({ max: 200, example: 'Rosa Díaz' }) name: string;
  @Email({ example: 'rosa@example.org' }) email: string;
  @Name({ max: 40, optional: true, example: '+1 612 555 0100' }) phone?: string;
  @Name({ max: 100, optional: true, example: 'Local 12' }) local?: string;
  @Nested(AttestationsDto) attestations: AttestationsDto;
  @PreferredLanguage({ optional: true, description: 'The language they read every email and page in (default en)' })
  preferredLanguage?: MemberLanguage;
  @LanguageCodes({ max: maxLanguagesSpoken, optional: true, description: 'The languages they speak (ISO 639-1 codes)' })
  languages?: string[];
}

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Paging of a list: `limit` rows from `offset`. */
class PageQuery {
  @Limit(50) limit: number = 50;
  @Offset() offset: number = 0;
}

export class OrganizerListQuery extends PageQuery {
  @OneOf(stages, { optional: true }) stage?: Stage;
  @ApiPropertyOptional({ type: Boolean }) @Optional() @Transform(booleanQuery) @IsBoolean() atRisk?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'true: only organizers with an overdue debrief' })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;
  @LanguageCode({
    optional: true,
    description: 'Only people who speak it (ISO 639-1): among their languages, or preferred',
  })
  language?: string;
}

const uuidQuery = (name: string) => Matches(/^[0-9a-f-]{36}$/i, { message: `${name} must be a UUID` });

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @uuidQuery('programId') programId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @uuidQuery('organizerId') organizerId?: string;
  @OneOf(notificationKinds, { optional: true }) kind?: NotificationKind;
}
