/// <reference lib="dom" />
// Members in their language (issue 31), the pages: a Spanish phone opens the public form in Spanish (Accept-Language),
// switches to English and back with what was typed kept, is told what is wrong in Spanish at each field, and applies;
// then every page behind the emails' links (status, screening answer, offer, debrief, time sheet) speaks Spanish
// because the member prefers it, whatever the phone's language. Each at 360 px, axe-clean with the document's `lang`.
// The coordinator's board then filters people by a language they speak.
import type { Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { walkTo } from '../../dev/hiring-walk';
import { payPresets } from '../../src/domain/pay';
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { accessibilityProblems, openOnAPhone, overflowsSideways, screenshot, signedIn } from '../support/browser';
import { aPromptReminderPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { linkTokenIn, mailsTo } from '../support/smtp';

describe("members' pages in their language", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aPromptReminderPolicy({
        pay: payPresets.member_organizer,
        screeningNotes: 'Traiga una identificación.',
        applicationsOpen: { from: '2026-01-01T00:00:00Z' },
      }),
      {},
      { mail: true, chromium: true },
    ));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** The newest email to `address` whose subject matches, once it came. */
  async function mailTo(address: string, subject: RegExp): Promise<ParsedMail> {
    let found: ParsedMail | undefined;
    await eventually(
      `an email to ${address} about ${subject}`,
      async () => {
        found = mailsTo(harness.mail.messages, address)
          .filter((m) => subject.test(m.subject ?? ''))
          .pop();
        return found !== undefined;
      },
      30_000,
    );
    return found!;
  }

  /** A phone page as its member reads it: in `lang`, axe-clean, nothing to scroll sideways. */
  async function readable(page: Page, lang: string, heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
  }

  it('takes an application in Spanish from a Spanish phone, in English after the switch, and back', async () => {
    const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/apply/${program.id}`, 'es-MX');
    await readable(page, 'es', /^Solicitud para /);
    await page.getByLabel('Su nombre').fill('Rosa Morales');
    // Sent half done: each problem at its field, in Spanish.
    await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    await page.locator('.field.invalid .field-error').first().waitFor();
    const errors = await page.locator('.field-error').allTextContents();
    expect(errors).toContain('Por favor, complete este campo.');
    expect(errors.join(' ')).not.toMatch(/\b(must|should)\b/);
    expect(await page.getByRole('alert').last().textContent()).toBe('Revise los campos marcados arriba.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'phone-apply-es-errors.png');

    // The switch: English at once, the name typed kept; and back.
    await page.getByRole('button', { name: 'English' }).click();
    await readable(page, 'en', /^Apply to /);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Rosa Morales');
    await screenshot(page, 'phone-apply-en.png');
    await page.getByRole('button', { name: 'Español' }).click();
    await readable(page, 'es', /^Solicitud para /);

    await page.getByLabel('Correo electrónico').fill('rosa.morales@example.org');
    await page.getByLabel('Número de miembro').fill('ES-PAGE-1');
    await page.getByLabel('Horas a la semana que puede dedicar').fill('10');
    for (const box of await page
      .getByRole('group', { name: /^Sobre usted/ })
      .getByRole('checkbox')
      .all()) {
      await box.check();
    }
    await page
      .getByRole('group', { name: /^Idiomas que habla/ })
      .getByLabel('Español')
      .check();
    await page
      .getByRole('group', { name: /^Idiomas que habla/ })
      .getByLabel('Filipino')
      .check();
    await screenshot(page, 'phone-apply-es.png');
    await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    await readable(page, 'es', 'Solicitud enviada');
    expect(await page.locator('main').textContent()).toContain('Gracias.');

    const [row] = await harness.dataSource.query(
      'SELECT id, preferred_language, languages FROM organizers WHERE member_id = $1',
      ['ES-PAGE-1'],
    );
    expect(row).toMatchObject({ preferred_language: 'es', languages: ['es', 'tl'] });
  });

  it("shows the status and the screening's answer in Spanish, on a phone set to English", async () => {
    const confirmation = await mailTo('rosa.morales@example.org', /./);
    const status = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(confirmation)}`);
    await readable(status, 'es', 'Su solicitud');
    expect(await status.locator('.stage').textContent()).toBe('Solicitud recibida');
    await screenshot(status, 'phone-status-es.png');

    const [{ id }] = await harness.dataSource.query('SELECT id FROM organizers WHERE member_id = $1', ['ES-PAGE-1']);
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await coordinator.ok('POST', `/api/organizers/${id}/schedule-screening`, { at, location: 'Local 12' });
    const invitation = await mailTo('rosa.morales@example.org', /^Su entrevista del/);
    const rsvp = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(invitation)}`);
    await readable(rsvp, 'es', 'Su entrevista');
    expect(await rsvp.locator('.screening').textContent()).toContain('Traiga una identificación.');
    await rsvp.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await rsvp.locator('.invalid').first().waitFor();
    expect(await rsvp.locator('.invalid').first().textContent()).toContain('Elija sí o no.');
    await rsvp.getByLabel('No puedo asistir').check();
    await rsvp.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await rsvp.getByRole('heading', { name: 'Usted indicó que no puede asistir.' }).waitFor();
    await screenshot(rsvp, 'phone-rsvp-es.png');
  });

  it('takes the offer, a debrief and a time sheet in Spanish', async () => {
    const { body } = await admin.apply(program.id, { preferredLanguage: 'es', languages: ['es'] });
    await coordinator.advanceTo(program, body.id, 'offered', { stipend: 1500 });
    const offerMail = await mailTo(body.email, /^Su oferta/);
    const offer = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(offerMail)}`);
    await readable(offer, 'es', 'Su oferta');
    expect(await offer.locator('.recorded').textContent()).toMatch(/1500\.00 USD al mes/);
    await screenshot(offer, 'phone-offer-es.png');
    await offer.getByLabel('Aceptar la oferta').check();
    await offer.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await readable(offer, 'es', 'Aceptó la oferta. ¡Le damos la bienvenida al programa!');

    // On from the training the accepted offer began.
    const steps = walkTo(program.policy, 'active', { timeZone: program.timezone });
    for (const { action, input } of steps.slice(steps.findIndex((s) => s.action === 'respond-offer') + 1))
      await coordinator.ok('POST', `/api/organizers/${body.id}/${action}`, input);
    const overdue = await mailTo(body.email, /atrasado$/);
    const debrief = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(overdue)}`);
    await readable(debrief, 'es', 'Su informe');
    await debrief.getByRole('button', { name: 'Enviar mi informe' }).click();
    await debrief.locator('.field.invalid .field-error').first().waitFor();
    expect(await debrief.locator('.field-error').first().textContent()).toBe('Por favor, complete este campo.');
    await screenshot(debrief, 'phone-debrief-es.png');
    for (const field of await debrief.locator('input[type=number]').all()) await field.fill('2');
    for (const group of await debrief.getByRole('group').all()) await group.getByLabel('No', { exact: true }).check();
    await debrief.getByRole('button', { name: 'Enviar mi informe' }).click();
    await readable(debrief, 'es', 'Recibimos su informe. ¡Gracias!');

    const sheetMail = await mailTo(body.email, /^Falta su hoja de horas/);
    const sheet = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${linkTokenIn(sheetMail)}`);
    await readable(sheet, 'es', 'Su hoja de horas');
    expect(await sheet.locator('.hint').allTextContents()).toContain(
      'En horas; se permiten cuartos de hora (1.25 es una hora y cuarto).',
    );
    await sheet.getByLabel('Día 1', { exact: true }).selectOption({ index: 1 });
    await sheet.getByLabel('Horas, día 1').fill('2.25');
    await sheet.getByLabel('Tipo de trabajo, día 1').selectOption('organizing');
    await screenshot(sheet, 'phone-timesheet-es.png');
    await sheet.getByRole('button', { name: 'Enviar mi hoja de horas' }).click();
    await readable(sheet, 'es', 'Recibimos su hoja de horas. ¡Gracias!');
  });

  it("tells a used link's member in Spanish that it was used", async () => {
    const { body } = await admin.apply(program.id, { preferredLanguage: 'es' });
    await coordinator.advanceTo(program, body.id, 'offered', { stipend: 1500 });
    const token = linkTokenIn(await mailTo(body.email, /^Su oferta/));
    expect((await harness.http('POST', `/api/links/${token}`, { body: { accepted: false } })).status).toBe(200);
    const answer = await harness.http('POST', `/api/links/${token}`, { body: { accepted: true } });
    expect(answer.body).toMatchObject({
      reason: 'used',
      language: 'es',
      message: expect.stringMatching(/^Este enlace/),
    });
    const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${token}`);
    await readable(page, 'es', 'Este enlace ya se usó');
  });

  it('lets the coordinator filter the board and the list by a language people speak', async () => {
    const list = await coordinator.ok('GET', `/api/programs/${program.id}/organizers?language=tl`);
    expect(list.items.map((o: { memberId: string }) => o.memberId)).toEqual(['ES-PAGE-1']);
    const spanish = await coordinator.ok('GET', `/api/programs/${program.id}/organizers?language=es&limit=100`);
    expect(spanish.total).toBe(3);
    const bad = await coordinator.call('GET', `/api/programs/${program.id}/organizers?language=xx`);
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining('language')]);

    const token = (await admin.createUser('coordinator', { programIds: [program.id] })).token;
    const page = await signedIn(harness.browser, harness.baseUrl, token, `/program/${program.id}/board`);
    await page.getByLabel('Speaks').selectOption({ label: 'Filipino' });
    await page.waitForURL(/speaks=tl/);
    await page.locator('.board-card').first().waitFor();
    expect(await page.locator('.board-card .card-name').allTextContents()).toEqual(['Rosa Morales']);
    expect(await page.locator('.board-card').first().textContent()).toContain('Speaks Spanish, Filipino');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'board-speaks-filipino.png');
  });
});
