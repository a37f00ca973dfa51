#!/usr/bin/env bash
# CPU time per thread group of a running JVM between two moments, from /proc (no agent, no sampling
# bias): bench/thread-cpu.sh PID START_FILE END_FILE takes a snapshot into START_FILE, waits until
# END_FILE exists (or the process ends), takes a second snapshot, and prints the CPU seconds each
# group of threads used in between. Groups are thread names with their trailing numbers removed (Linux
# keeps the first 15 characters of a Java thread's name); a thread that ended before the second snapshot
# is missing from its group but counted in the process line. gateway-e2e.sh runs it around the load phase.
set -euo pipefail
pid="$1"; start_file="$2"; end_file="$3"
hz=$(getconf CLK_TCK)

snapshot() { # tid|name|utime+stime (ticks), in one awk so that it takes milliseconds, not seconds
  awk 'FNR == 1 { rest = $0; while ((k = index(rest, ") ")) > 0) rest = substr(rest, k + 2)
         name = substr($0, index($0, "(") + 1, length($0) - length(rest) - index($0, "(") - 2)
         split(FILENAME, path, "/"); split(rest, f, " "); print path[5] "|" name "|" f[12] + f[13]; nextfile }' \
    /proc/"$pid"/task/*/stat 2>/dev/null || true  # a thread may end while it reads
}

process_ticks() { # the whole process, threads that ended meanwhile included
  local stat; stat=$(cat /proc/"$pid"/stat 2>/dev/null) || { echo 0; return; }
  local rest=${stat##*) }; read -r -a f <<<"$rest"; echo $(( f[11] + f[12] ))
}

snapshot >"$start_file"
process_start=$(process_ticks)
while [[ ! -e "$end_file" ]] && kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
snapshot >"$start_file.end"
process_end=$(process_ticks)
awk -v hz="$hz" -v t="$(( process_end - process_start ))" 'BEGIN { printf "%8.2f s  process (threads that ended meanwhile included)\n", t / hz }'

awk -F'|' -v hz="$hz" '
  NR == FNR { before[$1] = $3; next }
  { name = $2; gsub(/[-_. ]*[0-9]+$/, "", name); used = ($3 - before[$1]) / hz; cpu[name] += used; total += used }
  END { for (n in cpu) if (cpu[n] > 0) printf "%8.2f s  %s\n", cpu[n], n; printf "%8.2f s  total\n", total }
' "$start_file" "$start_file.end" | sort -rn
