// A screening as a calendar event (RFC 5545, built by ical-generator): the invitation a calendar adds (REQUEST) and
// takes away (CANCEL), its times in the program's zone with the zone's own definition, one UID per person and session.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';

/** How long a screening is held in calendars (the action gives its start only). */
export const screeningLengthMs = 60 * 60_000;

export interface ScreeningEvent {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  at: string;
  location: string;
  timezone: string;
  summary: string;
  description: string;
  /** The program's coordinator: replies to the invitation go to them. */
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** Wall-clock time in `timeZone`, as a calendar with the zone's TZID reads it. */
const wallClock = (instant: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDateTime().toString();

/** The event as an iCalendar file. */
export function screeningCalendar(event: ScreeningEvent): string {
  const calendar = ical({
    prodId: { company: 'organizer-pipeline', product: 'screenings', language: 'EN' },
    method: event.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: event.timezone, generator: getVtimezoneComponent },
  });
  const start = Date.parse(event.at);
  calendar.createEvent({
    id: `${event.uid}@organizer-pipeline`,
    sequence: event.sequence,
    start: wallClock(start, event.timezone),
    end: wallClock(start + screeningLengthMs, event.timezone),
    timezone: event.timezone,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: event.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: event.organizer,
    attendees: event.attendees.map((a) => ({ ...a, rsvp: event.method === 'REQUEST' })),
  });
  return calendar.toString();
}
