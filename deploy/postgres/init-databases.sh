#!/bin/sh
# Runs once, when the postgres container starts on an empty volume: a login of its own for Temporal (owning
# Temporal's two databases) and one for the application (owning its database). Neither is a superuser, and neither
# can read the other's data.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set temporal_password="$TEMPORAL_DB_PASSWORD" --set app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
CREATE ROLE organizer_pipeline LOGIN PASSWORD :'app_password';
CREATE DATABASE organizer_pipeline OWNER organizer_pipeline;
REVOKE ALL ON DATABASE temporal, temporal_visibility FROM PUBLIC;
REVOKE ALL ON DATABASE organizer_pipeline FROM PUBLIC;
SQL
