#!/usr/bin/env bash
# Issue #16's cluster benchmark (§2, §10): three service instances, each started as the README starts one (./run, the WAR
# as built, on 127.0.0.1 and its own port: PORT, PORT+1, PORT+2, default 18391-18393), on one PostgreSQL (zonky, 16, on
# 127.0.0.1:PG_PORT, default 54340, with fsync and synchronous_commit on as in production), sharing one data dir
# (target/bench/data: the secret key file and each port's Payara runtime). ./run starts Payara with --nohazelcast, so the
# instances know nothing of each other: the database is their only coordination, as with plain replicas.
# 10 000 cron triggers on "* * * * *" (500 active automations of 20 triggers, the cap per automation; 5 owners of 100,
# the default automations.max-per-owner) are written straight into the database, first due at the next minute at least
# 30 s away, and run for MINUTES (default 10). No labels and no model config: every occurrence creates a chat in the
# embedded bridge, whose agent turn finds no model and leaves the chat pending with last_error saying so.
#
# Method. For each minute the driver waits until no trigger is due at that minute any more (or 58 s), then reads every
# trigger row's commit time (PostgreSQL's track_commit_timestamp, of the row's xmin): the claim that advanced the trigger
# also inserted the occurrence's event, in one transaction, so that is when the event was committed. Lag = that commit
# time minus the scheduled minute, on the database's clock. After the last minute it waits for the window's events to be
# fired (none pending), then counts the events per trigger and per cron:<minute> delivery id.
#
# Output, one line per minute: how many triggers were claimed for it by the read, their lag p50/p99/max, the occurrences
# each instance recorded in it (the difference of its automations_cron_fires_total, read from its /metrics after the
# minute's claims), and the load average. Then: occurrences expected, missing, recorded more than once (the pass/fail
# line: exit 1 if either is not 0); each instance's share; the lag over every recorded occurrence of the run, those
# committed after their minute's read counted as "> 58 s" (target p99 <= 2 s); the lag until
# firing committed (chat created, event updated: the same commit-time method on the event rows); events and chats by
# status. Instance logs: target/bench/cron-cluster-N.log.
#
# Usage: bench/cron-cluster.sh [--minutes N]
#   JAVA_OPTS is passed to every ./run, "{instance}" replaced by 1, 2, 3; to profile:
#   JAVA_OPTS='-XX:StartFlightRecording=filename=target/bench/cron-{instance}.jfr,settings=profile,dumponexit=true'
exec "$(dirname "$0")/java.sh" CronCluster "$@"
