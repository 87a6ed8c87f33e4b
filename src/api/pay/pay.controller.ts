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

@ApiTags('pay')
@ApiBearerAuth()
@Controller()
export class PayController {
  constructor(private readonly pay: PayService) {}

  /** The program's pay periods, oldest first (open, submitted, payable, vouchered, reimbursed). */
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

  @Get('vouchers/:voucherId')
  @Allow('national', 'coordinator')
  @ApiOkResponse({ type: VoucherDto })
  get(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.voucher(id, caller);
  }

  /** Sent to the reimbursing body (a draft only). */
  @Post('vouchers/:voucherId/submit')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: VoucherDto })
  submit(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.move(id, 'submitted', caller);
  }

  /** The reimbursing body pays it: its periods are reimbursed. */
  @Post('vouchers/:voucherId/approve')
  @HttpCode(200)
  @Allow('national')
  @ApiOkResponse({ type: VoucherDto })
  approve(@IdParam('voucherId', 'voucher') id: string, @CurrentCaller() caller: Caller) {
    return this.pay.move(id, 'approved', caller);
  }

  /** Sent back with a reason: its periods are payable again, to be vouchered anew. */
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
