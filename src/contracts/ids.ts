// Workflow and Schedule IDs, derived from business keys. Node-side only (it hashes): workflows never need an ID.
import { createHash } from 'node:crypto';

// A fixed namespace for UUIDv5 organizer ids: the same program and member always give the same id, which says
// nothing about the member.
const organizerNamespace = Buffer.from('6f1c2d9e4b7a4e0f9a53c0d1b2e3f405', 'hex');

/** The organizer id (also the workflow ID) for a member in a program: UUIDv5 of the business key. */
export function organizerIdFor(programId: string, memberId: string): string {
  const hash = createHash('sha1').update(organizerNamespace).update(`${programId}\n${memberId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function weeklyReportScheduleId(programId: string): string {
  return `weekly-report-${programId}`;
}

/** The run that makes one week's report on request: one at a time per program and week. */
export function weeklyReportRunId(programId: string, weekStart: Date): string {
  return `weekly-report-${programId}-${weekStart.toISOString()}`;
}
