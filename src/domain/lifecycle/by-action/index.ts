// Every action's effect on the lifecycle, one definition each, by kind (see definition.ts).
import type { ActionEffects } from './definition';
import { recordGroupDebrief, setWorkPlan, submitDebrief } from './debriefs';
import {
  recordRolePlay,
  recordScreening,
  reject,
  respondOffer,
  scheduleScreening,
  terminate,
  withdraw,
} from './hiring';
import { pause, resume } from './pause';
import { approvePayPeriod, submitTimesheet } from './pay';
import { recordRideAlong, recordTraining } from './training';

export const actionEffects: ActionEffects = {
  'schedule-screening': scheduleScreening,
  'record-screening': recordScreening,
  'record-role-play': recordRolePlay,
  'respond-offer': respondOffer,
  'record-training': recordTraining,
  'record-ride-along': recordRideAlong,
  'submit-debrief': submitDebrief,
  'record-group-debrief': recordGroupDebrief,
  'set-work-plan': setWorkPlan,
  'submit-timesheet': submitTimesheet,
  'approve-pay-period': approvePayPeriod,
  pause,
  resume,
  reject,
  withdraw,
  terminate,
};

export type { ActionEffect } from './definition';
export { debriefPeriodFor } from './debriefs';
export { rideAlongKey } from './training';
