#!/usr/bin/env bash
# Builds (once) and starts the test Neo4j server in the foreground: bolt://127.0.0.1:${NEO4J_DEV_PORT:-7687}.
# Maven keeps its downloads in the local repository (~/.m2), so only the first run downloads.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${1:-${NEO4J_DEV_PORT:-7687}}"
if [ ! -f target/classes/actorgraph/Neo4jLauncher.class ] || [ ! -f target/classpath.txt ] \
   || [ pom.xml -nt target/classpath.txt ] || [ src/main/java/actorgraph/Neo4jLauncher.java -nt target/classes/actorgraph/Neo4jLauncher.class ]; then
  mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
exec java -Xmx1g -XX:+UseSerialGC -cp "target/classes:$(cat target/classpath.txt)" actorgraph.Neo4jLauncher "$PORT"
