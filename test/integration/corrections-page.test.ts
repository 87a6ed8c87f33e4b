// A coordinator fixing mistakes and keeping notes from the person's panel (issue 29), in Chromium as they would:
// clicks and the keyboard, a 360-px phone, axe-clean.
import type { Page } from 'playwright-core';
import { ApiClient, type Program } from '../support/api-client';
import { attestations } from '../support/builders';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import {
  accessibilityProblems,
  actOnPanel,
  desktop,
  overflowsSideways,
  phone,
  screenshot,
  signedIn,
} from '../support/browser';

describe("fixing mistakes from a person's panel", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let coordinator: { id: string; token: string };

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}, {}, { chromium: true }));
    coordinator = await admin.createUser('coordinator', { programIds: [program.id], name: 'Rosa Díaz' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const open = (path: string, viewport = desktop): Promise<Page> =>
    signedIn(harness.browser, harness.baseUrl, coordinator.token, path, viewport);

  it('writes a note, edits it, deletes another, and keeps them from the member', async () => {
    const { body } = await admin.as(coordinator.token).apply(program.id);
    const page = await open(`/organizer/${body.id}`);
    const notes = page.getByRole('region', { name: /^Notes/ });
    await notes.getByLabel('New note').fill('Bilingual (Spanish).\nBest reached after 5 pm.');
    await notes.getByRole('button', { name: 'Save note' }).click();
    await notes.getByText('Best reached after 5 pm.', { exact: false }).waitFor();
    await notes.getByLabel('New note').fill('Ask about the night shift');
    await notes.getByLabel('New note').press('Enter');
    await notes.getByRole('button', { name: 'Save note' }).click();
    await notes.getByRole('heading', { name: 'Notes (2)' }).waitFor();
    expect(await notes.locator('.note-text').first().textContent()).toContain('Ask about the night shift');
    expect(await notes.textContent()).toContain('Rosa Díaz, coordinator');

    // An empty note is refused next to its field.
    await notes.getByRole('button', { name: 'Save note' }).click();
    await notes.locator('textarea[aria-invalid="true"]').waitFor();
    expect(await notes.locator('.field.invalid').textContent()).toContain(
      'must be longer than or equal to 1 characters',
    );

    await notes
      .getByRole('button', { name: /^Edit the note of/ })
      .last()
      .click();
    const change = notes.getByLabel('Change the note');
    await change.fill('Bilingual (Spanish and Somali).');
    await notes.getByRole('button', { name: 'Save the change' }).click();
    await notes.getByText('Bilingual (Spanish and Somali).').waitFor();
    await notes.getByText(/edited/).waitFor();

    await notes
      .getByRole('button', { name: /^Delete the note of/ })
      .first()
      .click();
    await notes.getByRole('button', { name: 'Delete it' }).click();
    await notes.getByRole('heading', { name: 'Notes (1)' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'person-notes.png');

    // The history reads changes, notes and messages in time order, each by name and role, in the program's zone.
    const history = page.getByRole('region', { name: 'History' });
    await history.getByLabel('Notes').check();
    await history.getByText('Bilingual (Spanish and Somali).').waitFor();
    expect(await history.locator('li').count()).toBe(1);
    await history.getByLabel('Everything').check();
    const entries = await history.locator('li').allTextContents();
    expect(entries[0]).toMatch(/^Applied .* · Rosa Díaz, coordinator$/);
    expect(entries.at(-1)).toMatch(/^Note .* · Rosa Díaz, coordinator.*Bilingual/);
    await page.close();

    const small = await open(`/organizer/${body.id}`, phone);
    await small.getByRole('heading', { name: 'Notes (1)' }).waitFor();
    expect(await overflowsSideways(small)).toBe(false);
    await small.close();

    const remaining = await admin.ok('GET', `/api/organizers/${body.id}/notes`);
    expect(remaining.items.map((n: { text: string }) => n.text)).toEqual(['Bilingual (Spanish and Somali).']);
  });

  const act = actOnPanel;

  it('reopens an application found ineligible for two unticked boxes, answering them as on paper', async () => {
    const { body } = await admin
      .as(coordinator.token)
      .apply(program.id, { attestations: attestations({ driversLicense: false, insuredVehicle: false }) });
    expect(body.stage).toBe('ineligible');
    const page = await open(`/organizer/${body.id}`);
    await act(page, 'Reopen', async () => {
      const form = page.locator('form.action-form');
      await form.getByLabel('Reason').fill('two boxes left unticked on the phone form');
      for (const question of ['A member in good standing', "Has a driver's license", 'Has an insured vehicle'])
        await form.getByRole('group', { name: question }).getByLabel('Yes').check();
      for (const question of ['Can serve the full term', 'Will knock on doors'])
        await form.getByRole('group', { name: question }).getByLabel('Yes').check();
      await form.getByLabel('Hours a week').fill('12');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'person-reopen.png');
    });
    await page.locator('.tags').getByText('Applied').waitFor();
    await page.locator('[data-timeline]').getByText('two boxes left unticked on the phone form').waitFor();
    await page.close();
    expect((await admin.ok('GET', `/api/organizers/${body.id}`)).ineligibleReasons).toEqual([]);
  });

  it('undoes a screening result clicked wrong, on a phone', async () => {
    const rosa = admin.as(coordinator.token);
    const { body } = await rosa.apply(program.id);
    await rosa.advanceTo(program, body.id, 'screening');
    await rosa.ok('POST', `/api/organizers/${body.id}/record-screening`, { attended: true, advance: false });
    const page = await open(`/organizer/${body.id}`, phone);
    await act(page, 'Undo last step', async () => {
      await page.locator('form.action-form').getByLabel('Reason').fill('clicked “does not go on” on the wrong row');
    });
    await page.locator('.tags').getByText('Screening').waitFor();
    expect(await page.getByRole('button', { name: 'Undo last step', exact: true }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'History' });
    expect(await history.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Applied /),
      expect.stringMatching(/^Screening /),
      expect.stringMatching(/^Not selected /),
      expect.stringMatching(/^Screening .*clicked “does not go on” on the wrong row$/),
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'person-undo-phone.png');
    await page.close();
  });
});
