#!/usr/bin/env bash
# Builds (once) and starts the test Neo4j server in the foreground: bolt://127.0.0.1:${NEO4J_DEV_PORT:-7687}.
# Maven keeps its downloads in the local repository (~/.m2), so only the first run downloads.
# NEO4J_WATCH_PID (set by the test setup): the server stops when that process is gone.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${1:-${NEO4J_DEV_PORT:-7687}}"
if [ ! -f target/classes/actorgraph/Neo4jLauncher.class ] || [ ! -f target/classpath.txt ] \
   || [ pom.xml -nt target/classpath.txt ] || [ src/main/java/actorgraph/Neo4jLauncher.java -nt target/classes/actorgraph/Neo4jLauncher.class ]; then
  mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
# Watchdog for the test run's setup (test/setup/neo4j-server.ts): if the process that started us
# dies, even by SIGKILL, the server goes too. It ignores SIGTERM so that a TERM sent to the whole
# process group does not take the watchdog down before the server has gone.
if [ -n "${NEO4J_WATCH_PID:-}" ]; then
  SERVER_PID=$$ # after `exec java` below, this PID is the JVM's
  (
    trap '' TERM
    while kill -0 "$NEO4J_WATCH_PID" 2>/dev/null && kill -0 "$SERVER_PID" 2>/dev/null; do sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null || exit 0
    kill -TERM "$SERVER_PID" 2>/dev/null || exit 0
    for _ in $(seq 1 15); do
      kill -0 "$SERVER_PID" 2>/dev/null || exit 0
      sleep 1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  ) </dev/null >/dev/null 2>&1 &
fi
exec java -Xmx1g -XX:+UseSerialGC -cp "target/classes:$(cat target/classpath.txt)" actorgraph.Neo4jLauncher "$PORT"
