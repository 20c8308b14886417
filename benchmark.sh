#!/usr/bin/env bash
# Order-intake benchmark: builds the server, starts a fresh copy on the chosen database, seeds a
# catalog, places orders over REST and writes the figures to benchmarks/results/.
#   ./benchmark.sh --db derby --clients 16 --duration 30
#   ./benchmark.sh --db postgres --clients 16 --duration 60
#   ./benchmark.sh --url http://localhost:8181/api/v1 --clients 8 --duration 20   (a running server)
# All options: see benchmarks/src/main/java/io/hanse/oms/benchmarks/Benchmark.java
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
mvn -B -q -pl benchmarks exec:java -Dexec.args="$*"
