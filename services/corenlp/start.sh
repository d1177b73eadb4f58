#!/usr/bin/env bash
# Starts Stanford CoreNLP's own HTTP server (edu.stanford.nlp.pipeline.StanfordCoreNLPServer) in the
# foreground on http://127.0.0.1:${1:-${CORENLP_PORT:-9000}} and prints one line "READY <url>" on
# stdout once its models are loaded (GET /ready answers). Everything else goes to stderr.
#
# CoreNLP is GPL-3.0: it runs here as its own process and actorgraph only talks HTTP to it; no code
# of ours links to it. Maven resolves the jars (pom.xml) into ~/.m2: the first run downloads about
# 480 MB, later runs only read the class path written to target/classpath.txt.
#
# Environment: CORENLP_PORT (9000), CORENLP_HEAP (3g), CORENLP_THREADS (CoreNLP's default: one per
# core), CORENLP_TIMEOUT_MS (60000, per request), CORENLP_READY_WAIT_S (900, how long to poll /ready),
# CORENLP_WATCH_PID (set by the Node launcher: the server stops when that process is gone).
set -euo pipefail
cd "$(dirname "$0")"
PORT="${1:-${CORENLP_PORT:-9000}}"
HEAP="${CORENLP_HEAP:-3g}"
READY_WAIT_S="${CORENLP_READY_WAIT_S:-900}"
VERSION="$(sed -n 's:.*<corenlp.version>\(.*\)</corenlp.version>.*:\1:p' pom.xml)"
MODELS_JAR="${HOME}/.m2/repository/edu/stanford/nlp/stanford-corenlp/${VERSION}/stanford-corenlp-${VERSION}-models.jar"

say() { echo "corenlp: $*" >&2; }

case "$PORT" in
  '' | *[!0-9]*) say "port must be a number, got '$PORT'"; exit 2 ;;
esac
command -v java >/dev/null 2>&1 || { say "java is not on PATH (CoreNLP needs Java 17 or newer)"; exit 2; }

# The class path is rebuilt when it is missing, older than pom.xml, or names a jar that is gone
# (~/.m2 cleaned). Maven stays quiet unless it has to download: then its "Downloading/Downloaded"
# lines are the progress the user sees.
classpath_stale() {
  [ -f target/classpath.txt ] || return 0
  [ pom.xml -nt target/classpath.txt ] && return 0
  local jar
  while IFS= read -r -d ':' jar; do [ -f "$jar" ] || return 0; done < <(tr -d '\n' < target/classpath.txt; printf ':')
  return 1
}
if classpath_stale; then
  command -v mvn >/dev/null 2>&1 || { say "mvn is not on PATH (Maven resolves CoreNLP's jars)"; exit 2; }
  mkdir -p target
  if [ -f "$MODELS_JAR" ]; then
    mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
  else
    say "first run: Maven downloads CoreNLP ${VERSION} and its English models (~480 MB) into ~/.m2…"
    mvn -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
  fi
fi

# CoreNLP's server has no bind-host option, so local-only.blocklist keeps every IPv4 client outside
# 127.0.0.0/8 away. Two details of StanfordCoreNLPServer 4.5.10 (read from its bytecode, and tried):
# it consults -blockList only when -stanford is true (that flag otherwise only shortens timeouts on
# the host corenlp.stanford.edu), and it never checks IPv6 clients, which on a dual-stack socket
# includes every IPv4 client (as ::ffff:a.b.c.d). Hence -stanford true and preferIPv4Stack.
JAVA_ARGS=(
  "-Xmx${HEAP}" -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true
  -cp "$(cat target/classpath.txt)"
  edu.stanford.nlp.pipeline.StanfordCoreNLPServer
  -port "$PORT"
  -timeout "${CORENLP_TIMEOUT_MS:-60000}"
  -quiet true
  -serverProperties "$PWD/server.properties"
  -preload tokenize,ssplit,pos,lemma,ner
  -blockList "$PWD/local-only.blocklist"
  -stanford true
  # The server writes a shutdown key to $TMPDIR/corenlp.shutdown[.id]: one file per port, so
  # two servers (and two users) do not fight over one file.
  -server_id "actorgraph-${PORT}"
)
[ -n "${CORENLP_THREADS:-}" ] && JAVA_ARGS+=(-threads "$CORENLP_THREADS")

answers_ready() {
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl -fsS --max-time 5 "http://127.0.0.1:${PORT}/ready" 2>/dev/null)" = ready ]
  else
    timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /ready HTTP/1.0\r\n\r\n' >&3 && cat <&3" \
      2>/dev/null | tr -d '\r' | grep -qx ready
  fi
}

SERVER_PID=$$ # after `exec java` below, this PID is the Java server's

# Readiness: polled from here so that every caller (npm run corenlp:dev, .ci/run, the Node
# launcher) can wait for the same "READY" line, as with the Neo4j test server.
(
  for ((second = 1; second <= READY_WAIT_S; second++)); do
    sleep 1
    kill -0 "$SERVER_PID" 2>/dev/null || exit 0
    if answers_ready; then
      echo "READY http://127.0.0.1:${PORT} (CoreNLP ${VERSION})"
      exit 0
    fi
    ((second % 15 == 0)) && say "still loading the models (${second} s)…"
  done
  say "no answer on /ready after ${READY_WAIT_S} s"
) &

# Watchdog for the Node launcher: if the process that started us dies, even by SIGKILL, the server
# goes too. It ignores SIGTERM so that a TERM sent to the whole process group by a caller that is
# exiting does not take the watchdog down before the server has gone.
if [ -n "${CORENLP_WATCH_PID:-}" ]; then
  (
    trap '' TERM
    while kill -0 "$CORENLP_WATCH_PID" 2>/dev/null && kill -0 "$SERVER_PID" 2>/dev/null; do sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null || exit 0
    kill -TERM "$SERVER_PID" 2>/dev/null || exit 0
    for _ in $(seq 1 10); do
      kill -0 "$SERVER_PID" 2>/dev/null || exit 0
      sleep 1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  ) </dev/null >/dev/null 2>&1 &
fi

say "loading the models (tokenize, ssplit, pos, lemma, ner; ~15 s) on port ${PORT}, heap ${HEAP}…"
exec java "${JAVA_ARGS[@]}"
