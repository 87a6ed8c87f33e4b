// Members in their language (issue 31), first part: an applicant who prefers Spanish gets the confirmation and every
// later email in Spanish, dates in Spanish in the program's zone; an English applicant's emails are as they were; a
// language the product does not speak, or a code no one speaks, is refused naming its field.
import { anApplicationFor } from '../../dev/hiring-walk';
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { mailTo as mailToIn } from '../support/smtp';

describe('members in their language', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;

  beforeAll(async () => {
    // The public form takes applications from a given day on (`applicationsOpen`).
    ({ harness, admin, program } = await startAppWithProgram(
      { screeningNotes: 'Bring a photo ID.', applicationsOpen: { from: '2026-01-01T00:00:00Z' } },
      {},
      { mail: true },
    ));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const mailTo = (address: string, subject: RegExp) => mailToIn(harness.mail.messages, address, subject);

  const interest = (body: unknown) => harness.http('POST', `/api/public/programs/${program.id}/interest`, { body });

  it('writes to a Spanish applicant in Spanish, from the confirmation to the screening', async () => {
    const application = anApplicationFor('ES-1', { email: 'rosa.es@example.org' });
    const sent = await interest({ ...application, preferredLanguage: 'es', languages: ['es', 'en'] });
    expect(sent.status).toBe(202);
    const confirmation = await mailTo('rosa.es@example.org', /./);
    expect(confirmation.text).toMatch(/^Hola, /);
    expect(confirmation.subject).not.toMatch(/application/i);

    const [row] = await harness.dataSource.query(
      'SELECT id, preferred_language, languages FROM organizers WHERE email = $1',
      ['rosa.es@example.org'],
    );
    expect(row).toMatchObject({ preferred_language: 'es', languages: ['es', 'en'] });
    const detail = await coordinator.ok('GET', `/api/organizers/${row.id}`);
    expect(detail).toMatchObject({ preferredLanguage: 'es', languages: ['es', 'en'] });

    // Thursday 14 January 2027, 17:30 in Chicago, as a Spanish reader reads it.
    const at = '2027-01-14T23:30:00.000Z';
    await coordinator.ok('POST', `/api/organizers/${row.id}/schedule-screening`, { at, location: 'Local 12' });
    const invitation = await mailTo('rosa.es@example.org', /14 de enero de 2027/);
    expect(invitation.text).toContain('jueves, 14 de enero de 2027, 17:30 (America/Chicago)');
    expect(invitation.text).not.toMatch(/\b(Where|Please tell us|Hello)\b/);
  });

  it('writes in English once a coordinator switches the member to English; their languages as set', async () => {
    const application = anApplicationFor('ES-3', { email: 'luis.es@example.org' });
    expect((await interest({ ...application, preferredLanguage: 'es', languages: ['es'] })).status).toBe(202);
    await mailTo('luis.es@example.org', /./);
    const [{ id }] = await harness.dataSource.query('SELECT id FROM organizers WHERE email = $1', [application.email]);
    const set = (body: unknown) => coordinator.call('POST', `/api/organizers/${id}/set-languages`, body);

    const bad = await set({ preferredLanguage: 'fr' });
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining('preferredLanguage')]);
    const after = await set({ preferredLanguage: 'en', languages: ['es', 'tl', 'en'] });
    expect(after.status).toBe(200);
    expect(await coordinator.ok('GET', `/api/organizers/${id}`)).toMatchObject({
      preferredLanguage: 'en',
      languages: ['es', 'tl', 'en'],
    });
    // The same again changes nothing and says so; left out, the languages stay.
    expect((await set({ preferredLanguage: 'en' })).status).toBe(409);
    expect((await set({ preferredLanguage: 'es' })).status).toBe(200);
    expect((await set({ preferredLanguage: 'en' })).status).toBe(200);
    const [row] = await harness.dataSource.query('SELECT preferred_language, languages FROM organizers WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({ preferred_language: 'en', languages: ['es', 'tl', 'en'] });

    const at = '2027-01-14T23:30:00.000Z';
    await coordinator.ok('POST', `/api/organizers/${id}/schedule-screening`, { at, location: 'Local 12' });
    const invitation = await mailTo('luis.es@example.org', /January 14, 2027/);
    expect(invitation.text).toMatch(/^Hello /);
    expect(invitation.text).not.toMatch(/\b(Hola|enero)\b/);
  });

  it("keeps an English applicant's emails as they were", async () => {
    const application = anApplicationFor('EN-1', { email: 'ann.en@example.org' });
    expect((await interest(application)).status).toBe(202);
    const confirmation = await mailTo('ann.en@example.org', /./);
    expect(confirmation.text).toMatch(/^Hello /);
    expect(confirmation.subject).toMatch(/^We received your application/);
  });

  it('refuses a language it does not speak, and codes no one speaks, naming the field', async () => {
    const french = await interest({ ...anApplicationFor('FR-1'), preferredLanguage: 'fr' });
    expect([french.status, JSON.stringify(french.body)]).toEqual([400, expect.stringContaining('preferredLanguage')]);
    const unknown = await coordinator.call('POST', `/api/programs/${program.id}/applications`, {
      ...anApplicationFor('XX-1'),
      languages: ['es', 'xx'],
    });
    expect([unknown.status, JSON.stringify(unknown.body)]).toEqual([400, expect.stringContaining('languages')]);
  });

  it("answers a form sent empty, or asked for a language it does not speak, in the member's words", async () => {
    const empty = await harness.http('POST', `/api/public/programs/${program.id}/interest`, {
      headers: { 'accept-language': 'es-MX,es;q=0.9' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.problems).toContainEqual({ field: 'name', reason: 'Por favor, complete este campo.' });
    const french = await harness.http('GET', '/api/public/words?lang=fr', { headers: { 'accept-language': 'es-US' } });
    expect([french.status, french.body.language, french.body.words.applyTo]).toEqual([
      200,
      'es',
      'Solicitud para {{program}}',
    ]);
    const english = await harness.http('GET', `/api/public/programs/${program.id}?lang=en-GB`);
    expect([english.status, english.body.language]).toEqual([200, 'en']);
  });

  it('forgets the languages of a member erased', async () => {
    const application = anApplicationFor('ES-2', { email: 'erased.es@example.org' });
    expect((await interest({ ...application, preferredLanguage: 'es', languages: ['es', 'qu'] })).status).toBe(202);
    const [row] = await harness.dataSource.query('SELECT id FROM organizers WHERE email = $1', [application.email]);
    await admin.ok('POST', `/api/organizers/${row.id}/erase`);
    const [erased] = await harness.dataSource.query(
      `SELECT preferred_language, languages FROM organizers WHERE member_id LIKE 'ERASED-%' AND name = 'Erased member'
        AND program_id = $1`,
      [program.id],
    );
    expect(erased).toEqual({ preferred_language: 'en', languages: [] });
  });
});
