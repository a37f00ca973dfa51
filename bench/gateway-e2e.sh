#!/usr/bin/env bash
# Signed interactions per second end to end through the gateway's batch endpoint (HTTP, Keycloak
# JWTs, the production profile on PostgreSQL and Artemis, settlement to anvil), soft-confirmation
# latency, and anvil fed the same number of signed transfers over JSON-RPC in the same run.
# The build's integration-test setup starts and stops every server; the benchmark class is
# it.io.agnt2.GatewayE2EBenchmark in the ear module's test sources.
# Arguments (optional): transfers agents connections
set -euo pipefail
transfers="${1:-20000}"; agents="${2:-1000}"; connections="${3:-8}"
echo "building all modules..."
mvn -B -o -q install -DskipTests -DskipITs
echo "starting anvil, Artemis, Keycloak, PostgreSQL database and Liberty; then the load"
mvn -B -o -pl ear verify -Dit.test=GatewayE2EBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.transfers="$transfers" -Dbench.agents="$agents" -Dbench.connections="$connections" \
  | grep -E "^(registering|signing|sending|gateway:|anvil:)|Tests run:|BUILD|ERROR" >&2
cat ear/target/gateway-e2e.json
echo
