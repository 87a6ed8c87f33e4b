// A person's emailed links on their panel, for their coordinator: which were sent, in what state, and sending a fresh
// one (for what the API says can be sent now) or revoking one. The secret never reaches the page: only the email has it.
import { ApiError, get, send } from '../api';
import type { LinkDto, LinkListDto } from '../api-types';
import { when } from '../time';
import { DataTable, FormAlert, useAction, useData } from '../ui';

const stateWords: Record<LinkDto['state'], string> = {
  open: 'open',
  used: 'used',
  revoked: 'revoked',
  superseded: 'replaced by a newer one',
  expired: 'expired',
  done: 'nothing left to do',
};

export function Links({ organizerId, timezone }: { organizerId: string; timezone: string }) {
  const { data, error, reload } = useData(
    () =>
      get<LinkListDto>(`/api/organizers/${organizerId}/links`).catch((e) => {
        // Only the person's coordinators see their links.
        if (e instanceof ApiError && e.status === 403) return undefined;
        throw e;
      }),
    [organizerId],
  );
  const { busy, failure, run } = useAction(reload);
  if (error || !data) return null;

  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">Links sent by email</h2>
      <p class="muted small">
        A link lets them do one thing from their phone without an account. A fresh one replaces the open one.
      </p>
      <p class="actions">
        {data.available.map((a) => (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                () => send(`POST`, `/api/organizers/${organizerId}/links`, { purpose: a.purpose }),
                `A fresh link to “${a.label}” was emailed`,
              )
            }
          >
            Email a fresh link: {a.label}
          </button>
        ))}
      </p>
      <FormAlert error={failure} />
      <DataTable
        caption="Newest first"
        testid="links"
        empty="None sent yet."
        rows={data.items}
        columns={[
          { name: 'For', cell: (l) => l.label },
          { name: 'State', cell: (l) => stateWords[l.state] },
          {
            name: 'Sent',
            cell: (l) => `${when(l.createdAt, timezone)}${l.createdBy === 'system' ? ' (reminder)' : ''}`,
          },
          { name: 'Good until', cell: (l) => when(l.expiresAt, timezone) },
          {
            name: 'Action',
            cell: (l) =>
              l.state === 'open' ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    run(() => send('POST', `/api/organizers/${organizerId}/links/${l.id}/revoke`, {}), 'Link revoked')
                  }
                >
                  Revoke
                </button>
              ) : (
                ''
              ),
          },
        ]}
      />
    </section>
  );
}
