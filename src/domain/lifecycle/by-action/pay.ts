// Pay: a time sheet submitted for a pay period, and the period approved (the rules are in ../pay-periods.ts).
import {
  approvalRefusal,
  approvePayPeriod as approve,
  submitTimesheet as submit,
  timesheetRefusal,
} from '../pay-periods';
import type { ActionEffect } from './definition';

export const submitTimesheet: ActionEffect<'submit-timesheet'> = {
  refusal: (state, input, now) => timesheetRefusal(state, input, now),
  apply(state, input, actor, now, changes) {
    submit(state, input, actor, now, changes);
    return true;
  },
};

export const approvePayPeriod: ActionEffect<'approve-pay-period'> = {
  refusal: (state, input, now) => approvalRefusal(state, input.periodStart, now),
  apply(state, input, actor, now, changes) {
    approve(state, input.periodStart, actor, now, changes);
    return true;
  },
};
