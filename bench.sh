#!/usr/bin/env bash
# Backchannel benchmark: starts the whole system on free ports (temporary data folder, chaos off,
# queue delay 0), a plain Vert.x baseline server and the load-generator processes, runs every
# scenario and writes bench/results/<timestamp>/ (report.json, report.md, PNG charts), copied to
# bench/results/latest/. Builds what is missing or stale first.
#
#   ./bench.sh quick           small sizes, the targets' rates; about 3 minutes
#   ./bench.sh full            the targets' sizes (19,000 sockets ...); about 10 minutes
#   ./bench.sh quick --only fan-out,end-to-end
#   ./bench.sh quick --socket-url ws://127.0.0.1:8080/ws --api-url http://127.0.0.1:8081 \
#       --query-url http://127.0.0.1:8082 --amqp 127.0.0.1:5672 --amqp-password "$(cat data/secrets/broker-password)" \
#       --gateway-pid <pid>    # measure services that are already running
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
MODE=${1:-quick}
[ $# -gt 0 ] && shift

SERVICES=(broker api-command processor socket-gateway)
jar_of() { if [ "$1" = broker ]; then echo "$ROOT/broker/target/broker.jar"; else echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; fi; }
M2=${MAVEN_REPO:-$HOME/.m2/repository}
# MAVEN_REPO, when set, is the local repository the builds below use too (not only the one checked)
MVN_REPO_FLAG=()
[ -n "${MAVEN_REPO:-}" ] && MVN_REPO_FLAG=("-Dmaven.repo.local=$MAVEN_REPO")

services_need_build() {
  for s in "${SERVICES[@]}"; do [ -f "$(jar_of "$s")" ] || return 0; done
  for m in schemas service-support system-launcher client "${SERVICES[@]}"; do [ -d "$M2/dev/backchannel/$m/0.1.0-SNAPSHOT" ] || return 0; done
  oldest=$(ls -t $(for s in "${SERVICES[@]}"; do jar_of "$s"; done) | tail -n 1)
  [ -n "$(find schemas service-support system-launcher client broker api-command processor socket-gateway pom.xml -path '*/target' -prune -o -type f -newer "$oldest" -print -quit)" ]
}

bench_needs_build() {
  [ -d bench/target/lib ] && [ -d bench/target/classes ] || return 0
  [ -n "$(find bench/src/main bench/pom.xml -type f -newer bench/target/lib -print -quit)" ]
}

if services_need_build; then
  echo "bench: building the services (mvn install, tests skipped; a first build takes a few minutes) ..."
  mvn -B -q "${MVN_REPO_FLAG[@]}" install -DskipTests -pl broker,api-command,processor,socket-gateway,client,system-launcher -am
fi
if bench_needs_build; then
  echo "bench: building the harness ..."
  (cd bench && mvn -B -q "${MVN_REPO_FLAG[@]}" package -DskipTests)
  touch bench/target/lib
fi

exec java -Xmx1g -Djava.awt.headless=true -Dbackchannel.root="$ROOT" \
  -cp "bench/target/classes:bench/target/lib/*" dev.backchannel.bench.BenchMain "$MODE" "$@"
