import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { onPath } from './temporal-cli';
import { pinned, StackSettings } from './settings';

const logger = new Logger('stack');

function pom(): string {
  const { groupId, artifactId, version } = pinned.temporalTestServer;
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>organizer-pipeline</groupId>
  <artifactId>temporal-test-server-tool</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>
    <!-- Quiets SLF4J's "no binding" warning at every start. -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`;
}

// @temporalio/testing runs this as `<wrapper> <port> --enable-time-skipping`. A small heap and the client JIT
// keep the JVM's start well inside the 5 s the SDK waits for the server to answer.
const wrapper = `#!/bin/sh
# Temporal's time-skipping test server (${pinned.temporalTestServer.groupId}:${pinned.temporalTestServer.artifactId}:${pinned.temporalTestServer.version}).
exec java \${TEMPORAL_TEST_SERVER_JAVA_OPTS:--Xss512k -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \\
  -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"
`;

/**
 * The time-skipping test server as an executable the SDK can start (`existing-path`): the pinned Java server resolved
 * with Maven into the tools folder once, behind a wrapper script. Undefined without Maven and Java, in which case the
 * SDK downloads its own (needs internet).
 */
export function resolveTimeSkippingServer(settings: StackSettings): string | undefined {
  const dir = join(settings.toolsDir, 'temporal-test-server', pinned.temporalTestServer.version);
  const executable = join(dir, 'temporal-test-server');
  if (existsSync(executable)) {
    logger.log(`time-skipping test server: ${executable} (resolved earlier)`);
    return executable;
  }
  const mvn = onPath('mvn');
  if (!mvn || !onPath('java')) {
    logger.warn('time-skipping test server: no Maven/Java here; falling back to the SDK download (needs internet)');
    return undefined;
  }
  logger.log(
    `time-skipping test server: resolving ${pinned.temporalTestServer.artifactId}:${pinned.temporalTestServer.version} with Maven into ${dir}`,
  );
  mkdirSync(join(dir, '..'), { recursive: true });
  const scratch = mkdtempSync(join(dir, '..', 'resolve-'));
  try {
    writeFileSync(join(scratch, 'pom.xml'), pom());
    const result = spawnSync(
      mvn,
      [
        '-q',
        '-B',
        '-f',
        join(scratch, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(scratch, 'lib')}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (result.status !== 0)
      throw new Error(`Maven could not resolve the time-skipping test server (exit ${result.status})`);
    writeFileSync(join(scratch, 'temporal-test-server'), wrapper);
    chmodSync(join(scratch, 'temporal-test-server'), 0o755);
    rmSync(join(scratch, 'pom.xml'));
    renameSync(scratch, dir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(executable)) throw error; // else a concurrent run got there first
  }
  logger.log(`time-skipping test server: ready at ${executable}`);
  return executable;
}
