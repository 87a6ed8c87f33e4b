// Pay periods and vouchers as the API takes and answers them (money in whole minor units).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { payPeriodStatuses, voucherStatuses } from '../../entities';
import type { PayPeriodStatus, VoucherStatus } from '../../entities';
import { Name, OneOf, Text } from '../common/fields';
import { IsDay } from '../common/validators';

export class PayPeriodQuery {
  @OneOf(payPeriodStatuses, { optional: true }) status?: PayPeriodStatus;
}

export class VoucherQuery {
  @OneOf(voucherStatuses, { optional: true }) status?: VoucherStatus;
}

export class CreateVoucherDto {
  @Name({ max: 200, optional: true, example: 'Local 12', description: 'One local (default: every local)' })
  local?: string;
  @ApiProperty({ example: '2027-03-31', description: 'Pay periods ending by the end of this day are taken' })
  @IsDay()
  through: string;
}

export class ReturnVoucherDto {
  @Text({ max: 1000, example: 'Week of 8 March: hours do not match the debrief' }) reason: string;
}

export class TimesheetEntryViewDto {
  @ApiProperty({ example: '2027-01-05' }) date: string;
  @ApiProperty() hours: number;
  @ApiProperty() kind: string;
}

export class TimesheetDto {
  @ApiProperty({ type: [TimesheetEntryViewDto] }) entries: TimesheetEntryViewDto[];
  @ApiPropertyOptional() miles?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' } })
  allowances?: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedBy: string;
}

export class PayPeriodDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) local?: string | null;
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiProperty({ format: 'date-time' }) periodEnd: string;
  @ApiProperty({ enum: payPeriodStatuses }) status: PayPeriodStatus;
  @ApiProperty({ type: [String], description: 'Starts of the debrief periods it needs' }) debriefStarts: string[];
  @ApiPropertyOptional({ type: TimesheetDto }) timesheet?: TimesheetDto;
  @ApiPropertyOptional({
    description: "Hours its debriefs report, to set beside the time sheet's (absent: none is in)",
  })
  debriefHours?: number;
  @ApiPropertyOptional({ description: 'On the time sheet (once approved)' }) hours?: number;
  @ApiPropertyOptional({ description: 'Paid, after the caps' }) paidHours?: number;
  @ApiPropertyOptional() rateMinor?: number;
  @ApiPropertyOptional() amountMinor?: number;
  @ApiPropertyOptional({ description: 'Mileage and allowances' }) allowancesMinor?: number;
  @ApiPropertyOptional({
    description: 'The mileage among the allowances (absent on periods approved before it was kept)',
  })
  mileageMinor?: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiPropertyOptional() approvedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) voucherId?: string;
}

export class PayPeriodListDto {
  @ApiProperty({ type: [PayPeriodDto] }) items: PayPeriodDto[];
}

export class VoucherLineDto {
  @ApiProperty({ format: 'uuid' }) organizerId: string;
  @ApiPropertyOptional({ description: "The union's member number (absent on older vouchers and for erased members)" })
  memberId?: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ format: 'date-time' }) periodStart: string;
  @ApiProperty({ format: 'date-time' }) periodEnd: string;
  @ApiProperty({ description: 'Hours paid' }) hours: number;
  @ApiProperty() rateMinor: number;
  @ApiProperty() amountMinor: number;
  @ApiProperty({ description: 'Mileage and allowances' }) allowancesMinor: number;
  @ApiPropertyOptional({
    description: 'The mileage among the allowances (absent on lines approved before it was kept)',
  })
  mileageMinor?: number;
}

export class VoucherDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ example: '2027-03-31' }) through: string;
  @ApiProperty({ enum: voucherStatuses }) status: VoucherStatus;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ description: 'Who it goes to: national, grant or local' }) reimbursedBy: string;
  @ApiProperty({ type: [VoucherLineDto] }) lines: VoucherLineDto[];
  @ApiProperty({ description: 'Amounts and allowances of every line, in minor units' }) totalMinor: number;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional() returnReason?: string;
}

export class VoucherListDto {
  @ApiProperty({ type: [VoucherDto] }) items: VoucherDto[];
}
