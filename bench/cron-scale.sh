#!/usr/bin/env bash
# The §10 scale benchmark: 100 000 cron triggers in PostgreSQL (zonky), one service instance.
# Prints the idle-tick database time and how fast 1 000 triggers due in one minute are fired.
# Takes about 2–3 minutes (one boot, one minute boundary). Usage: bench/cron-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench
javac -d target/bench -cp "$cp" bench/CronScale.java
java -cp "target/bench:$cp" CronScale
