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

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "finhub: installing Debian chromium (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ -x /usr/bin/chromium ]; then echo "finhub: chromium $(/usr/bin/chromium --version 2>/dev/null | head -1)"; else echo "finhub: /usr/bin/chromium is missing — the browser tests will fail" >&2; fi

# Independent parsers the tests read our files with (calendars: python3-icalendar).
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "finhub: installing python3-icalendar (apt-get) …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null
  fi
fi
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then echo "finhub: python3 icalendar is there"; else echo "finhub: python3-icalendar is missing — the calendar tests will fail" >&2; fi
