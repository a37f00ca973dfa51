#!/usr/bin/env bash
# Shared by channel-pair.sh and channel-fleet.sh (not a benchmark itself, hence .bash): builds channel-jca's test classes and runs
# io.agnt2.channel.bench.ChannelBenchmark (it starts the peer JVM itself). Journals live on the
# repository's disk under channel-jca/target/bench-NAME and are deleted at the next run.
set -euo pipefail
name="$1"; pairs="$2"; window="$3"; warmup="$4"; measured="$5"
echo "building channel-jca (main + test classes)..."
cp_file="$PWD/channel-jca/target/bench-channel.classpath"
mvn -B -ntp -q -pl channel-jca -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test 2>&1 | grep -v '^WARNING' || true
dir="channel-jca/target/bench-$name"
echo "running: $pairs pair(s), $window in flight per pair, ${warmup}s warm-up, ${measured}s measured, journals in $dir"
echo "load before: $(uptime)"
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" --enable-native-access=ALL-UNNAMED -Xms1g -Xmx1g \
  -cp "channel-jca/target/classes:channel-jca/target/test-classes:$(cat "$cp_file")" \
  io.agnt2.channel.bench.ChannelBenchmark "$name" "$dir" "$pairs" "$window" "$warmup" "$measured" \
  2>&1 | grep -v '^WARNING\|^INFO: secp\|Secp256k1Selection'
