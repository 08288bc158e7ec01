#!/usr/bin/env bash
# Prints a PostgreSQL URL for the store tests, after making sure a local server runs:
# installs Debian's postgresql when missing (root only), starts the cluster, creates the
# role and database. Prints nothing (and the PostgreSQL tests skip, saying why) when that
# cannot be done here. All messages go to stderr; only the URL goes to stdout.
set -u
URL="postgresql+psycopg://parley:parley@127.0.0.1:5432/parley_test"
say() { echo "postgres-for-tests: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "no PostgreSQL server and no root/apt-get to install one: PostgreSQL tests will skip"; exit 0
  fi
  say "installing Debian's postgresql"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
    || { say "apt-get install postgresql failed: PostgreSQL tests will skip"; exit 0; }
fi
if command -v pg_lsclusters >/dev/null; then
  read -r ver name _ < <(pg_lsclusters --no-header | head -1)
  if [ -n "${ver:-}" ]; then
    pg_ctlcluster "$ver" "$name" start >/dev/null 2>&1 || true
  fi
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then
  say "PostgreSQL did not start: PostgreSQL tests will skip"; exit 0
fi
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='parley'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create user parley with password 'parley' createdb\"" >/dev/null
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='parley_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O parley parley_test" >/dev/null
echo "$URL"
