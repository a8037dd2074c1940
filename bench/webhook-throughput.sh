#!/usr/bin/env bash
# Issue #16's webhook benchmark. Starts the service the README's way (./run), creates one active automation with a webhook
# trigger as an organization-wide GitHub hook would have it (a filter on the event header, the action and a $regex on the
# comment; two label paths), then in the same run drives GET /api/v2/buildinfo, signed 12.7 KB issue_comment deliveries
# and, once the burst's figures are out, a floor (the same signed deliveries posted to buildinfo, which answers 405
# without reading them: the driver's and the HTTP stack's share of a delivery), each for SECONDS over CONNECTIONS
# connections (bench/WebhookThroughput.java, java.net.http). Prints throughput, latency percentiles, non-200s, the
# webhook/buildinfo and floor ratios, the load average, how long the pending events took to fire after the
# last 200, RSS, and whether every 200 is backed by a committed event (it exits 1 if one is not). The service's log is
# left in target/bench/webhook-DATABASE.log. Figures that hold whatever else loads the machine: the server's CPU seconds
# (/proc) per 1 000 requests and deliveries, by kind of thread, and on PostgreSQL the statements per delivery
# (pg_stat_statements) and PostgreSQL's own CPU seconds per 1 000 deliveries (its processes in /proc).
# PostgreSQL is Debian's PostgreSQL 15 (/usr/lib/postgresql/15), a throw-away cluster on 127.0.0.1:$PG_PORT (54335).
# It starts the WAR as built (SKIP_BUILD=1); build it first: mvn -B -q -DskipTests package
# With CRASH=1 it kills the server (kill -9) right after the burst, restarts it, and reports how long the recovery sweep
# took to fire the events left pending (§9: within a minute), then checks every 200 as above.
# Usage: [CRASH=1] bench/webhook-throughput.sh [h2|postgres] [SECONDS] [CONNECTIONS]     (defaults: h2, 20, 32)
#   JAVA_OPTS is passed to ./run. WARMUP=SECONDS sets each warm-up phase (default SECONDS/4): until the JIT is done,
#   compiling is a large share of the CPU per delivery. JFR=1 records the webhook phase and the drain (JFR's profile
#   settings) into target/bench/webhook-DATABASE.jfr. ISSUES=N spreads the comments over N issues (50); fewer make
#   hotter chats. HOT=N sends the measured deliveries to N automations in turn (1). ASPROF=/path/to/libasyncProfiler.so (from tools.profiler:async-profiler on Maven Central) writes the
#   buildinfo and webhook phases' CPU samples as collapsed stacks to target/bench/{buildinfo,webhook}.collapsed;
#   ASPROF_EVENT=alloc,total records the bytes allocated instead.
set -euo pipefail
cd "$(dirname "$0")/.."
database="${1:-h2}"
seconds="${2:-20}"
connections="${3:-32}"
export PORT="${PORT:-18191}"
work="$(mktemp -d)"
chmod 755 "$work"
log="$work/service.log"
run_pid=""
cleanup() {
  mkdir -p target/bench && cp "$log" "target/bench/webhook-$database.log" 2>/dev/null || true
  # Under set -e a failed kill (the server already gone) would end the trap here and leave PostgreSQL running.
  [ -z "$run_pid" ] || { kill "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; }
  [ ! -d "$work/pg" ] || runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

case "$database" in
  h2) ;;
  postgres)
    pg_port="${PG_PORT:-54335}"
    bin=/usr/lib/postgresql/15/bin
    mkdir "$work/pg" && chown postgres "$work/pg"
    # The server refuses to run as root; the cluster belongs to the postgres account and listens on loopback only.
    runuser -u postgres -- "$bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
      -o "-h 127.0.0.1 -p $pg_port -k $work/pg -c max_connections=100 -c shared_buffers=128MB \
      -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
    runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q \
      -c "CREATE ROLE automations LOGIN PASSWORD 'bench'" -c "CREATE DATABASE automations OWNER automations"
    # The driver counts the statements of the webhook phase with it (per delivery, by statement).
    psql="runuser -u postgres -- $bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d automations -Atq"
    $psql -c "CREATE EXTENSION pg_stat_statements"
    export AUTOMATIONS_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/automations" AUTOMATIONS_DB_USER=automations
    export AUTOMATIONS_DB_PASSWORD=bench ;;
  *) echo "usage: $0 [h2|postgres] [SECONDS] [CONNECTIONS]" >&2; exit 2 ;;
esac

start() {
  AUTOMATIONS_DATA_DIR="$work/data" SKIP_BUILD=1 ./run >>"$log" 2>&1 &
  run_pid=$!
  until [ "$(grep -c '^run: ready on ' "$log")" -ge "$1" ]; do
    kill -0 "$run_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
  done
  server="$(pgrep -P "$run_pid" java)"
}
start 1
echo "$database, $(grep -o 'started in [0-9]* s' "$log"), $seconds s per phase, $connections connections, $(nproc) cores"

base="http://localhost:$PORT"
json='Content-Type: application/json'
org=$(curl -fsS "$base/api/v2/users/first" -H "$json" -d '{"email":"b@example.com","username":"b","password":"bench-password"}' | jq -r .organization_id)
token=$(curl -fsS "$base/api/v2/users/login" -H "$json" -d '{"email":"b@example.com","password":"bench-password"}' | jq -r .session_token)
auth="Coder-Session-Token: $token"
# One automation and trigger to measure and one to warm up with, so the warm-up leaves the measured one's hourly limits
# (at most 1 000, §4) to the measured deliveries: rate-limited events cost firing almost nothing.
create() {
  local automation trigger
  automation=$(curl -fsS "$base/api/experimental/automations" -H "$json" -H "$auth" -d "{\"name\":\"$1\",\"organization_id\":\"$org\",
    \"instructions\":\"Answer the comment.\",\"status\":\"active\",\"max_chat_creates_per_hour\":1000,\"max_messages_per_hour\":1000}" | jq -r .id)
  trigger=$(curl -fsS "$base/api/experimental/automations/$automation/triggers" -H "$json" -H "$auth" -d '{"type":"webhook",
    "filter":{"header:X-GitHub-Event":"issue_comment","action":"created","comment.body":{"$regex":"(^|\\s)@bot\\b"}},
    "label_paths":{"repository":"repository.full_name","issue":"issue.number"}}')
  echo "$automation $(jq -r '.webhook_url + " " + .webhook_secret' <<<"$trigger")"
}
read -r automation webhook secret <<<"$(create github)"
read -r _ warm_up_webhook warm_up_secret <<<"$(create warm-up)"
# HOT=N spreads the measured deliveries over N automations (round robin), each with its own hourly limits.
hooks="$work/hooks"
echo "$automation $webhook $secret" > "$hooks"
for ((n = 2; n <= ${HOT:-1}; n++)); do create "github-$n" >> "$hooks"; done

mkdir -p target/bench
driver=(java ${CRASH:+-Dcrash="$work/accepted"} ${psql:+-Dpsql="$psql"} ${WARMUP:+-Dwarmup="$WARMUP"} ${ISSUES:+-Dissues="$ISSUES"}
  -Dhooks="$hooks" ${JFR:+-Djfr="$PWD/target/bench/webhook-$database.jfr"} ${ASPROF:+-Dasprof="$ASPROF" -DprofileDir="$PWD/target/bench"} ${ASPROF_EVENT:+-DasprofEvent="$ASPROF_EVENT"}
  bench/WebhookThroughput.java)
"${driver[@]}" "$base" "$token" "$automation" "$webhook" "$secret" "$seconds" "$connections" "$server" \
  "$warm_up_webhook" "$warm_up_secret"
[ -n "${CRASH:-}" ] || exit 0

# CRASH=1 (#11 finding 5, §9): kill -9 right after the burst, restart, and time how long the pending events take to fire.
kill -9 "$server"
wait "$run_pid" 2>/dev/null || true
killed=$SECONDS
start 2
ready=$SECONDS
pending() { curl -fsS "$base/metrics" | awk '/^automations_pending_events/ { value = int($NF) } END { print value }'; }
echo "killed -9 and restarted: ready after $((ready - killed)) s with $(pending) events pending; load average $(cut -d' ' -f1-3 /proc/loadavg)"
while [ "$(pending)" != 0 ] && [ $((SECONDS - ready)) -lt 600 ]; do sleep 1; done
echo "$(pending) pending $((SECONDS - ready)) s after ready ($((SECONDS - killed)) s after the kill); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/WebhookThroughput.java verify "$base" "$token" "$automation" "$work/accepted"
