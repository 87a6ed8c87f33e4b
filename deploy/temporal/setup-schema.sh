#!/bin/sh
# Runs in temporalio/admin-tools before the server starts: brings Temporal's schema in its two databases (made by
# deploy/postgres/init-databases.sh) up to the image's version, as Temporal's own login. Safe to run on every start:
# an up-to-date schema is left as it is, a fresh database is set up first.
set -eu
sql() {
  temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u temporal --pw "$TEMPORAL_DB_PASSWORD" --db "$@"
}
for pair in temporal:temporal temporal_visibility:visibility; do
  db=${pair%%:*}
  versions=/etc/temporal/schema/postgresql/v12/${pair##*:}/versioned
  if ! sql "$db" update-schema -d "$versions"; then
    echo "schema of $db: not set up yet; setting it up"
    sql "$db" setup-schema -v 0.0
    sql "$db" update-schema -d "$versions"
  fi
  echo "schema of $db: up to date"
done
