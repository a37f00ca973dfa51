#!/usr/bin/env bash
# One channel pair over loopback TCP, each side in its own JVM (channel-jca, io.agnt2.channel.node):
# the proposer JVM keeps WINDOW signed payments in flight (closed loop), the child JVM counter-signs;
# both journal every co-signed state durably (group commit) before answering / completing.
# Arguments (optional): window warmup_s measured_s
set -euo pipefail
window="${1:-16}"; warmup="${2:-20}"; measured="${3:-10}"
exec bash "$(dirname "$0")/channel-common.bash" channel-pair 1 "$window" "$warmup" "$measured"
