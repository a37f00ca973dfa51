#!/usr/bin/env bash
# The sequencer core (ejb-sequencer, io.agnt2.sequencer.core): 100k agents, a mixed pre-signed stream
# (70% transfers with a hot set, 30% invoke/respond/rate/compose workflows), durable blocks every 250 ms
# or 20k interactions; the parallel engine, then the same engine with the sequential executor.
# The benchmark class is in the module's test sources, so this compiles them and runs from target/.
# Arguments (optional): agents interactions submitters in_flight_per_submitter parallelism
set -euo pipefail
agents="${1:-100000}"; interactions="${2:-200000}"; submitters="${3:-4}"; in_flight="${4:-4096}"; parallelism="${5:-2}"

echo "building ejb-sequencer (main + test classes)..."
cp_file="$PWD/ejb-sequencer/target/bench-sequencer-core.classpath"
# One reactor build (-am): nothing of this project is installed in ~/.m2, so the module's siblings come
# from their target/ folders; the last module built (ejb-sequencer) writes the classpath file.
# Offline first (fast); online if a plugin's dependency was never downloaded on this machine.
build() {
  mvn -B -ntp -q "$@" -pl ejb-sequencer -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
    -Dmdep.includeScope=test
}
rm -f "$cp_file"
build -o >/dev/null 2>&1 || build 2>&1 | grep -v WARNING || true
[[ -s "$cp_file" ]] || { echo "bench/sequencer-core: the build failed" >&2; exit 1; }
# The log lives on the repository's disk (target/), the disk the rest of the system would use.
dir="ejb-sequencer/target/bench-sequencer-core"
echo "running: $agents agents, $interactions interactions, $submitters submitters x $in_flight acks in flight, parallelism $parallelism, log in $dir"
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -Xms6g -Xmx6g -XX:+UseParallelGC \
  -cp "ejb-sequencer/target/classes:ejb-sequencer/target/test-classes:$(cat "$cp_file")" \
  io.agnt2.sequencer.core.SequencerCoreBenchmark \
  "$dir" "$agents" "$interactions" "$submitters" "$in_flight" "$parallelism" 2>&1 | grep -v '^WARNING\|^INFO: secp\|Secp256k1Selection'
