#!/usr/bin/env bash
# Resident memory of the service as ./run starts it, after start and under a burst of signed webhook deliveries into
# one active automation. Prints RSS when ready, after the burst, and once the backlog of pending events is fired; its peak
# (VmHWM); the H2 file's size once the backlog is fired; and the live heap after a full GC.
# Usage: [JAVA_OPTS=-Xmx256m] bench/memory.sh [DELIVERIES] [CONNECTIONS] [BYTES]     (defaults: 20000, 32, about 12 KB)
#   BYTES makes each body about that large with many small objects (bench/Deliveries.java); the limit is 1 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
deliveries="${1:-20000}"
connections="${2:-32}"
bytes="${3:-0}"
export PORT=18190
data="$(mktemp -d)"
log="$(mktemp)"
AUTOMATIONS_DATA_DIR="$data" SKIP_BUILD=1 ./run >"$log" 2>&1 &
run_pid=$!
# Under set -e the server's exit status (143, killed here) would end the trap before the clean-up, and the script with it.
trap 'kill "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
until grep -q '^run: ready on ' "$log"; do
  kill -0 "$run_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
server="$(pgrep -P "$run_pid" java)"
rss() { awk -v field="$1" '$1 == field ":" { printf "%d MB", $2 / 1024 }' "/proc/$server/status"; }
echo "heap: ./run's defaults ${JAVA_OPTS:-}; ready: RSS $(rss VmRSS)"

base="localhost:$PORT/api"
json='Content-Type: application/json'
org=$(curl -fsS "$base/v2/users/first" -H "$json" -d '{"email":"b@example.com","username":"b","password":"bench-password"}' | jq -r .organization_id)
token=$(curl -fsS "$base/v2/users/login" -H "$json" -d '{"email":"b@example.com","password":"bench-password"}' | jq -r .session_token)
automation=$(curl -fsS "$base/experimental/automations" -H "$json" -H "Coder-Session-Token: $token" \
  -d "{\"name\":\"bench\",\"organization_id\":\"$org\",\"status\":\"active\"}" | jq -r .id)
trigger=$(curl -fsS "$base/experimental/automations/$automation/triggers" -H "$json" -H "Coder-Session-Token: $token" \
  -d '{"type":"webhook","filter":{"header:X-GitHub-Event":"issue_comment","action":"created"},"label_paths":{"issue":"issue.number"}}')

java bench/Deliveries.java "$(jq -r .webhook_url <<<"$trigger")" "$(jq -r .webhook_secret <<<"$trigger")" "$deliveries" "$connections" "$bytes"
pending() { curl -fsS "localhost:$PORT/metrics" | awk '/^automations_pending_events/ { value = int($NF) } END { print value }'; }
echo "after the burst: RSS $(rss VmRSS), peak RSS $(rss VmHWM), $(pending) events pending"
drain_started=$SECONDS
while [ "$(pending)" != 0 ] && [ $((SECONDS - drain_started)) -lt 600 ]; do sleep 2; done
echo "$(pending) pending after $((SECONDS - drain_started)) s: RSS $(rss VmRSS), peak RSS $(rss VmHWM)"
echo "H2 file: $(du -m "$data/automations.mv.db" | cut -f1) MB"
jcmd "$server" GC.run >/dev/null
[ -z "${HISTOGRAM:-}" ] || jcmd "$server" GC.class_histogram | head -25
# With JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the memory outside the heap goes.
jcmd "$server" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-) ' | sed 's/(reserved=[0-9]*KB, //' || true
# G1 prints one "garbage-first heap total …K, used …K" line, the parallel and serial collectors one per generation.
jcmd "$server" GC.heap_info | awk '/(garbage-first heap|generation|PSYoungGen|ParOldGen) +total/ { gsub(/[,K]/, "");
  for (i = 1; i < NF; i++) { if ($i == "total") total += $(i + 1); if ($i == "used") used += $(i + 1) } }
  END { printf "heap after a full GC: used %d MB of %d MB committed\n", used / 1024, total / 1024 }'
