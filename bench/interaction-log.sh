#!/usr/bin/env bash
# The sequencer's durable interaction log (ejb-sequencer, io.agnt2.sequencer.infrastructure.log):
# 16 closed-loop appender threads, 120-byte payloads, 2 s warm-up, 10 s measured.
# The benchmark class is in the module's test sources (not in the production jar), so this
# compiles main and test classes with Maven and runs it from target/.
# Arguments (optional): threads payload_bytes warmup_s measured_s
set -euo pipefail
threads="${1:-16}"; payload="${2:-120}"; warmup="${3:-2}"; seconds="${4:-10}"

echo "building ejb-sequencer (main + test classes)..."
mvn -B -ntp -q -pl ejb-sequencer -am test-compile
# The log lives on the repository's disk (target/), the disk the rest of the system would use.
dir="ejb-sequencer/target/bench-interaction-log"
echo "running: $threads threads, $payload-byte payloads, ${warmup}s warm-up, ${seconds}s measured, log in $dir"
java -cp ejb-sequencer/target/classes:ejb-sequencer/target/test-classes \
  io.agnt2.sequencer.infrastructure.log.InteractionLogBenchmark \
  "$dir" "$threads" "$payload" "$warmup" "$seconds" 2>&1
