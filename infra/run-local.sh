#!/usr/bin/env bash
# Runs the whole pipeline on this machine (JDK 17 and Maven are all it needs): a real Kafka broker, a real
# PostgreSQL, ingest-service and query-service, seeded with seeds/. Builds the jars first when they are missing or
# older than the sources. Ctrl-C stops everything. Options are those of the launcher, e.g.:
#   infra/run-local.sh            # keep the data of the previous run (.local-stack/ in the repository)
#   infra/run-local.sh --clean    # start from empty storage
#   infra/run-local.sh --help
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

launcher=infra/local-stack/target/local-stack.jar
jars=(ingest-service/target/ingest-service.jar query-service/target/query-service.jar "$launcher")

stale=""
for jar in "${jars[@]}"; do
  if [[ ! -f $jar ]]; then
    stale="$jar is missing"
    break
  fi
done
if [[ -z $stale ]]; then
  # The oldest jar against every main source and pom of the modules they are built from.
  oldest=$(ls -1tr "${jars[@]}" | head -n 1)
  newer=$(find pom.xml contracts ingest-service query-service infra/testkit infra/local-stack \
            \( -name target -prune \) -o \( -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print \) \
            2>/dev/null | head -n 1)
  if [[ -n $newer ]]; then
    stale="$newer is newer than $oldest"
  fi
fi

if [[ -n $stale ]]; then
  if ! command -v "${MVN:-mvn}" >/dev/null 2>&1; then
    echo "Building needs Maven ($stale); install it or set MVN to its path." >&2
    exit 1
  fi
  echo "Building the jars ($stale): ${MVN:-mvn} -q -DskipTests package"
  "${MVN:-mvn}" -q -B -DskipTests package
fi

exec java -jar "$launcher" "$@"
