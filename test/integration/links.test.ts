/// <reference lib="dom" />
// Signed links end to end: a debrief falls due, the email explains itself and carries a link, a phone-sized Chromium
// opens it and sends the debrief, the reminder resolves and the link is then used up; the same for an offer sent by a
// coordinator. Then every way a link can be misused: each changes nothing and says why.
import type { ParsedMail } from 'mailparser';
import { ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { accessibilityProblems, openOnAPhone, overflowsSideways, screenshot, signedIn } from '../support/browser';
import { aFastPolicy, aPromptReminderPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { linkPath, linkTokenIn, mailsTo } from '../support/smtp';

describe('signed links', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;
  // Everything the API and the worker log, to show no link's secret reaches the log.
  const logged: string[] = [];
  const capture = (message: unknown) => void logged.push(String(message));
  const logger = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aPromptReminderPolicy({ debriefMetrics: ['caucus commitments'] }),
      {},
      { mail: true, chromium: true, logger },
    ));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const mailTo = (address: string, subject: string) =>
    mailsTo(harness.mail.messages, address).filter((m) => m.subject === subject);
  const tokenIn = linkTokenIn;
  /** A person's links but the screening's answer link their invitation carried (done once the screening is past). */
  const linksOf = async (organizerId: string) =>
    (await coordinator.ok('GET', `/api/organizers/${organizerId}/links`)).items.filter(
      (l: { purpose: string }) => l.purpose !== 'rsvp',
    );

  async function organizerIn(stage: 'active' | 'offered'): Promise<{ id: string; email: string }> {
    const { body } = await admin.apply(program.id);
    await coordinator.advanceTo(program, body.id, stage, { stipend: 1500 });
    return { id: body.id, email: body.email };
  }

  it('takes a debrief from the overdue reminder on a phone; the reminder resolves and the link is used up', async () => {
    const organizer = await organizerIn('active');
    let mail: ParsedMail | undefined;
    await eventually('the overdue reminder', async () => {
      mail = mailTo(organizer.email, 'Your debrief is overdue')[0];
      return mail !== undefined;
    });
    expect(mail!.text).toContain('Why: A debrief for each period is due every 6 seconds; overdue 2 seconds after');
    expect(mail!.text).toMatch(/Period: .* \(America\/Chicago\) to .* \(America\/Chicago\)\./);
    expect(mail!.text).toMatch(/Next: If it is still missing on .*, your coordinator is told\./);
    const token = tokenIn(mail!);
    const link = (await harness.http('GET', `/api/links/${token}`)).body;
    expect(link).toMatchObject({ purpose: 'debrief', programName: expect.any(String), timezone: 'America/Chicago' });
    const periodStart: string = link.period.start;
    // No form twice: the link's is the action's own, as the person panel gets it, less the period the link names.
    const before = await coordinator.ok('GET', `/api/organizers/${organizer.id}`);
    const panel = before.actionForms.find((f: { action: string }) => f.action === 'submit-debrief');
    expect(link.form.fields).toEqual(panel.fields.filter((f: { name: string }) => f.name !== 'periodStart'));
    expect(link.form.fields.map((f: { name: string }) => f.name)).toContain('metrics.caucus commitments');

    const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${token}`);
    await page.getByRole('heading', { name: 'Your debrief' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    // A mistake first: shown next to its field, nothing recorded.
    await page.getByLabel('Hours worked').fill('7.1');
    await page.getByLabel('Conversations').fill('12');
    await page.getByLabel('One-on-ones').fill('3');
    await page.getByLabel('Leaders identified').fill('1');
    await page.getByRole('group', { name: 'Did you meet in person?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was it a group debrief?' }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Send my debrief' }).click();
    await page.locator('.field.invalid .field-error').first().waitFor();
    expect(await page.locator('.field.invalid label').first().textContent()).toBe('Hours worked');
    await screenshot(page, 'phone-debrief.png');
    await page.getByLabel('Hours worked').fill('7.25');
    // The program's own count, from its policy.
    await page.getByLabel('Caucus commitments').fill('4');
    await page.getByLabel('Notes').fill('Two new contacts at Lincoln Elementary');
    await page.getByRole('button', { name: 'Send my debrief' }).click();
    await page.getByRole('heading', { name: 'Your debrief is recorded. Thank you!' }).waitFor();
    expect(await page.locator('.recorded').textContent()).toContain('7.25');
    await screenshot(page, 'phone-debrief-done.png');

    const detail = await coordinator.ok('GET', `/api/organizers/${organizer.id}`);
    // Each reminder on the record says the rule that raised it, in the program's words.
    expect(detail.notifications.find((n: { kind: string }) => n.kind === 'debrief_overdue').rule).toBe(
      'A debrief for each period is due every 6 seconds; overdue 2 seconds after, escalated to the coordinator 120 seconds after that',
    );
    expect(detail.debriefs.find((d: { periodStart: string }) => d.periodStart === periodStart)).toMatchObject({
      hours: 7.25,
      conversations: 12,
      inPerson: true,
      metrics: { 'caucus commitments': 4 },
    });
    const [reminder] = await harness.dataSource.query(
      `SELECT resolved_at FROM notifications WHERE organizer_id = $1 AND kind = 'debrief_overdue' AND id LIKE $2`,
      [organizer.id, `%:${periodStart}`],
    );
    expect(reminder.resolved_at).toBeInstanceOf(Date);
    const again = await harness.http('GET', `/api/links/${token}`);
    expect(again.status).toBe(410);
    expect(again.body.reason).toBe('used');
    // The same page, opened again from the email: says the link was used, and offers no form.
    await page.goto(`${harness.baseUrl}/l/${token}`);
    await page.getByRole('heading', { name: 'This link was already used' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('emails the offer when it is made; the applicant answers it on a phone, and the link then answers 410', async () => {
    const applicant = await organizerIn('offered');
    const programName = (await coordinator.ok('GET', `/api/programs/${program.id}`)).name;
    let mail: ParsedMail | undefined;
    await eventually('the offer email', async () => {
      mail = mailTo(applicant.email, `Your offer (${programName})`)[0];
      return mail !== undefined;
    });
    // The start as a day in words, the stipend with its currency and unit; the panel says the same.
    expect(mail!.text).toMatch(
      /The offer: 10 hours a week from \w+day, \w+ \d+, \d{4}, with a stipend of 1500\.00 USD a month\./,
    );
    const { offer } = await coordinator.ok('GET', `/api/organizers/${applicant.id}`);
    expect(mail!.text).toContain(`The offer: ${offer.termsInWords}.`);
    expect(mail!.text).toMatch(/Deadline: .*\(America\/Chicago\); unanswered, the offer lapses\./);
    const token = tokenIn(mail!);
    // The link works until the offer lapses, not a day longer (the policy gives links 14 days).
    const deadline = (await coordinator.ok('GET', `/api/organizers/${applicant.id}`)).offer.expiresAt as string;
    expect((await harness.http('GET', `/api/links/${token}`)).body.expiresAt).toBe(deadline);
    const [, until] = /works until (.*)\./.exec(mail!.text!)!;
    const [, lapses] = /Deadline: (.*); unanswered/.exec(mail!.text!)!;
    expect(until).toBe(lapses);

    const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${token}`);
    await page.getByRole('heading', { name: 'Your offer' }).waitFor();
    expect(await page.locator('dl').textContent()).toContain(`Stipend${offer.stipendInWords}`);
    expect(await page.locator('dl').textContent()).toContain(`Starting${offer.startDayInWords}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'phone-offer.png');
    await page.getByLabel('Accept the offer').check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('heading', { name: 'You accepted the offer. Welcome!' }).waitFor();
    await page.close();

    expect((await coordinator.ok('GET', `/api/organizers/${applicant.id}`)).stage).toBe('training');
    expect((await harness.http('GET', `/api/links/${token}`)).status).toBe(410);
    const links = await linksOf(applicant.id);
    expect(links.map((l: { state: string }) => l.state)).toEqual(['used']);
  }, 60_000);

  it('refuses every misuse, changing nothing, and says which', async () => {
    const organizer = await organizerIn('active');
    await eventually('a debrief period is owed', async () => {
      const detail = await coordinator.ok('GET', `/api/organizers/${organizer.id}`);
      return detail.pendingDebriefPeriods.length > 0;
    });
    const send = async () => {
      const before = harness.mail.messages.length;
      const { body } = await coordinator.call('POST', `/api/organizers/${organizer.id}/links`, { purpose: 'debrief' });
      // The answer names the link; only the email carries its secret.
      expect(JSON.stringify(body)).not.toMatch(linkPath);
      let mail: ParsedMail | undefined;
      await eventually('the link email', async () => {
        mail = harness.mail.messages.slice(before).find((m) => m.messageId === `<link-${body.id}@organizer-pipeline>`);
        return mail !== undefined;
      });
      return { id: body.id as string, token: tokenIn(mail!) };
    };
    const debrief = {
      hours: 5,
      conversations: 4,
      oneOnOnes: 1,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
      metrics: { 'caucus commitments': 0 },
    };
    const first = await send();
    const second = await send();
    const untouched = await footprint(harness, organizer.id);
    const expectRefused = async (token: string, status: number, reason: string, body: unknown = debrief) => {
      const view = await harness.http('GET', `/api/links/${token}`);
      const use = await harness.http('POST', `/api/links/${token}`, { body });
      expect([view.status, view.body.reason, use.status, use.body.reason]).toEqual([status, reason, status, reason]);
      expect(await footprint(harness, organizer.id)).toEqual(untouched);
    };

    // A fresh link supersedes the open one of its purpose.
    await expectRefused(first.token, 410, 'superseded');
    // Altered, made up, malformed.
    const altered = second.token.slice(0, -1) + (second.token.endsWith('A') ? 'B' : 'A');
    await expectRefused(altered, 404, 'unknown');
    await expectRefused(`${first.id}.${'x'.repeat(43)}`, 404, 'unknown');
    await expectRefused('not-a-link', 404, 'unknown');
    // A debrief link sent an offer's answer: 400 naming the fields, nothing recorded.
    const wrongPurpose = await harness.http('POST', `/api/links/${second.token}`, { body: { accepted: true } });
    expect(wrongPurpose.status).toBe(400);
    expect(wrongPurpose.body.problems.map((p: { field: string }) => p.field)).toContain('accepted');
    expect(await footprint(harness, organizer.id)).toEqual(untouched);
    // A count the program does not keep: 422, nothing recorded.
    const unknownMetric = await harness.http('POST', `/api/links/${second.token}`, {
      body: { ...debrief, metrics: { 'caucus commitments': 1, 'doors knocked': 3 } },
    });
    expect([unknownMetric.status, unknownMetric.body.message]).toEqual([
      422,
      'metrics doors knocked is not counted by this program (caucus commitments)',
    ]);
    expect(await footprint(harness, organizer.id)).toEqual(untouched);
    // A link is not a bearer token for the API.
    expect((await harness.http('GET', `/api/organizers/${organizer.id}`, { token: second.token })).status).toBe(401);
    // Revoked by the coordinator.
    const revoked = await coordinator.call('POST', `/api/organizers/${organizer.id}/links/${second.id}/revoke`);
    expect(revoked.body).toMatchObject({ id: second.id, state: 'revoked' });
    await expectRefused(second.token, 410, 'revoked');
    expect((await coordinator.call('POST', `/api/organizers/${organizer.id}/links/${second.id}/revoke`)).status).toBe(
      200,
    );
    // Another program's coordinator sees none of it.
    const elsewhere = await admin.createProgram();
    const stranger = admin.as((await admin.createUser('coordinator', { programIds: [elsewhere.id] })).token);
    expect((await stranger.call('GET', `/api/organizers/${organizer.id}/links`)).status).toBe(403);
    expect((await stranger.call('POST', `/api/organizers/${organizer.id}/links`, { purpose: 'debrief' })).status).toBe(
      403,
    );
    // No offer to answer: nothing to send.
    const none = await coordinator.call('POST', `/api/organizers/${organizer.id}/links`, { purpose: 'offer' });
    expect(none.status).toBe(409);

    // Used: a second send changes nothing more.
    const third = await send();
    const used = await harness.http('POST', `/api/links/${third.token}`, { body: debrief });
    expect(used.status).toBe(200);
    const after = await footprint(harness, organizer.id);
    const twice = await harness.http('POST', `/api/links/${third.token}`, { body: debrief });
    expect([twice.status, twice.body.reason]).toEqual([410, 'used']);
    expect(await footprint(harness, organizer.id)).toEqual(after);
    // The log shows the requests, never a token.
    expect(logged.some((line) => line.startsWith(`POST /api/links/<secret> 410`))).toBe(true);
    expect(logged.join('\n')).not.toContain(third.token.split('.')[1]);
    expect(logged.join('\n')).not.toContain(second.token.split('.')[1]);
  }, 90_000);

  it('answers uses of one link at once: one records, every other is told the link was used (410)', async () => {
    const applicant = await organizerIn('offered');
    const before = harness.mail.messages.length;
    const { body } = await coordinator.call('POST', `/api/organizers/${applicant.id}/links`, { purpose: 'offer' });
    let mail: ParsedMail | undefined;
    await eventually('the link email', async () => {
      mail = harness.mail.messages.slice(before).find((m) => m.messageId === `<link-${body.id}@organizer-pipeline>`);
      return mail !== undefined;
    });
    const token = tokenIn(mail!);
    // Sent without a choice: the page shows words a person would say at the field, and the link still works.
    const undecided = await harness.http('POST', `/api/links/${token}`, { body: {} });
    expect([undecided.status, undecided.body.problems]).toEqual([
      400,
      [{ field: 'accepted', reason: 'Choose yes or no.' }],
    ]);
    const uses = await Promise.all(
      Array.from({ length: 5 }, () => harness.http('POST', `/api/links/${token}`, { body: { accepted: true } })),
    );
    const answers = uses.map((use) => [use.status, use.body.reason ?? use.body.purpose]).sort();
    expect(answers).toEqual([[200, 'offer'], ...Array.from({ length: 4 }, () => [410, 'used'])]);
    const history = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM stage_transitions WHERE organizer_id = $1 AND from_stage = 'offered'`,
      [applicant.id],
    );
    expect(history).toEqual([{ n: 1 }]);
  }, 60_000);

  it("lets a coordinator send and revoke a person's link from their panel", async () => {
    const applicant = await organizerIn('offered');
    const page = await signedIn(harness.browser, harness.baseUrl, coordinator.token, `/organizer/${applicant.id}`);
    await page.getByRole('heading', { name: 'Links sent by email' }).waitFor();
    // What can be sent is what the API says: an offer waits, no debrief is owed. The offer's own email went out
    // when it was made; a fresh link replaces it.
    await page.locator('[data-table="links"] tbody tr:first-child:has-text("open")').waitFor();
    await page.getByRole('button', { name: 'Email a fresh link: Answer the offer' }).click();
    await page.locator('[data-table="links"] tbody tr:nth-child(2):has-text("replaced by a newer one")').waitFor();
    await page.locator('[data-table="links"] tbody tr:first-child:has-text("open")').waitFor();
    expect(await page.getByRole('button', { name: /Email a fresh link: Submit a debrief/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('[data-table="links"] tbody tr:first-child:has-text("revoked")').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'workspace-person-links.png');
    await page.close();
    const links = await linksOf(applicant.id);
    expect(links.map((l: { state: string }) => l.state)).toEqual(['revoked', 'superseded']);
  }, 60_000);

  it('ends links when the policy says: a status link expired', async () => {
    const short = await admin.createProgram(aFastPolicy({ linkExpiresAfter: '2 seconds' }));
    const { body } = await admin.apply(short.id);
    const before = harness.mail.messages.length;
    const sent = await admin.call('POST', `/api/organizers/${body.id}/links`, { purpose: 'status' });
    expect(sent.status).toBe(201);
    let token = '';
    await eventually('the status email', async () => {
      const mail = harness.mail.messages
        .slice(before)
        .find((m) => m.messageId === `<link-${sent.body.id}@organizer-pipeline>`);
      if (mail) token = tokenIn(mail);
      return mail !== undefined;
    });
    const view = await harness.http('GET', `/api/links/${token}`);
    expect(view.body).toMatchObject({ purpose: 'status', status: { stage: 'applied', stageLabel: 'Applied' } });
    expect((await harness.http('POST', `/api/links/${token}`, { body: {} })).status).toBe(405);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await harness.http('GET', `/api/links/${token}`);
    expect([expired.status, expired.body.reason]).toEqual([410, 'expired']);
  }, 30_000);
});
