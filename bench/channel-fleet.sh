#!/usr/bin/env bash
# 100 channel pairs at once between two JVMs (100 local agents on each side, all channels over one
# link between the two nodes): each channel keeps WINDOW signed payments in flight.
# Arguments (optional): pairs window warmup_s measured_s
set -euo pipefail
pairs="${1:-100}"; window="${2:-8}"; warmup="${3:-20}"; measured="${4:-10}"
exec bash "$(dirname "$0")/channel-common.bash" channel-fleet "$pairs" "$window" "$warmup" "$measured"
