// A coordinator fixing mistakes and keeping notes from the person's panel (issue 29), in Chromium as they would:
// clicks and the keyboard, a 360-px phone, axe-clean.
import type { Page } from 'playwright-core';
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { accessibilityProblems, desktop, overflowsSideways, phone, screenshot, signedIn } from '../support/browser';

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
    await page.close();

    const small = await open(`/organizer/${body.id}`, phone);
    await small.getByRole('heading', { name: 'Notes (1)' }).waitFor();
    expect(await overflowsSideways(small)).toBe(false);
    await small.close();

    const remaining = await admin.ok('GET', `/api/organizers/${body.id}/notes`);
    expect(remaining.items.map((n: { text: string }) => n.text)).toEqual(['Bilingual (Spanish and Somali).']);
  });
});
