// The debrief cycle for real: the dev server's timers, the worker's activities, PostgreSQL rows and email over SMTP,
// with a program whose durations are seconds.
import { randomUUID } from 'node:crypto';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy, anApplication } from '../support/builders';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { applyDirectly, driveToActive } from '../support/organizer-flow';
import { eventually } from '../support/eventually';
import { mailsTo } from '../support/smtp';
import { ApiClient } from '../support/api-client';
import { wakeAt } from '../../src/domain/lifecycle';
import type { OrganizerState } from '../../src/domain/organizer';

describe('debrief reminders on the dev server', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { mail: true });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('goes overdue, reminds, escalates, flags at risk, and clears on a debrief; emails reach the SMTP server', async () => {
    const policy = aFastPolicy();
    const { id: programId, timezone } = await new ApiClient(harness).createProgram(policy);
    const application = anApplication();
    const coordinatorEmail = `coordinator-${randomUUID()}@example.org`;
    await harness.dataSource.query(
      `INSERT INTO users (id, email, name, role, program_ids) VALUES ($1, $2, 'Coordinator', 'coordinator', $3)`,
      [randomUUID(), coordinatorEmail, [programId]],
    );
    const repository = new OrganizerRepository(harness.dataSource);
    const organizer = await applyDirectly(
      harness.temporal,
      harness.config.temporal.taskQueue,
      policy,
      { programId, timezone, application },
      (p) => repository.project(p),
    );
    await driveToActive(organizer, policy, timezone);
    const { act, organizerId } = organizer;
    const [{ active_since: activeSince }] = await harness.dataSource.query(
      'SELECT active_since FROM organizers WHERE id = $1',
      [organizerId],
    );

    const kinds = async () =>
      (await harness.dataSource.query(
        // Its reminders: the messages about its screening (an invitation asks nothing) are screening-invitations.test.ts's.
        `SELECT kind, recipient_role, resolved_at FROM notifications WHERE organizer_id = $1 AND kind NOT LIKE 'screening%'
          ORDER BY created_at, kind`,
        [organizerId],
      )) as {
        kind: string;
        recipient_role: string;
        resolved_at: Date | null;
      }[];
    // Week 1 (4 s) + grace (2 s): overdue; 3 s later escalated; week 2 overdue too: at risk.
    await eventually('the at-risk flag', async () => (await kinds()).some((n) => n.kind === 'organizer_at_risk'));
    expect((await kinds()).map((n) => [n.kind, n.recipient_role])).toEqual([
      ['debrief_overdue', 'organizer'],
      ['debrief_escalated', 'coordinator'],
      ['debrief_overdue', 'organizer'],
      ['organizer_at_risk', 'national'],
    ]);
    const [flagged] = await harness.dataSource.query('SELECT at_risk, overdue_debriefs FROM organizers WHERE id = $1', [
      organizerId,
    ]);
    expect(flagged).toEqual({ at_risk: true, overdue_debriefs: 2 });

    const debrief = { hours: 6, conversations: 10, oneOnOnes: 2, leadersIdentified: 1, inPerson: false, group: false };
    await act('submit-debrief', { periodStart: activeSince.toISOString(), ...debrief });
    // One late debrief is not enough while another is still overdue: the organizer stays at risk.
    const [stillFlagged] = await harness.dataSource.query('SELECT at_risk FROM organizers WHERE id = $1', [
      organizerId,
    ]);
    expect(stillFlagged.at_risk).toBe(true);
    // Once nothing is overdue, at risk clears (periods keep falling due every few seconds, so catch up until it does).
    await eventually('at risk cleared once no debrief is overdue', async () => {
      const [row] = await harness.dataSource.query('SELECT pending_debrief_periods FROM organizers WHERE id = $1', [
        organizerId,
      ]);
      for (const period of row.pending_debrief_periods.filter((p: { overdue: boolean }) => p.overdue)) {
        await act('submit-debrief', { periodStart: period.start, ...debrief }).catch(() => undefined);
      }
      const [now] = await harness.dataSource.query('SELECT at_risk FROM organizers WHERE id = $1', [organizerId]);
      return now.at_risk === false;
    });
    const resolved = (await kinds()).filter((n) => n.resolved_at).map((n) => n.kind);
    expect(resolved).toEqual(expect.arrayContaining(['debrief_overdue', 'debrief_escalated', 'organizer_at_risk']));

    const to = (address: string) =>
      mailsTo(harness.mail.messages, address).filter((m) => !/screening/i.test(m.subject ?? ''));
    await eventually(
      'the reminder emails',
      async () => to(application.email).length >= 1 && to(coordinatorEmail).length >= 1,
    );
    const [overdue] = to(application.email);
    // A cadence of seconds has no name (a weekly one says "weekly": test/unit/reminder-mail.test.ts).
    expect(overdue.subject).toBe('Your debrief is overdue');
    expect(overdue.text!.split('\n')[0]).toBe(`Hello ${application.name},`);
    // It says why (the rule), which period, the deadline in the program's zone, what comes next, and how to clear it.
    expect(overdue.text).toContain('Why: A debrief for each period is due every 4 seconds; overdue 2 seconds after');
    expect(overdue.text).toMatch(/Period: \w+day, \w+ \d+, \d{4} at \d\d:\d\d \(America\/Chicago\) to /);
    expect(overdue.text).toMatch(/Deadline: .*\(America\/Chicago\)/);
    expect(overdue.text).toMatch(/Next: If it is still missing on .*, your coordinator is told\./);
    expect(overdue.text).toMatch(/Submit your debrief:\nhttp:\/\/[^/]+\/l\/[0-9a-f-]{36}\.[\w-]{43}\n/);
    expect(overdue.html).toContain('>Submit your debrief</a>');
    expect(overdue.from?.value[0].name).toMatch(/^Program /);
    expect(overdue.headers.get('list')).toMatchObject({ id: { id: expect.stringContaining(programId) } });
    const [escalated] = to(coordinatorEmail);
    expect(escalated.subject).toBe('A debrief is still missing');
    expect(escalated.text).toContain(`/#/organizer/${organizerId}`);
    // Each email sent has its delivery row (written just after the send; periods keep falling due, so wait for a
    // moment when both sides agree).
    await eventually('a delivery row for every email', async () => {
      const rows: { message_id: string }[] = await harness.dataSource.query(
        `SELECT d.message_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.organizer_id = $1`,
        [organizerId],
      );
      const sent = new Set(harness.mail.messages.filter((m) => m.messageId).map((m) => m.messageId));
      return rows.length === sent.size && rows.every((r) => sent.has(r.message_id));
    });
    // One activity per reminder: the projection that stores it sends its email; no delivery of its own was needed.
    const runs = [];
    for await (const run of harness.temporal.workflow.list({ query: `WorkflowId = '${organizerId}'` }))
      runs.push(await harness.temporal.workflow.getHandle(organizerId, run.runId).fetchHistory());
    expect(runs.length).toBeGreaterThanOrEqual(1);
    const scheduled = runs
      .flatMap((history) => history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes?.activityType?.name)
      .filter(Boolean);
    expect(scheduled).toContain('projectOrganizer');
    expect(scheduled.filter((name) => name === 'deliverNotifications')).toEqual([]);
  }, 60_000);

  it('reminds a program that spreads its reminders within the spread after the deadline, dated at it', async () => {
    // A grace longer than the spread: the wake for the period's end (up to 2 s after it) comes well before the period
    // falls overdue, so a busy worker's late task there cannot fire the overdue reminder with it.
    const policy = aFastPolicy({
      escalateAfter: '120 seconds',
      debriefGrace: '4 seconds',
      reminderSpread: '2 seconds',
    });
    const { id: programId, timezone } = await new ApiClient(harness).createProgram(policy);
    // Someone whose moment is late in the spread, so that a reminder at the deadline would show.
    let organizerId = randomUUID();
    while (wakeAt({ organizerId, policy } as OrganizerState, 0) < 1_200) organizerId = randomUUID();
    const offset = wakeAt({ organizerId, policy } as OrganizerState, 0);
    const repository = new OrganizerRepository(harness.dataSource);
    const organizer = await applyDirectly(
      harness.temporal,
      harness.config.temporal.taskQueue,
      policy,
      { organizerId, programId, timezone, application: anApplication() },
      (p) => repository.project(p),
    );
    await driveToActive(organizer, policy, timezone);
    const [{ active_since: activeSince }] = await harness.dataSource.query(
      'SELECT active_since FROM organizers WHERE id = $1',
      [organizerId],
    );
    // Week 1 (4 s), then its grace (4 s).
    const overdueAt = activeSince.getTime() + 8_000;
    const reminder = async () =>
      (
        await harness.dataSource.query(
          `SELECT created_at FROM notifications WHERE organizer_id = $1 AND kind = 'debrief_overdue' ORDER BY created_at LIMIT 1`,
          [organizerId],
        )
      )[0] as { created_at: Date } | undefined;
    const seen = await eventually('the overdue reminder', reminder, 20_000);
    const seenAt = Date.now();
    expect(seen.created_at.toISOString()).toBe(new Date(overdueAt).toISOString());
    expect(seenAt).toBeGreaterThanOrEqual(overdueAt + offset - 100);
  }, 60_000);
});
