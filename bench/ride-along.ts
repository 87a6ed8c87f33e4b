// The action the benches time as a coordinator's (#14, #15): a ride-along recorded, answered with its status however
// it ends, so a run can count 503s instead of stopping at the first.
import type { DemoClient } from '../dev/demo/demo-seeder';

export async function recordRideAlong(
  api: DemoClient,
  organizerId: string,
  n: number,
  staff: string,
): Promise<{ status: number; ms: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  const response = await fetch(`${api.baseUrl}/api/organizers/${organizerId}/record-ride-along`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ date: `${today}T00:00:${String(n % 60).padStart(2, '0')}Z`, staff: `${staff} ${n}` }),
  });
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}
