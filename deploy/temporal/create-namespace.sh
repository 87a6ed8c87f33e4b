#!/bin/sh
# Runs in temporalio/admin-tools once the server is healthy: creates the application's namespace unless it exists.
set -eu
address=${TEMPORAL_ADDRESS:-temporal:7233}
namespace=${TEMPORAL_NAMESPACE:-default}
tries=0
until temporal operator cluster health --address "$address"; do
  tries=$((tries + 1))
  [ "$tries" -lt 30 ] || { echo "Temporal at $address is not healthy after $tries tries"; exit 1; }
  sleep 2
done
temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1 ||
  temporal operator namespace create --address "$address" --namespace "$namespace" --retention "${NAMESPACE_RETENTION:-30d}"
echo "namespace $namespace: ready"
