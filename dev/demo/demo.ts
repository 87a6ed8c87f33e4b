// `npm start` runs this beside the API (unless DEMO=off): on a fresh system it seeds the demo programs, then keeps
// their organizers debriefing. Everything goes through the HTTP API, as a client's would.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { demoHistory } from './demo-data';
import {
  demoBreak,
  DemoClient,
  demoPulse,
  demoResume,
  DemoState,
  endDemoHistory,
  seedDemo,
  withDemoActors,
} from './demo-seeder';

const logger = new Logger('demo');
const client = new DemoClient(
  process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  process.env.ADMIN_TOKEN!,
);
const stateFile = join(process.env.DATA_DIR ?? '.data', 'demo.json');

async function main(): Promise<void> {
  let state: DemoState;
  if (existsSync(stateFile)) {
    state = await withDemoActors(client, JSON.parse(readFileSync(stateFile, 'utf8')) as DemoState);
    save(state);
  } else {
    const programs = await client.call(client.adminToken, 'GET', '/api/programs');
    if (programs.total > 0) {
      logger.log('programs already exist: no demo data (this is not a fresh system)');
      return;
    }
    const started = Date.now();
    // Its first weeks are lived fast, so the charts have a season behind them within minutes (see demoHistory).
    state = await seedDemo(client, logger, demoHistory.policy);
    state.historyUntil = Date.now() + demoHistory.weeks * demoHistory.weekMs;
    save(state);
    logger.log(
      `demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s; coordinator tokens are in ${stateFile}`,
    );
  }
  if (state.onBreak?.length) {
    await demoResume(client, state, logger);
    logger.log(`${state.onBreak.length} demo organizers back from their break`);
    state.onBreak = [];
    save(state);
  }
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => (stopping = true));
  while (!stopping) {
    await demoPulse(client, state, logger).catch((error: Error) =>
      logger.warn(`demo debriefs paused: ${error.message}`),
    );
    if (await endDemoHistory(client, state, logger).catch((error: Error) => logger.warn(error.message))) save(state);
    for (let waited = 0; waited < 5_000 && !stopping; waited += 250) await new Promise((r) => setTimeout(r, 250));
  }
  // The stack is stopping (the API stops after us): the organizers take a break until it starts again.
  state.onBreak = await demoBreak(client, state, logger);
  save(state);
  logger.log(`${state.onBreak.length} demo organizers paused until the stack starts again`);
}

function save(state: DemoState): void {
  writeFileSync(stateFile, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
