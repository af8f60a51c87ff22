#!/usr/bin/env bash
# Benchmarks: the extractor against HanLP segmentation (JMH), then the HTTP endpoints and the pipeline of a local
# stack under open-loop load. Prints a table and writes bench-results/summary.json.
#
#   infra/bench.sh [--quick] [--no-build] [--profile] [--search-1m]
#
#   --quick     short JMH iterations and load steps (under 10 minutes on 2 cores)
#   --no-build  use the jars already in */target
#   --profile   record JFR on the ingest service during the load and print its hot methods
#   --search-1m the search step also at 1,000,000 seminars (loading them takes about ten minutes on 2 cores)
# Extra articles for the JMH corpus: BENCH_EXTRA=DIR_OR_FILE[:...] (seeds/ is always read).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench-results"
QUICK=0
BUILD=1
PROFILE=0
SEARCH_1M=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    --search-1m) SEARCH_1M=1 ;;
    *) echo "Unknown argument '$arg'. Usage: infra/bench.sh [--quick] [--no-build] [--profile] [--search-1m]" >&2; exit 2 ;;
  esac
done

# Ports of the stack; override when the defaults are taken.
INGEST_PORT=${INGEST_PORT:-8080}
QUERY_PORT=${QUERY_PORT:-8081}
PG_PORT=${PG_PORT:-5432}
KAFKA_PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${CONTROLLER_PORT:-9093}
BENCH_JAR="$ROOT/infra/bench/target/benchmarks.jar"
STACK_JAR="$ROOT/infra/local-stack/target/local-stack.jar"
START=$(date +%s)

step() { printf '\n== %s (%ds)\n' "$1" $(( $(date +%s) - START )); }

mkdir -p "$OUT"
rm -f "$OUT/jmh.json" "$OUT/load.json" "$OUT/summary.json" "$OUT/ingest.jfr" "$OUT/search.json"

if [[ $BUILD == 1 ]]; then
  step "build"
  mvn -q -DskipTests package
fi
for jar in "$BENCH_JAR" "$STACK_JAR"; do
  [[ -f $jar ]] || { echo "$jar is missing: run 'mvn -DskipTests package' from the repository root." >&2; exit 1; }
done

step "JMH: extractor vs segmentation, same run, same texts"
if [[ $QUICK == 1 ]]; then
  JMH_OPTS=(-f 1 -wi 2 -w 3s -i 3 -r 3s)
else
  JMH_OPTS=()
fi
java -jar "$BENCH_JAR" ExtractorBenchmark "${JMH_OPTS[@]}" -rf json -rff "$OUT/jmh.json" | tail -n 8

step "local stack"
export INGEST_API_KEY="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# The services inherit the launcher's environment. The per-key rate limit would cap POST /articles at its
# configured rate; the benchmark measures the service, so the limit is lifted far above any reachable rate.
export INGEST_API_RATE_LIMIT_PER_SECOND=1000000
export INGEST_API_RATE_LIMIT_BURST=1000000
# Likewise the query service's per-client limit (all load comes from one address).
export QUERY_RATE_LIMIT_PER_SECOND=0
STACK_PID=""
stop_stack() {
  if [[ -n $STACK_PID ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    kill "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
  fi
}
trap stop_stack EXIT
# A fresh data directory each run (removed here rather than with --clean, which refuses a directory the launcher
# has only just created its log folder in).
rm -rf "$OUT/stack"
java -jar "$STACK_JAR" run --no-seed --data-dir "$OUT/stack" --repo "$ROOT" \
  --ingest-port "$INGEST_PORT" --query-port "$QUERY_PORT" --postgres-port "$PG_PORT" \
  --kafka-port "$KAFKA_PORT" --controller-port "$CONTROLLER_PORT" >"$OUT/stack.log" 2>&1 &
STACK_PID=$!
ready() { curl -sf -o /dev/null "http://127.0.0.1:$INGEST_PORT/ping" && curl -sf -o /dev/null "http://127.0.0.1:$QUERY_PORT/articles?limit=1"; }
for _ in $(seq 1 180); do
  ready && break
  kill -0 "$STACK_PID" 2>/dev/null || { echo "The local stack exited; see $OUT/stack.log:" >&2; tail -n 30 "$OUT/stack.log" >&2; exit 1; }
  sleep 1
done
ready || { echo "The local stack did not answer within 180 s; see $OUT/stack.log." >&2; exit 1; }
echo "ready"

JFR_FILE="$OUT/ingest.jfr"
INGEST_JVM=""
if [[ $PROFILE == 1 ]]; then
  INGEST_JVM=$(jcmd -l | awk '/ingest-service\.jar/ {print $1; exit}')
  if [[ -n $INGEST_JVM ]]; then
    jcmd "$INGEST_JVM" JFR.start name=bench settings=profile filename="$JFR_FILE" >/dev/null
  else
    echo "No ingest-service JVM found for --profile; continuing without a recording." >&2
  fi
fi

step "load"
LOAD_OPTS=(--ingest "http://127.0.0.1:$INGEST_PORT" --query "http://127.0.0.1:$QUERY_PORT" --api-key "$INGEST_API_KEY"
  --jdbc-url "jdbc:postgresql://127.0.0.1:$PG_PORT/newsevents" --jdbc-user newsevents --jdbc-password newsevents
  --out "$OUT/load.json")
[[ $QUICK == 1 ]] && LOAD_OPTS+=(--quick)
java -Xmx1g -cp "$BENCH_JAR" cn.newsevents.bench.load.LoadBench "${LOAD_OPTS[@]}" 2>&1 | tee "$OUT/load.log"

if [[ -n $INGEST_JVM ]]; then
  jcmd "$INGEST_JVM" JFR.stop name=bench >/dev/null || true
fi

step "search: q at 100,000$([[ $SEARCH_1M == 1 ]] && echo ' and 1,000,000') seminars, with and without the trigram index"
SEARCH_SIZES=100000
[[ $SEARCH_1M == 1 ]] && SEARCH_SIZES=100000,1000000
java -Xmx512m -cp "$BENCH_JAR" cn.newsevents.bench.load.SearchBench \
  --jdbc-url "jdbc:postgresql://127.0.0.1:$PG_PORT/newsevents" --jdbc-user newsevents --jdbc-password newsevents \
  --sizes "$SEARCH_SIZES" --out "$OUT/search.json" 2>&1 | tee "$OUT/search.log"
step "stop stack"
stop_stack
trap - EXIT

step "summary"
java -cp "$BENCH_JAR" cn.newsevents.bench.report.Report "$OUT/jmh.json" "$OUT/load.json" "$OUT/summary.json"
if [[ -f $JFR_FILE ]]; then
  echo
  echo "ingest-service hot methods during the load ($JFR_FILE):"
  java -cp "$BENCH_JAR" cn.newsevents.bench.report.HotMethods "$JFR_FILE" 20
fi
echo
echo "wrote $OUT/summary.json in $(( $(date +%s) - START )) s"
