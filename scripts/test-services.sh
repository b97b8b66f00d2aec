#!/usr/bin/env bash
# Provides what the test suite needs on this kind of machine (Debian, as root): a running
# PostgreSQL server and Debian's chromium. Used by `npm test` (pretest) and by .ci/run.
# Anything it cannot provide is said plainly; the tests that need it then fail, never skip.
set -euo pipefail

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

pg_ready() { pg_isready -q -d "$pg_url" 2>/dev/null; }

if ! command -v pg_isready >/dev/null || ! pg_ready; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      echo "finhub: installing PostgreSQL (apt-get) …"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    echo "finhub: starting PostgreSQL …"
    for v in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
    done
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  fi
fi
if pg_ready; then echo "finhub: PostgreSQL is up ($pg_url)"; else echo "finhub: PostgreSQL is NOT reachable at $pg_url — the PostgreSQL tests will fail" >&2; fi

# Redis, for the tests of REDIS_URL (rate limits and the sign-in throttle counted in Redis:
# tests/support/redis.ts). This kind of machine starts one; if it did not, Debian's redis-server is
# started here (installed first if missing), keeping nothing on disk.
redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
redis_ready() { command -v redis-cli >/dev/null && [ "$(redis-cli -u "$redis_url" ping 2>/dev/null)" = PONG ]; }
if ! redis_ready; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! command -v redis-server >/dev/null; then
    echo "finhub: installing Redis (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  if command -v redis-server >/dev/null; then
    echo "finhub: starting Redis …"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$(node -e 'console.log(new URL(process.argv[1]).port || 6379)' "$redis_url")" --save '' --appendonly no >/dev/null || true
    for _ in $(seq 1 30); do redis_ready && break; sleep 0.2; done
  fi
fi
if redis_ready; then echo "finhub: Redis is up ($redis_url)"; else echo "finhub: Redis is NOT reachable at $redis_url — the Redis tests will fail" >&2; fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "finhub: installing Debian chromium (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ -x /usr/bin/chromium ]; then echo "finhub: chromium $(/usr/bin/chromium --version 2>/dev/null | head -1)"; else echo "finhub: /usr/bin/chromium is missing — the browser tests will fail" >&2; fi

# Independent readers the tests check our files with (tests/support/independent.ts), and the
# fonts badges fall back to (src/modules/events/attendee-badges.ts): calendars (python3-icalendar,
# python3-vobject), spreadsheets (python3-openpyxl), the OpenAPI document (python3-jsonschema),
# fonts (python3-fonttools, fonts-noto-cjk, fonts-dejavu-core), PDF text (poppler-utils), XML against
# its schema (python3-lxml: sitemap.xml), news feeds (python3-feedparser).
readers_ok() {
  /usr/bin/python3 -c 'import icalendar, vobject, openpyxl, jsonschema, fontTools, brotli, lxml, feedparser' 2>/dev/null &&
    command -v pdftotext >/dev/null &&
    [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] &&
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]
}
if ! readers_ok; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "finhub: installing the independent readers and fonts (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      python3-icalendar python3-vobject python3-openpyxl python3-jsonschema python3-fonttools python3-brotli python3-lxml python3-feedparser \
      poppler-utils fonts-noto-cjk fonts-dejavu-core >/dev/null
  fi
fi
if readers_ok; then echo "finhub: independent readers and fonts are there"; else echo "finhub: python3-icalendar/vobject/openpyxl/jsonschema/fonttools/lxml/feedparser, poppler-utils or fonts-noto-cjk/fonts-dejavu-core missing — the output tests will fail" >&2; fi

# The multi-server tests (tests/api/pgbouncer.test.ts, tests/faults/multi-server.test.ts) run
# Debian's PgBouncer (transaction pooling) and nginx (the load balancer) unprivileged, with
# generated configs on free ports; the packages' own services are not used.
if [ ! -x /usr/sbin/pgbouncer ] || [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "finhub: installing pgbouncer and nginx (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer nginx >/dev/null
  fi
fi
if [ -x /usr/sbin/pgbouncer ] && [ -x /usr/sbin/nginx ]; then echo "finhub: pgbouncer and nginx are there"; else echo "finhub: /usr/sbin/pgbouncer or /usr/sbin/nginx missing — the multi-server tests will fail" >&2; fi
