// `npm run dev`: a change under the source folder rebuilds, then restarts the worker and the API (start-all.ts).
import { watch, type FSWatcher } from 'node:fs';
import { Logger } from '@nestjs/common';

const logger = new Logger('watch');

/**
 * Calls `build` when a file under `dir` changes (changes within `quietMs` make one build; a change during a build
 * makes another after it), then `restart` when the build succeeded; a failed build leaves the processes as they are.
 */
export function watchSources(
  dir: string,
  build: () => Promise<number | null>,
  restart: () => Promise<void>,
  quietMs = 300,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      logger.log('a source file changed: building…');
      const code = await build();
      if (code === 0) await restart();
      else logger.warn(`the build failed (exit ${code}); the worker and the API keep running the last good build`);
    } catch (error) {
      logger.warn(`rebuilding failed: ${(error as Error).message}`);
    } finally {
      building = false;
    }
    if (again) {
      again = false;
      void rebuild();
    }
  };
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), quietMs);
  });
  logger.log(`watching ${dir}: a change rebuilds and restarts the worker and the API`);
  return watcher;
}
