// A screening's invitation end to end (issue 30), as a coordinator and an applicant meet it: scheduling emails the
// applicant a calendar event (parsed here with node-ical) and an answer link, and the coordinator a copy; a move sends
// the same event with a higher SEQUENCE, leaving sends its CANCEL; the answer is taken by link until the screening
// starts, "can't come" is a to-do on Today; a group screening invites its staff once, and shows who is coming.
import type { ParsedMail } from 'mailparser';
import * as ical from 'node-ical';
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import {
  accessibilityProblems,
  openOnAPhone,
  overflowsSideways,
  phone,
  screenshot,
  signedIn,
} from '../support/browser';
import { eventually } from '../support/eventually';
import { linkTokenIn, mailTo as mailToIn, mailsTo } from '../support/smtp';

const notes = 'Bring a photo ID. We meet in small groups for about an hour.';

describe("a screening's invitation", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let coordinatorToken: string;
  let coordinatorEmail: string;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      { screeningNotes: notes },
      {},
      { mail: true, chromium: true },
    ));
    const user = await admin.createUser('coordinator', { programIds: [program.id] });
    coordinator = admin.as(user.token);
    coordinatorToken = user.token;
    coordinatorEmail = (await coordinator.ok('GET', '/api/auth/me')).user.email;
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const mailTo = (address: string, subject: RegExp) => mailToIn(harness.mail.messages, address, subject);

  /** The calendar event a mail carries, parsed as a calendar application would. */
  function eventIn(mail: ParsedMail): { method: string; event: ical.VEvent } {
    const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(part).toBeDefined();
    const parsed = ical.sync.parseICS(part!.content.toString('utf8'));
    const event = Object.values(parsed).find((item) => item?.type === 'VEVENT') as ical.VEvent;
    return { method: String((parsed.vcalendar as { method?: string }).method), event };
  }

  const inDays = (days: number) => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + days * 86_400_000).toISOString();

  it('invites the applicant and the coordinator, moves the same event, and cancels it when the applicant leaves', async () => {
    const { body } = await admin.apply(program.id);
    const at = inDays(3);
    await coordinator.ok('POST', `/api/organizers/${body.id}/schedule-screening`, { at, location: 'Local 12 hall' });

    const invitation = await mailTo(body.email, /^Your screening on /);
    expect(invitation.text).toContain(`Hello ${body.name},`);
    expect(invitation.text).toContain('Where: Local 12 hall');
    expect(invitation.text).toContain(`What to expect and bring: ${notes}`);
    expect(invitation.text).toContain('(America/Chicago)');
    expect(invitation.replyTo?.text).toContain(coordinatorEmail);
    const first = eventIn(invitation);
    expect(first.method).toBe('REQUEST');
    expect(first.event.start.toISOString()).toBe(at);
    expect(first.event.end!.getTime() - first.event.start.getTime()).toBe(3_600_000);
    expect((first.event.start as ical.DateWithTimeZone).tz).toBe('America/Chicago');
    expect(Number(first.event.sequence)).toBe(0);
    expect(String(first.event.location)).toBe('Local 12 hall');
    expect(JSON.stringify(first.event.organizer)).toContain(coordinatorEmail);
    // The coordinator's copy, for their own calendar: the same event.
    const copy = await mailTo(coordinatorEmail, new RegExp(`^${body.name}'s screening on `));
    expect(eventIn(copy).event.uid).toBe(first.event.uid);

    const later = inDays(4);
    await coordinator.ok('POST', `/api/organizers/${body.id}/reschedule-screening`, { at: later, location: 'Library' });
    await eventually('the moved invitation', async () => mailsTo(harness.mail.messages, body.email).length >= 2);
    const moved = eventIn(
      mailsTo(harness.mail.messages, body.email).find((m) => eventIn(m).event.start.toISOString() === later)!,
    );
    expect([moved.event.uid, Number(moved.event.sequence), String(moved.event.location)]).toEqual([
      first.event.uid,
      1,
      'Library',
    ]);

    await coordinator.ok('POST', `/api/organizers/${body.id}/withdraw`, { reason: 'moved away' });
    const cancelled = eventIn(await mailTo(body.email, /^Cancelled: your screening/));
    expect([cancelled.method, cancelled.event.uid, Number(cancelled.event.sequence)]).toEqual([
      'CANCEL',
      first.event.uid,
      2,
    ]);
  });

  it('takes the answer by link and lets it change; "can\'t come" is on Today until it does', async () => {
    const { body } = await admin.apply(program.id);
    await coordinator.ok('POST', `/api/organizers/${body.id}/schedule-screening`, {
      at: inDays(2),
      location: 'Local 12 hall',
    });
    const token = linkTokenIn(await mailTo(body.email, /^Your screening on /));
    const view = (await harness.http('GET', `/api/links/${token}`)).body;
    expect(view).toMatchObject({ purpose: 'rsvp', screening: { location: 'Local 12 hall', notes } });
    expect(view.form.fields.map((f: { name: string }) => f.name)).toEqual(['coming', 'note']);

    const no = await harness.http('POST', `/api/links/${token}`, {
      body: { coming: false, note: 'I work that evening' },
    });
    expect([no.status, no.body.message]).toEqual([200, 'You said you cannot come.']);
    const today = async () =>
      (await coordinator.ok('GET', '/api/inbox')).items.filter(
        (i: { organizerId: string; kind: string }) => i.organizerId === body.id && i.kind === 'screening_cant_come',
      );
    expect(await today()).toHaveLength(1);
    const detail = await coordinator.ok('GET', `/api/organizers/${body.id}`);
    expect(detail.screening).toMatchObject({
      rsvp: { coming: false, note: 'I work that evening' },
      answerInWords: 'Not coming',
    });
    // On the person's page, as the coordinator reads it.
    const person = await signedIn(harness.browser, harness.baseUrl, coordinatorToken, `/organizer/${body.id}`, phone);
    await person.locator('[data-screening-answer]').waitFor();
    expect(await person.locator('[data-screening-answer]').textContent()).toBe('Not coming “I work that evening”');
    await person.close();

    // The link is not used up: a changed answer replaces the first.
    const yes = await harness.http('POST', `/api/links/${token}`, { body: { coming: true } });
    expect([yes.status, yes.body.message]).toEqual([200, 'You said you will be there.']);
    expect((await coordinator.ok('GET', `/api/organizers/${body.id}`)).screening.rsvp).toMatchObject({ coming: true });
    expect(await today()).toHaveLength(0);
    expect((await harness.http('GET', `/api/links/${token}`)).body.screening.answerInWords).toBe(
      'You said you will be there.',
    );

    const bad = await harness.http('POST', `/api/links/${token}`, { body: { coming: 'maybe' } });
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining('coming')]);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await harness.http('POST', `/api/links/${tampered}`, { body: { coming: false } })).status).toBe(404);
    // The status page shows the screening and the answer too.
    await coordinator.ok('POST', `/api/organizers/${body.id}/links`, { purpose: 'status' });
    const statusToken = linkTokenIn(await mailTo(body.email, /^Your application/));
    expect((await harness.http('GET', `/api/links/${statusToken}`)).body.screening).toMatchObject({
      location: 'Local 12 hall',
      coming: true,
    });
  });

  it('refuses an answer once the screening has started (410)', async () => {
    const { body } = await admin.apply(program.id);
    const at = new Date(Date.now() + 8_000).toISOString();
    await coordinator.ok('POST', `/api/organizers/${body.id}/schedule-screening`, { at, location: 'Local 12 hall' });
    const token = linkTokenIn(await mailTo(body.email, /^Your screening on /));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now()) + 500));
    const late = await harness.http('POST', `/api/links/${token}`, { body: { coming: false } });
    expect(late.status).toBe(410);
    expect((await coordinator.ok('GET', `/api/organizers/${body.id}`)).screening.rsvp).toBeUndefined();
  });

  it("invites a group screening's staff once, its place said once, and shows who is coming", async () => {
    const national = await admin.createUser('national');
    const nationalEmail = (await admin.as(national.token).ok('GET', '/api/auth/me')).user.email;
    const people = [(await admin.apply(program.id)).body, (await admin.apply(program.id)).body];
    const at = inDays(5);
    const refused = await coordinator.call('POST', `/api/programs/${program.id}/group-screenings`, {
      at,
      location: 'Local 12 hall',
      organizerIds: people.map((p) => p.id),
      // An applicant is not a national organizer.
      nationalOrganizerId: people[0].id,
    });
    expect([refused.status, JSON.stringify(refused.body)]).toEqual([
      400,
      expect.stringContaining('nationalOrganizerId must be a national user'),
    ]);
    const session = await coordinator.ok('POST', `/api/programs/${program.id}/group-screenings`, {
      at,
      location: 'Local 12 hall',
      organizerIds: people.map((p) => p.id),
      nationalOrganizerId: national.id,
    });
    for (const address of [coordinatorEmail, nationalEmail]) {
      const mail = await mailTo(address, /^Group screening on /);
      expect(mail.text).toContain('with 2 applicants invited');
      expect(mail.text!.match(/Local 12 hall/g)).toHaveLength(1);
      expect(eventIn(mail).event.uid).toBe(`screening-session-${session.id}@organizer-pipeline`);
    }
    const theirs = await Promise.all(people.map((p) => mailTo(p.email, /^Your screening on /)));
    expect(new Set(theirs.map((m) => eventIn(m).event.uid)).size).toBe(2);
    // No copy per person for the coordinator: the session's one invitation stands for them.
    const copies = mailsTo(harness.mail.messages, coordinatorEmail).filter((m) =>
      people.some((p) => (m.subject ?? '').includes(p.name)),
    );
    expect(copies).toEqual([]);

    // On a phone, as each applicant opens their link: one says they will come, the other that they cannot.
    const answer = async (mail: ParsedMail, coming: boolean, note?: string) => {
      const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(mail)}`);
      await page.getByRole('heading', { name: 'Your screening' }).waitFor();
      expect(await page.locator('.screening').textContent()).toContain(notes);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      // No answer chosen: said next to the question, nothing recorded.
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.locator('.invalid').first().waitFor();
      await page
        .getByRole('group', { name: 'Will you be there?' })
        .getByLabel(coming ? "I'll be there" : "I can't come")
        .check();
      if (note) await page.getByLabel('A note (optional)').fill(note);
      await screenshot(page, coming ? 'phone-rsvp.png' : 'phone-rsvp-cannot.png');
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page
        .getByRole('heading', { name: coming ? 'You said you will be there.' : 'You said you cannot come.' })
        .waitFor();
      await page.close();
    };
    await answer(theirs[0], true);
    await answer(theirs[1], false, 'night shift');
    const shown = await coordinator.ok('GET', `/api/group-sessions/${session.id}`);
    expect(
      shown.members.map((m: { name: string; answer: string; answerNote?: string }) => [m.name, m.answer, m.answerNote]),
    ).toEqual(
      expect.arrayContaining([
        [people[0].name, 'coming', undefined],
        [people[1].name, 'not_coming', 'night shift'],
      ]),
    );
    // The session's page, as the coordinator reads it: who is coming, who is not, what they wrote.
    const page = await signedIn(
      harness.browser,
      harness.baseUrl,
      coordinatorToken,
      `/program/${program.id}/sessions/${session.id}`,
      phone,
    );
    await page.locator('[data-answers]').waitFor();
    const answers = await page.locator('[data-answers]').textContent();
    expect(answers?.split(' · ').sort()).toEqual(['Coming: 1', 'Not coming: 1']);
    expect(await page.locator(`[data-member="${people[1].id}"]`).textContent()).toContain('night shift');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'group-screening-answers.png');
  });
});
