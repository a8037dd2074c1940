#!/usr/bin/env bash
# Measures login (PBKDF2) and authenticated-request latency against a running service.
# Usage: ./run & bench/login.sh [BASE_URL] [N]   — prints figures; creates the first user if there is none.
set -euo pipefail
base="${1:-http://localhost:8080}"
n="${2:-20}"
json='Content-Type: application/json'
email=bench@example.com password=bench-password-1
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v2/users/first")" = 404 ]; then
  curl -sf -o /dev/null -X POST -H "$json" -d "{\"email\":\"$email\",\"username\":\"bench\",\"password\":\"$password\"}" "$base/api/v2/users/first"
fi
login_times=() me_times=() token=""
for _ in $(seq 1 "$n"); do
  out=$(curl -s -w ' %{time_total}' -X POST -H "$json" -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$base/api/v2/users/login")
  login_times+=("${out##* }")
  token=$(echo "${out% *}" | sed -E 's/.*"session_token":"([^"]+)".*/\1/')
done
for _ in $(seq 1 $((n * 10))); do
  me_times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Coder-Session-Token: $token" "$base/api/v2/users/me")")
done
summary() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1*1000} END {printf "median %.1f ms, p90 %.1f ms, n=%d\n", a[int((NR+1)/2)], a[int(NR*0.9)], NR}'; }
echo "login (PBKDF2-HMAC-SHA512, 210k iterations): $(summary "${login_times[@]}")"
echo "GET /api/v2/users/me with a session token:   $(summary "${me_times[@]}")"
