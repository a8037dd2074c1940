#!/usr/bin/env bash
# Builds the service and runs one of the Java benchmarks in bench/ with its test class path.
# Usage: bench/java.sh CLASS [ARGS...]   e.g. bench/java.sh CronNext
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
shift
mvn -B -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench
# -sourcepath: a benchmark may use another one's helpers.
javac -d target/bench -cp "$cp" -sourcepath bench "bench/$main.java"
# JAVA_OPTS: the JVM options, e.g. ./run's collector and heap.
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "target/bench:$cp" "$main" "$@"
