#!/usr/bin/env bash
# Runs the whole Backchannel system on one machine: the embedded broker, api-command, processor
# and socket-gateway. Builds what is missing or stale first, makes first-run secrets under ./data,
# waits until every service is ready, prints the URLs, and stops everything on Ctrl-C.
# Data (broker journal, databases, keys) stays in ./data between runs.
#
#   ./run.sh                      build if needed, then run
#   ./run.sh --build              rebuild first, whatever the state
#   ./run.sh --cluster [--build]  the scaled-out topology on one machine: two brokers in a cluster, a
#                                 throwaway PostgreSQL under ./data/cluster, and on each broker an
#                                 api-command, a processor (both on the PostgreSQL) and a gateway node
#
# Ports and the data folder come from the environment: BACKCHANNEL_DATA (./data), BROKER_PORT (5672),
# API_PORT (8081), PROCESSOR_PORT (8082), GATEWAY_PORT (8080), BIND_HOST (127.0.0.1: the services listen on
# loopback only; 0.0.0.0 for every interface). With --cluster the second broker, api,
# processor and gateway take BROKER_2_PORT (5673), API_2_PORT (8091), PROCESSOR_2_PORT (8092),
# GATEWAY_2_PORT (8090), the brokers' Prometheus endpoints BROKER_METRICS_PORT (8083), BROKER_2_METRICS_PORT (8093); the brokers' cluster bridges CLUSTER_PORT (61616) and CLUSTER_2_PORT (61617);
# PostgreSQL POSTGRES_PORT (5433).
# AMQPS between the services and the broker(s) (docs/deploy.md, TLS): BROKER_TLS_KEYSTORE and
# BROKER_TLS_KEYSTORE_PASSWORD (PKCS#12) make every broker's AMQP port TLS only; the services then connect
# with TLS (AMQP_TLS, true by default once a broker key store is set), trusting AMQP_TRUSTSTORE and
# AMQP_TRUSTSTORE_PASSWORD (PKCS#12; unset: the JVM's trust). All five are passed through as they are.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$(mkdir -p "${BACKCHANNEL_DATA:-$ROOT/data}" && cd "${BACKCHANNEL_DATA:-$ROOT/data}" && pwd)
BROKER_PORT=${BROKER_PORT:-5672}
API_PORT=${API_PORT:-8081}
PROCESSOR_PORT=${PROCESSOR_PORT:-8082}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
CLUSTER=false
BUILD=
for arg in "$@"; do
  case $arg in
    --cluster) CLUSTER=true ;;
    --build) BUILD=--build ;;
    *) echo "unknown option $arg (use --build, --cluster)"; exit 2 ;;
  esac
done
LOGS=$DATA/logs
$CLUSTER && LOGS=$DATA/cluster/logs
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

if needs_build "$BUILD"; then
  echo "Building (mvn package, tests skipped; the first build downloads dependencies and takes a few minutes)..."
  mvn -B -q package -DskipTests -pl broker,api-command,processor,socket-gateway -am
fi

java "$ROOT/scripts/KeyGen.java" "$DATA"
export BROKER_PASSWORD AMQP_PASSWORD
BROKER_PASSWORD=$(cat "$DATA/secrets/broker-password")
AMQP_PASSWORD=$BROKER_PASSWORD
export AMQP_HOST=127.0.0.1 AMQP_PORT=$BROKER_PORT
# broker TLS: a broker with a key store speaks AMQPS only, so the services' links use TLS too
AMQP_SCHEME=amqp
if [ -n "${BROKER_TLS_KEYSTORE:-}" ]; then
  export BROKER_TLS_KEYSTORE BROKER_TLS_KEYSTORE_PASSWORD=${BROKER_TLS_KEYSTORE_PASSWORD:-}
  export AMQP_TLS=${AMQP_TLS:-true}
  AMQP_SCHEME=amqps
fi
for key in AMQP_TLS AMQP_TRUSTSTORE AMQP_TRUSTSTORE_PASSWORD; do
  if [ -n "${!key:-}" ]; then export "$key"; fi
done
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
export BACKCHANNEL_API_QUERY_URL=http://localhost:$PROCESSOR_PORT   # where GET /api/commands/{id} on api-command points
# the demo listens on loopback only (it has a demo sign-in and chaos on); BIND_HOST=0.0.0.0 opens it to the network
export QUARKUS_HTTP_HOST=${BIND_HOST:-127.0.0.1}

PIDS=()
STOP_POSTGRES=()
STOPPING=false
stop_all() {
  trap - INT TERM EXIT
  STOPPING=true
  echo
  echo "Stopping..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ ${#STOP_POSTGRES[@]} -gt 0 ]; then "${STOP_POSTGRES[@]}" >/dev/null 2>&1 || true; fi
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

start_service() { # module port [VAR=value...]; its log is $LOGS/${LOG_NAME:-module}.log
  local module=$1 port=$2; shift 2
  local name=${LOG_NAME:-$module}
  echo "Starting $name on http://localhost:$port ..."
  env QUARKUS_HTTP_PORT="$port" "$@" java -jar "$(jar_of "$module")" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
}

start_broker() { # name port data-dir [VAR=value...]
  local name=$1 port=$2 dir=$3; shift 3
  echo "Starting $name on $AMQP_SCHEME://127.0.0.1:$port ..."
  env BROKER_HOST=127.0.0.1 BROKER_PORT="$port" BROKER_DATA_DIR="$dir" "$@" \
    java -jar "$BROKER_JAR" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
}

run_single() {
  start_broker broker "$BROKER_PORT" "$DATA/broker"
  wait_for broker "$BROKER_PORT" "$!"

  start_service api-command "$API_PORT"
  API_PID=$!
  start_service processor "$PROCESSOR_PORT"
  PROCESSOR_PID=$!
  # a fixed node id: after a restart of run.sh the node gets the events published while it was down
  start_service socket-gateway "$GATEWAY_PORT" BACKCHANNEL_GATEWAY_NODE_ID="${BACKCHANNEL_GATEWAY_NODE_ID:-gateway-1}"
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
  broker            $AMQP_SCHEME://127.0.0.1:$BROKER_PORT   (user backchannel, password in $DATA/secrets/broker-password)
  desktop client    in another terminal: mvn -B -q install -DskipTests -pl desktop-client -am && mvn -pl desktop-client javafx:run
Press Ctrl-C to stop.
MSG
  wait -n "${PIDS[@]}" || true
  $STOPPING || echo "A process exited; stopping the rest (see $LOGS)."
}

# --cluster: two brokers in a cluster, a throwaway PostgreSQL, and two of each service, half on each broker.
run_cluster() {
  local base=$DATA/cluster
  local broker_2_port=${BROKER_2_PORT:-5673} cluster_port=${CLUSTER_PORT:-61616} cluster_2_port=${CLUSTER_2_PORT:-61617}
  local api_2_port=${API_2_PORT:-8091} processor_2_port=${PROCESSOR_2_PORT:-8092} gateway_2_port=${GATEWAY_2_PORT:-8090}
  local metrics_port=${BROKER_METRICS_PORT:-8083} metrics_2_port=${BROKER_2_METRICS_PORT:-8093}
  local pg_port=${POSTGRES_PORT:-5433}
  start_postgres "$base/postgres" "$pg_port"
  export BACKCHANNEL_DB_KIND=postgresql BACKCHANNEL_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/backchannel
  export BACKCHANNEL_DB_USER=backchannel BACKCHANNEL_DB_PASSWORD=$PG_PASSWORD
  export BACKCHANNEL_CLIENT_ORIGINS=http://localhost:$GATEWAY_PORT,http://localhost:$gateway_2_port

  start_broker broker-1 "$BROKER_PORT" "$base/broker-1" BROKER_NODE_NAME=broker-1 BROKER_METRICS_PORT="$metrics_port" \
    BROKER_CLUSTER_PORT="$cluster_port" BROKER_CLUSTER_PEERS="127.0.0.1:$cluster_2_port"
  local broker_1_pid=$!
  start_broker broker-2 "$broker_2_port" "$base/broker-2" BROKER_NODE_NAME=broker-2 BROKER_METRICS_PORT="$metrics_2_port" \
    BROKER_CLUSTER_PORT="$cluster_2_port" BROKER_CLUSTER_PEERS="127.0.0.1:$cluster_port"
  local broker_2_pid=$!
  wait_for broker-1 "$BROKER_PORT" "$broker_1_pid"
  wait_for broker-2 "$broker_2_port" "$broker_2_pid"

  local names=() urls=() pids=()
  # name module port broker-port VAR=value...
  cluster_service() {
    local name=$1 module=$2 port=$3 amqp=$4; shift 4
    LOG_NAME=$name start_service "$module" "$port" AMQP_PORT="$amqp" "$@"
    names+=("$name"); urls+=("http://localhost:$port/q/health/ready"); pids+=($!)
  }
  cluster_service api-command-1 api-command "$API_PORT" "$BROKER_PORT" BACKCHANNEL_DATA="$base/api-command-1" \
    BACKCHANNEL_API_QUERY_URL="http://localhost:$PROCESSOR_PORT"
  cluster_service processor-1 processor "$PROCESSOR_PORT" "$BROKER_PORT" BACKCHANNEL_DATA="$base/processor-1"
  cluster_service gateway-1 socket-gateway "$GATEWAY_PORT" "$BROKER_PORT" BACKCHANNEL_GATEWAY_NODE_ID=gateway-1 \
    BACKCHANNEL_GATEWAY_CLIENT_API_URL="http://localhost:$API_PORT" \
    BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL="http://localhost:$PROCESSOR_PORT"
  # the second broker's services start once the first broker's are ready: eight JVMs booting at once on
  # a small machine time each other out
  for i in 0 1 2; do wait_for "${names[$i]}" "${urls[$i]}" "${pids[$i]}"; done
  cluster_service api-command-2 api-command "$api_2_port" "$broker_2_port" BACKCHANNEL_DATA="$base/api-command-2" \
    BACKCHANNEL_API_QUERY_URL="http://localhost:$processor_2_port"
  cluster_service processor-2 processor "$processor_2_port" "$broker_2_port" BACKCHANNEL_DATA="$base/processor-2"
  cluster_service gateway-2 socket-gateway "$gateway_2_port" "$broker_2_port" BACKCHANNEL_GATEWAY_NODE_ID=gateway-2 \
    BACKCHANNEL_GATEWAY_CLIENT_API_URL="http://localhost:$api_2_port" \
    BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL="http://localhost:$processor_2_port"
  for i in 3 4 5; do wait_for "${names[$i]}" "${urls[$i]}" "${pids[$i]}"; done

  cat <<MSG

Backchannel is running as a cluster (logs in $LOGS):
                      on broker 1                                  on broker 2
  broker              $AMQP_SCHEME://127.0.0.1:$BROKER_PORT (cluster :$cluster_port)          $AMQP_SCHEME://127.0.0.1:$broker_2_port (cluster :$cluster_2_port)
  broker metrics      http://localhost:$metrics_port/metrics                http://localhost:$metrics_2_port/metrics
  browser client      http://localhost:$GATEWAY_PORT/                       http://localhost:$gateway_2_port/
  websocket           ws://localhost:$GATEWAY_PORT/ws                       ws://localhost:$gateway_2_port/ws
  command API         http://localhost:$API_PORT/api/commands           http://localhost:$api_2_port/api/commands
  query API           http://localhost:$PROCESSOR_PORT/api/items              http://localhost:$processor_2_port/api/items
  gateway node ids    gateway-1                                    gateway-2
  PostgreSQL          127.0.0.1:$pg_port, database backchannel, user backchannel (password in $DATA/secrets/postgres-password)
  broker user         backchannel (password in $DATA/secrets/broker-password)
Open one browser page on each gateway: what one user does on one shows on the other.
Press Ctrl-C to stop.
MSG
  wait -n "${PIDS[@]}" || true
  $STOPPING || echo "A process exited; stopping the rest (see $LOGS)."
}

# A throwaway PostgreSQL from Debian's package (apt-get install postgresql), its files under $1, run as
# the postgres user when this script runs as root (initdb refuses root). Stopped with everything else.
start_postgres() { # folder port
  local folder=$1 port=$2 bin
  bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  [ -x "$bin/initdb" ] || { echo "--cluster needs PostgreSQL: apt-get install -y postgresql (or set PG_BIN)"; exit 1; }
  mkdir -p "$folder" "$DATA/secrets"
  [ -f "$DATA/secrets/postgres-password" ] || (umask 077; head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DATA/secrets/postgres-password")
  PG_PASSWORD=$(cat "$DATA/secrets/postgres-password")
  local as=()
  if [ "$(id -u)" = 0 ]; then
    as=(runuser -u postgres --)
    chown -R postgres "$folder"
  fi
  if [ ! -f "$folder/cluster/PG_VERSION" ]; then
    printf '%s\n' "$PG_PASSWORD" >"$folder/pwfile"; [ ${#as[@]} -gt 0 ] && chown postgres "$folder/pwfile"
    "${as[@]}" "$bin/initdb" -D "$folder/cluster" -U backchannel --pwfile="$folder/pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C >"$LOGS/postgres-init.log" 2>&1 || { echo "initdb failed; see $LOGS/postgres-init.log"; exit 1; }
    rm -f "$folder/pwfile"
  fi
  echo "Starting PostgreSQL on 127.0.0.1:$port ..."
  "${as[@]}" "$bin/pg_ctl" -D "$folder/cluster" -w -t 60 -l "$folder/postgres.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" start >/dev/null \
    || { echo "PostgreSQL did not start; see $folder/postgres.log"; exit 1; }
  STOP_POSTGRES=("${as[@]}" "$bin/pg_ctl" -D "$folder/cluster" -m fast -w stop)
  PGPASSWORD=$PG_PASSWORD "$bin/psql" -h 127.0.0.1 -p "$port" -U backchannel -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'backchannel'" | grep -q 1 \
    || PGPASSWORD=$PG_PASSWORD "$bin/psql" -h 127.0.0.1 -p "$port" -U backchannel -d postgres -qc "CREATE DATABASE backchannel"
}

if $CLUSTER; then run_cluster; else run_single; fi
