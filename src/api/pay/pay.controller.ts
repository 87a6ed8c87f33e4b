import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import {
  CreateVoucherDto,
  PayPeriodListDto,
  PayPeriodQuery,
  ReturnVoucherDto,
  VoucherDto,
  VoucherListDto,
  VoucherQuery,
} from './pay.dto';
import { PayService } from './pay.service';
import { Operation } from '../common/openapi';

@ApiTags('pay')
@ApiBearerAuth()
@Controller()
export class PayController {
  constructor(private readonly pay: PayService) {}

  /** The program's pay periods, oldest first (open, submitted, payable, vouchered, reimbursed). */
  @Operation('listPayPeriods', "A program's pay periods, by status")
  @Get('programs/:programId/pay-periods')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: PayPeriodListDto })
  periods(
    @IdParam('programId', 'program') programId: string,
    @Query() query: PayPeriodQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.pay.periods(programId, query.status, caller);
  }

  /** A voucher of the payable periods ending by `through` (one local's, or all): 422 when none is left to take. */
  @Operation('createVoucher', 'Build a voucher of the payable periods ending by a day', 422)
  @Post('programs/:programId/vouchers')
  @Allow('coordinator')
  @ApiCreatedResponse({ type: VoucherDto })
  create(
    @IdParam('programId', 'program') programId: string,
    @Body() body: CreateVoucherDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.pay.createVoucher(programId, body, caller);
  }

  @Operation('listVouchers', "A program's vouchers, by status")
  @Get('programs/:programId/vouchers')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: VoucherListDto })
  list(
    @IdParam('programId', 'program') programId: string,
    @Query() query: VoucherQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.pay.vouchers(programId, query.status, caller);
  }

  @Operation('getVoucherCsv', 'A voucher as CSV, each figure in its own column with totals')
  @Get('vouchers/:voucherId.csv')
  @Allow('national', 'coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'CSV: memberId,name,local,firstDay,lastDay,hours,rate,amount,mileage,allowances,total,currency; a total row',
  })
  csv(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.voucherCsv(id, caller);
  }

  @Operation('getVoucher', 'One voucher with its lines')
  @Get('vouchers/:voucherId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: VoucherDto })
  get(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.voucher(id, caller);
  }

  /** Sent to the reimbursing body (a draft only). */
  @Operation('submitVoucher', 'Submit a voucher to the body that reimburses it', 409)
  @Post('vouchers/:voucherId/submit')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: VoucherDto })
  submit(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.move(id, 'submitted', caller);
  }

  /** The reimbursing body pays it: its periods are reimbursed. */
  @Operation('approveVoucher', 'Approve a voucher: its periods are reimbursed', 409)
  @Post('vouchers/:voucherId/approve')
  @HttpCode(200)
  @Allow('national')
  @ApiOkResponse({ type: VoucherDto })
  approve(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.move(id, 'approved', caller);
  }

  /** Sent back with a reason: its periods are payable again, to be vouchered anew. */
  @Operation('returnVoucher', 'Return a voucher with a reason: its periods are payable again', 409)
  @Post('vouchers/:voucherId/return')
  @HttpCode(200)
  @Allow('national')
  @ApiOkResponse({ type: VoucherDto })
  returnVoucher(
    @IdParam('voucherId', 'voucher') id: string,
    @Body() body: ReturnVoucherDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.pay.move(id, 'returned', caller, body.reason);
  }
}
