# shellcheck shell=bash
# shellcheck disable=SC2034  # REPO_ROOT, LAUNCHED_PID, READY_SECONDS are used by the scripts that source this
# Shared helpers for services/bin/{anvil,artemis,keycloak}. Sourced, not run.
# Each service: <dir>/<name>.pid, <dir>/<name>.log, <dir>/<name>.ports (ports to wait on at stop).

SERVICES_BIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SERVICES_BIN/../.." && pwd)"

_name="${SVC_NAME:-service}"

say()  { printf '[%s] %s\n' "$_name" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$_name" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$_name" "$*" >&2; exit 1; }

need_value() { # option value
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || die "option $1 needs a value"
}

need_port() { # name value
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (( $2 < 1 || $2 > 65535 )); then
    die "$1 must be a TCP port number, got '$2'"
  fi
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid_alive PID MARKER: process exists, is not a zombie, and its command line contains MARKER
pid_alive() {
  local pid="$1" marker="$2"
  [[ -n "$pid" ]] && running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# read_pid PIDFILE MARKER: prints the live pid from PIDFILE, removes a stale file
read_pid() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  if pid_alive "$pid" "$marker"; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$pidfile"
  return 1
}

# running PID: process exists and is not a zombie
running() {
  local state
  state="$(sed -n 's/^.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z ]]
}

# descendants PID: all descendant pids of PID (depth first)
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$child"
    printf '%s\n' "$child"
  done
}

log_tail() { # LOGFILE
  echo "----- last 40 lines of $1 -----" >&2
  tail -n 40 "$1" >&2 2>/dev/null || true
  echo "-------------------------------" >&2
}

# rotate_log LOGFILE: keep the previous run's log as LOGFILE.prev
rotate_log() {
  [[ -s "$1" ]] && mv -f "$1" "$1.prev"
  : >"$1"
}

# launch LOGFILE PIDFILE CMD...: start CMD in its own session (survives this script, owns its
# process group), stdin from /dev/null, stdout+stderr to LOGFILE; writes the pid.
launch() {
  local logfile="$1" pidfile="$2"
  shift 2
  # A non-interactive bash does not put background jobs in their own process group, so setsid
  # does not fork and $! is the pid of the session leader (= process group id).
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  local pid=$!
  printf '%s\n' "$pid" >"$pidfile"
  LAUNCHED_PID="$pid"
  LAUNCHED_PIDFILE="$pidfile"
}

# wait_ready TIMEOUT_S PID LOGFILE CHECK_FUNCTION [ARGS...]: polls CHECK every second with a dot;
# fails (log tail, exit 1) on timeout or when the process dies.
wait_ready() {
  local timeout="$1" pid="$2" logfile="$3"
  shift 3
  local t0 n=0
  t0="$(date +%s%N)"
  while true; do
    if "$@"; then
      printf '\n'
      READY_SECONDS="$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.1f", (b-a)/1e9}')"
      return 0
    fi
    if ! running "$pid"; then
      printf '\n'
      log_tail "$logfile"
      rm -f "${LAUNCHED_PIDFILE:-}" "${LAUNCHED_PIDFILE%.pid}.ports"
      die "process $pid exited before it became ready (log: $logfile)"
    fi
    if (( n >= timeout * 4 )); then
      printf '\n'
      log_tail "$logfile"
      kill_group "$pid" 15
      rm -f "${LAUNCHED_PIDFILE:-}" "${LAUNCHED_PIDFILE%.pid}.ports"
      die "not ready after ${timeout}s: stopped it again (pid $pid; log: $logfile; a larger --timeout may help)"
    fi
    n=$((n + 1))
    (( n % 4 == 0 )) && printf '.'
    sleep 0.25
  done
}

# kill_group PID GRACE_S: TERM the process group PID and its descendants, KILL after GRACE_S
kill_group() {
  local pid="$1" grace="$2" pids p n=0
  pids="$pid $(descendants "$pid" | tr '\n' ' ')"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  while (( n < grace * 5 )); do
    local alive=""
    for p in $pids; do
      if running "$p"; then alive="$alive $p"; fi
    done
    [[ -z "$alive" ]] && return 0
    n=$((n + 1))
    sleep 0.2
  done
  for p in $pids; do
    if running "$p"; then
      warn "pid $p did not stop within ${grace}s: sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || true
      kill -KILL "$p" 2>/dev/null || true
    fi
  done
  sleep 0.2
}

# wait_ports_closed TIMEOUT_S PORT...: true when none of the ports accepts connections
wait_ports_closed() {
  local timeout="$1"
  shift
  local start=$SECONDS p busy
  while true; do
    busy=""
    for p in "$@"; do
      if port_open "$p"; then busy="$busy $p"; fi
    done
    [[ -z "$busy" ]] && return 0
    if (( SECONDS - start >= timeout )); then
      warn "port(s)$busy still open after ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

# stop_tree PIDFILE MARKER PORTSFILE GRACE_S: TERM the process group and every descendant, wait
# GRACE_S, then KILL; then wait until the recorded ports are closed. Fine when not running.
stop_tree() {
  local pidfile="$1" marker="$2" portsfile="$3" grace="$4" pid start
  local ports=()
  [[ -f "$portsfile" ]] && read -r -a ports <"$portsfile"
  if ! pid="$(read_pid "$pidfile" "$marker")"; then
    say "not running"
    rm -f "$pidfile"
    if ((${#ports[@]})); then
      wait_ports_closed 1 "${ports[@]}" || warn "but something else listens on port(s) ${ports[*]}"
    fi
    rm -f "$portsfile"
    return 0
  fi
  say "stopping pid $pid (process group $pid and its children)"
  start=$SECONDS
  kill_group "$pid" "$grace"
  rm -f "$pidfile"
  if ((${#ports[@]})); then
    wait_ports_closed 15 "${ports[@]}" || die "stopped, but port(s) ${ports[*]} did not close"
  fi
  rm -f "$portsfile"
  say "stopped after $((SECONDS - start))s"
}

# check_ports_free PORT...: fail when a port we are about to bind is already taken by someone else
check_ports_free() {
  local p
  for p in "$@"; do
    if port_open "$p"; then
      local who
      who="$(ss -ltnpH "sport = :$p" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -1)"
      die "port $p on 127.0.0.1 is already in use${who:+ by $who} (not by a process this script started)"
    fi
  done
}

# rss_kb PID: resident set size of PID and its descendants, in KB
rss_kb() {
  local total=0 p r
  for p in "$1" $(descendants "$1"); do
    r="$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || true)"
    total=$((total + ${r:-0}))
  done
  printf '%s\n' "$total"
}
