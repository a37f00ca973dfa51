#!/usr/bin/env bash
# Signed interactions per second end to end through the gateway's batch endpoint (HTTP, Keycloak
# JWTs, the production profile on PostgreSQL and Artemis, settlement to anvil), soft-confirmation
# latency, and anvil fed the same number of signed transfers over JSON-RPC in the same run.
# The build's integration-test setup starts and stops every server; the benchmark class is
# it.io.agnt2.GatewayE2EBenchmark in the ear module's test sources.
# Arguments (optional): transfers agents connections batch
set -euo pipefail
transfers="${1:-20000}"; agents="${2:-1000}"; connections="${3:-8}"; batch="${4:-500}"
# One reactor build (-am; liberty-config too, for the Artemis RAR the server takes): the EAR comes from
# this checkout's modules and nothing is installed into the shared local repository. Unit tests are
# skipped (-Dtest=none); only this IT runs. anvil runs as the tests run it: defaults (automine), HOME
# in a scratch folder.
# BENCH_JFR=/path/file.jfr: the Liberty JVM records a JFR profile (settings=profile) of the whole run,
# written when the server stops; read it with `jfr view hot-methods FILE` (the anvil phase leaves it idle).
jfr=()
if [[ -n "${BENCH_JFR:-}" ]]; then
  jfr=("-Dliberty.jvm.jfr=-XX:StartFlightRecording=filename=${BENCH_JFR},settings=profile,dumponexit=true")
fi
# BENCH_JVM="-XX:+UseParallelGC": one more option for the Liberty JVM, to try a setting before it goes
# into ear/pom.xml.
if [[ -n "${BENCH_JVM:-}" ]]; then
  jfr+=("-Dliberty.jvm.bench=${BENCH_JVM}")
fi
# The server's CPU per thread group during the load phase (the benchmark marks its start and end).
rm -f ear/target/gateway-e2e.load-started ear/target/gateway-e2e.load-ended ear/target/gateway-e2e.thread-cpu.txt
# The load client (the failsafe JVM) and the whole machine likewise: it is shared with other work.
# The snapshots at the start are taken first and at once (the load phase lasts seconds).
rm -f ear/target/gateway-e2e.client-cpu.txt ear/target/gateway-e2e.machine-cpu.txt
(
  while [[ ! -e ear/target/gateway-e2e.load-started ]]; do sleep 0.1; done
  end=ear/target/gateway-e2e.load-ended
  bench/thread-cpu.sh "$(cat ear/target/liberty/wlp/usr/servers/.pid/agnt2.pid)" ear/target/gateway-e2e.cpu-start "$end" \
    > ear/target/gateway-e2e.thread-cpu.txt &
  client=$(pgrep -f -- "^[^ ]*/bin/java .*$PWD/ear/target/surefire/surefirebooter" | head -n 1 || true)
  if [[ -n "$client" ]]; then
    bench/thread-cpu.sh "$client" ear/target/gateway-e2e.client-cpu-start "$end" > ear/target/gateway-e2e.client-cpu.txt &
  fi
  busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }
  processes() { # file|command|CPU ticks of every process, in one awk (a command may hold spaces and parentheses)
    awk 'FNR == 1 { rest = $0; while ((k = index(rest, ") ")) > 0) rest = substr(rest, k + 2)
           comm = substr($0, index($0, "(") + 1, length($0) - length(rest) - index($0, "(") - 2)
           split(rest, f, " "); print FILENAME "|" comm "|" f[12] + f[13]; nextfile }' /proc/[0-9]*/stat 2>/dev/null || true # a process may end meanwhile (set -e)
  }
  machine_start=$(busy)
  processes > ear/target/gateway-e2e.processes-start
  while [[ ! -e "$end" ]]; do sleep 0.1; done
  read -r b1 i1 <<<"$machine_start"; read -r b2 i2 <<<"$(busy)"
  echo "machine: $(( (b2 - b1) / $(getconf CLK_TCK) )) CPU-s busy, $(( (i2 - i1) / $(getconf CLK_TCK) )) idle" \
    > ear/target/gateway-e2e.machine-cpu.txt
  # the processes that used the machine meanwhile (this run's servers and anything else on it)
  processes | awk -F'|' -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $3; next }
    ($1 in before) && $3 > before[$1] { cpu[$2] += ($3 - before[$1]) / hz }
    END { for (c in cpu) if (cpu[c] >= 0.05) printf "machine: %6.2f s  %s\n", cpu[c], c }' \
    ear/target/gateway-e2e.processes-start - | sort -k2 -rn | head -n 12 >> ear/target/gateway-e2e.machine-cpu.txt
  wait
) &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
echo "building the modules, starting anvil, Artemis, Keycloak, PostgreSQL database and Liberty; then the load"
mvn -B -ntp -pl liberty-config,ear -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=GatewayE2EBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  "${jfr[@]}" -Dbench.transfers="$transfers" -Dbench.agents="$agents" -Dbench.connections="$connections" -Dbench.batch="$batch" \
  | grep -E "^(registering|signing|sending|gateway:|anvil:)|Tests run:|BUILD|ERROR" >&2
# where the server's block closing spent its time (BlockCloseTimings' summaries)
grep -h "BlockCloseTimings" ear/target/liberty/wlp/usr/servers/agnt2/logs/messages.log | sed 's/^.*BlockCloseTimings *[A-Z] /server: /' >&2 || true
if [[ -s ear/target/gateway-e2e.thread-cpu.txt ]]; then
  echo "server CPU seconds per thread group during the load:" >&2
  sed 's/^/server cpu: /' ear/target/gateway-e2e.thread-cpu.txt >&2
  [[ -s ear/target/gateway-e2e.client-cpu.txt ]] && grep -E "total|main|pool" ear/target/gateway-e2e.client-cpu.txt \
    | head -n 6 | sed 's/^/client cpu: /' >&2
  cat ear/target/gateway-e2e.machine-cpu.txt >&2 2>/dev/null || true
fi
cat ear/target/gateway-e2e.json
echo
