#!/usr/bin/env bash
# Starts the local PostgreSQL cluster (Debian's), makes the test role, and prints the
# DATABASE_URL export for the caller to source. Idempotent.
set -euo pipefail
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters --no-header | head -n1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start >&2
fi
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='bluelight'\"" | grep -q 1 ||
  su postgres -c "psql -p $port -qc \"CREATE ROLE bluelight LOGIN CREATEDB PASSWORD 'bluelight'\"" >&2
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='bluelight'\"" | grep -q 1 ||
  su postgres -c "createdb -p $port -O bluelight bluelight" >&2
echo "export DATABASE_URL=postgres://bluelight:bluelight@127.0.0.1:$port/bluelight"
