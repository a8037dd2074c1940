#!/usr/bin/env bash
# The §10 scale benchmark: 100 000 cron triggers in PostgreSQL (zonky), one service instance.
# Prints the idle-tick database time and how fast 1 000 triggers due in one minute are fired.
# Takes about 1.5 minutes (one boot, one minute boundary). Usage: bench/cron-scale.sh [--labels]
exec "$(dirname "$0")/java.sh" CronScale "$@"
