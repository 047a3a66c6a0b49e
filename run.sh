#!/usr/bin/env bash
# Runs the whole Backchannel system on one machine: the embedded broker, api-command, processor
# and socket-gateway. Builds what is missing or stale first, makes first-run secrets under ./data,
# waits until every service is ready, prints the URLs, and stops everything on Ctrl-C.
# Data (broker journal, databases, keys) stays in ./data between runs.
#
#   ./run.sh            build if needed, then run
#   ./run.sh --build    rebuild first, whatever the state
#
# Ports and the data folder come from the environment: BACKCHANNEL_DATA (./data), BROKER_PORT (5672),
# API_PORT (8081), PROCESSOR_PORT (8082), GATEWAY_PORT (8080).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$(mkdir -p "${BACKCHANNEL_DATA:-$ROOT/data}" && cd "${BACKCHANNEL_DATA:-$ROOT/data}" && pwd)
BROKER_PORT=${BROKER_PORT:-5672}
API_PORT=${API_PORT:-8081}
PROCESSOR_PORT=${PROCESSOR_PORT:-8082}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
LOGS=$DATA/logs
mkdir -p "$LOGS"

SERVICES=(api-command processor socket-gateway)
jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
BROKER_JAR=$ROOT/broker/target/broker.jar

needs_build() {
  [ "${1:-}" = "--build" ] && return 0
  [ -f "$BROKER_JAR" ] || return 0
  for s in "${SERVICES[@]}"; do [ -f "$(jar_of "$s")" ] || return 0; done
  # stale: any source newer than the oldest jar
  oldest=$(ls -t "$BROKER_JAR" $(for s in "${SERVICES[@]}"; do jar_of "$s"; done) | tail -n 1)
  [ -n "$(find schemas service-support broker api-command processor socket-gateway pom.xml -path '*/target' -prune -o -type f -newer "$oldest" -print -quit)" ]
}

if needs_build "${1:-}"; then
  echo "Building (mvn package, tests skipped; the first build downloads dependencies and takes a few minutes)..."
  mvn -B -q package -DskipTests -pl broker,api-command,processor,socket-gateway -am
fi

java "$ROOT/scripts/KeyGen.java" "$DATA"
export BROKER_PASSWORD AMQP_PASSWORD
BROKER_PASSWORD=$(cat "$DATA/secrets/broker-password")
AMQP_PASSWORD=$BROKER_PASSWORD
export AMQP_HOST=127.0.0.1 AMQP_PORT=$BROKER_PORT
export BACKCHANNEL_DATA=$DATA   # the services keep their databases under it
# identity: the demo sign-in (anyone picks a name) with the key pair made above, unless an external
# OIDC issuer is named (BACKCHANNEL_OIDC_ISSUER, _JWKS_URL, _AUDIENCE, _USER_CLAIM are passed through)
if [ -z "${BACKCHANNEL_OIDC_JWKS_URL:-}" ]; then
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$DATA/keys/public.pem
fi
export SMALLRYE_JWT_SIGN_KEY_LOCATION=file:$DATA/keys/private.pem
export BACKCHANNEL_DEMO_SIGNIN=${BACKCHANNEL_DEMO_SIGNIN:-true}
export BACKCHANNEL_CHAOS_ENABLED=${BACKCHANNEL_CHAOS_ENABLED:-true}
# in the demo every signed-in user may change the chaos flags
export BACKCHANNEL_CHAOS_EDITORS=${BACKCHANNEL_CHAOS_EDITORS:-*}
# the browser page is served by the gateway and calls api-command and processor directly
export BACKCHANNEL_CLIENT_ORIGINS=http://localhost:$GATEWAY_PORT
export BACKCHANNEL_GATEWAY_CLIENT_API_URL=http://localhost:$API_PORT
export BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL=http://localhost:$PROCESSOR_PORT

PIDS=()
STOPPING=false
stop_all() {
  trap - INT TERM EXIT
  STOPPING=true
  echo
  echo "Stopping..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped. Data kept in $DATA"
}
trap stop_all INT TERM EXIT

wait_for() { # name url-or-port pid
  local name=$1 target=$2 pid=$3
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $LOGS/$name.log:"; tail -n 20 "$LOGS/$name.log"; exit 1; }
    if [[ $target == http* ]]; then
      curl -fsS -o /dev/null "$target" 2>/dev/null && return 0
    elif (exec 3<>/dev/tcp/127.0.0.1/"$target") 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "$name did not become ready in 2 minutes; see $LOGS/$name.log"; exit 1
}

echo "Starting broker on amqp://127.0.0.1:$BROKER_PORT ..."
BROKER_HOST=127.0.0.1 BROKER_PORT=$BROKER_PORT BROKER_DATA_DIR=$DATA/broker \
  java -jar "$BROKER_JAR" >"$LOGS/broker.log" 2>&1 &
PIDS+=($!)
wait_for broker "$BROKER_PORT" "$!"

start_service() { # module port [VAR=value...]
  local module=$1 port=$2; shift 2
  echo "Starting $module on http://localhost:$port ..."
  env QUARKUS_HTTP_PORT="$port" "$@" java -jar "$(jar_of "$module")" >"$LOGS/$module.log" 2>&1 &
  PIDS+=($!)
}
start_service api-command "$API_PORT"
API_PID=$!
start_service processor "$PROCESSOR_PORT"
PROCESSOR_PID=$!
start_service socket-gateway "$GATEWAY_PORT"
GATEWAY_PID=$!
wait_for api-command "http://localhost:$API_PORT/q/health/ready" "$API_PID"
wait_for processor "http://localhost:$PROCESSOR_PORT/q/health/ready" "$PROCESSOR_PID"
wait_for socket-gateway "http://localhost:$GATEWAY_PORT/q/health/ready" "$GATEWAY_PID"

cat <<MSG

Backchannel is running (logs in $LOGS):
  browser client    http://localhost:$GATEWAY_PORT/
  websocket         ws://localhost:$GATEWAY_PORT/ws
  command API       http://localhost:$API_PORT/api/commands   (Swagger UI: http://localhost:$API_PORT/q/swagger-ui)
  query API         http://localhost:$PROCESSOR_PORT/api/items
  broker            amqp://127.0.0.1:$BROKER_PORT   (user backchannel, password in $DATA/secrets/broker-password)
  desktop client    in another terminal: mvn -B -q install -DskipTests -pl desktop-client -am && mvn -pl desktop-client javafx:run
Press Ctrl-C to stop.
MSG
wait -n "${PIDS[@]}" || true
$STOPPING || echo "A process exited; stopping the rest (see $LOGS)."
