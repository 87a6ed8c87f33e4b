// Staff notes on a person (issue 29): written and read by the staff who read the person, changed by their author or
// an admin, audited without their text, never seen by the organizer (their token, their links), gone on erasure.
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { withAuditRefused } from '../support/audit-refusal';
import { linkTokenIn } from '../support/smtp';

describe('notes on a person', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let coordinator: ApiClient;
  let colleague: ApiClient;
  let national: ApiClient;
  let stranger: ApiClient;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { mail: true });
    admin = new ApiClient(harness);
    program = await admin.createProgram();
    const other = await admin.createProgram();
    const as = async (role: string, programIds: string[] = []) =>
      admin.as((await admin.createUser(role, role === 'coordinator' ? { programIds } : {})).token);
    coordinator = await as('coordinator', [program.id]);
    colleague = await as('coordinator', [program.id]);
    national = await as('national');
    stranger = await as('coordinator', [other.id]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function applicant(): Promise<string> {
    const { body, status } = await coordinator.apply(program.id);
    expect(status).toBe(201);
    return body.id;
  }

  it('keeps notes on a person, newest first, with their authors by name, for every staff reader', async () => {
    const id = await applicant();
    const first = await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: '  Bilingual (Spanish).  ' });
    expect(first).toMatchObject({
      text: 'Bilingual (Spanish).',
      authorInWords: 'A coordinator, coordinator',
      mine: true,
    });
    await national.ok('POST', `/api/organizers/${id}/notes`, { text: 'Met at the state convention.' });
    const seen = await colleague.ok('GET', `/api/organizers/${id}/notes`);
    expect(seen.items.map((n: { text: string; mine: boolean }) => [n.text, n.mine])).toEqual([
      ['Met at the state convention.', false],
      ['Bilingual (Spanish).', false],
    ]);
    expect(seen.items[1].authorId).not.toBe(seen.items[0].authorId);
  });

  it('lets its author or an admin change or delete a note, and audits each change without its text', async () => {
    const id = await applicant();
    const note = await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: 'Call after 5 pm' });
    const path = `/api/organizers/${id}/notes/${note.id}`;
    expect((await colleague.call('PATCH', path, { text: 'hijacked' })).status).toBe(403);
    expect((await colleague.call('DELETE', path)).status).toBe(403);
    const edited = await coordinator.ok('PATCH', path, { text: 'Call after 6 pm' });
    expect(edited.text).toBe('Call after 6 pm');
    expect(edited.editedAt).not.toBeNull();
    expect(await admin.ok('DELETE', path)).toEqual({ deleted: 1 });
    expect((await coordinator.call('DELETE', path)).status).toBe(404);
    expect((await coordinator.ok('GET', `/api/organizers/${id}/notes`)).items).toEqual([]);
    const audit = await harness.dataSource.query(
      `SELECT kind, after FROM audit_entries WHERE subject = $1 AND kind LIKE 'note-%' ORDER BY at`,
      [id],
    );
    expect(audit.map((a: { kind: string }) => a.kind)).toEqual(['note-added', 'note-edited', 'note-deleted']);
    expect(JSON.stringify(audit)).not.toMatch(/pm/);
  });

  it('makes no change to a note whose audit entry cannot be written', async () => {
    const id = await applicant();
    const note = await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: 'Prefers texts' });
    const path = `/api/organizers/${id}/notes/${note.id}`;
    const answers = await withAuditRefused(harness.dataSource, id, async () => [
      (await coordinator.call('POST', `/api/organizers/${id}/notes`, { text: 'Second thought' })).status,
      (await coordinator.call('PATCH', path, { text: 'Prefers calls' })).status,
      (await coordinator.call('DELETE', path)).status,
    ]);
    expect(answers).toEqual([500, 500, 500]);
    const kept = await coordinator.ok('GET', `/api/organizers/${id}/notes`);
    expect(kept.items.map((n: { text: string; editedAt: string | null }) => [n.text, n.editedAt])).toEqual([
      ['Prefers texts', null],
    ]);
  });

  it('refuses bad text, naming the field, and changes nothing', async () => {
    const id = await applicant();
    for (const text of ['', '   ', 'x'.repeat(4001), 42]) {
      const refused = await coordinator.call('POST', `/api/organizers/${id}/notes`, { text });
      expect(refused.status).toBe(400);
      expect(refused.body.problems[0].field).toBe('text');
    }
    expect((await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: 'x'.repeat(4000) })).text).toHaveLength(
      4000,
    );
    expect((await coordinator.ok('GET', `/api/organizers/${id}/notes`)).items).toHaveLength(1);
  });

  it("never shows a note to another program's coordinator, nor to the organizer: their token, their links", async () => {
    const id = await applicant();
    const secret = 'Worried about her commitment: check in weekly';
    await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: secret });
    expect((await stranger.call('GET', `/api/organizers/${id}/notes`)).status).toBe(403);
    expect((await stranger.call('POST', `/api/organizers/${id}/notes`, { text: 'x' })).status).toBe(403);

    const organizer = admin.as((await admin.createUser('organizer', { organizerId: id })).token);
    expect((await organizer.call('GET', `/api/organizers/${id}/notes`)).status).toBe(403);
    expect((await organizer.call('POST', `/api/organizers/${id}/notes`, { text: 'x' })).status).toBe(403);
    const own = await organizer.ok('GET', `/api/organizers/${id}`);
    expect(JSON.stringify(own)).not.toContain(secret);

    const before = harness.mail.messages.length;
    const sent = await coordinator.ok('POST', `/api/organizers/${id}/links`, { purpose: 'status' });
    const mail = await eventually('the status link', async () =>
      harness.mail.messages.slice(before).find((m) => m.messageId === `<link-${sent.id}@organizer-pipeline>`),
    );
    const view = await harness.http('GET', `/api/links/${linkTokenIn(mail)}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain(secret);
  });

  it('removes every note on erasure, and takes none on an erased record', async () => {
    const id = await applicant();
    await coordinator.ok('POST', `/api/organizers/${id}/notes`, { text: 'Prefers text messages' });
    const erased = await admin.ok('POST', `/api/organizers/${id}/erase`);
    const [{ count }] = await harness.dataSource.query(
      `SELECT count(*)::int AS count FROM organizer_notes WHERE organizer_id = ANY ($1)`,
      [[id, erased.organizerId]],
    );
    expect(count).toBe(0);
    expect((await coordinator.ok('GET', `/api/organizers/${erased.organizerId}/notes`)).items).toEqual([]);
    expect((await coordinator.call('POST', `/api/organizers/${erased.organizerId}/notes`, { text: 'x' })).status).toBe(
      409,
    );
    expect((await coordinator.call('POST', `/api/organizers/${id}/notes`, { text: 'x' })).status).toBe(404);
  });
});
