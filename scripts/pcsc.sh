# shellcheck shell=bash
# PC/SC helpers for ./conformance (source this file; it defines functions only).
#
#   pcsc_install              install pcscd, vsmartcard-vpcd and libpcsclite1 with apt-get if missing
#   pcsc_start DIR [PORT]     start a private pcscd with one vpcd reader on PORT (picked when omitted);
#                             its config, socket, pid and log live in DIR; no systemd involved
#   pcsc_wait_card [SECONDS]  wait (bounded, default 20 s) until the vpcd reader holds a card
#   pcsc_stop                 stop the pcscd that pcsc_start started, by its PID
#
# After pcsc_start these are exported:
#   PCSCLITE_CSOCK_NAME  the private pcscd socket (libpcsclite clients honour it)
#   PCSC_PID             pcscd's PID          PCSC_DIR     the private directory
#   PCSC_VPCD_PORT       where vpcd listens for the virtual card (slot 0; slot 1 listens on PORT+1)
#   PCSC_READER          the reader name of slot 0, e.g. "Conformance vpcd 00 00"
#
# pcscd before pcsc-lite 2.x ignores PCSCLITE_CSOCK_NAME and always listens on
# /run/pcscd/pcscd.comm. Such a pcscd runs in a private mount namespace (unshare, as root) where
# DIR/run is bind-mounted over /run/pcscd, so its socket is DIR/run/pcscd.comm from outside.
# vpcd listens on all interfaces (it has no bind-address setting); the virtual card connects to
# 127.0.0.1.

PCSC_FRIENDLY_NAME="${PCSC_FRIENDLY_NAME:-Conformance vpcd}"
_PCSC_APT_UPDATED=0

_pcsc_log() { echo "pcsc: $*" >&2; }

# Path of vpcd's IFD handler, or nothing.
_pcsc_vpcd_driver() {
  local d
  for d in /usr/lib/pcsc/drivers/serial /usr/local/lib/pcsc/drivers/serial /usr/lib64/pcsc/drivers/serial; do
    if [[ -e "$d/libifdvpcd.so" ]]; then echo "$d/libifdvpcd.so"; return 0; fi
  done
  return 1
}

_pcsc_have_libpcsclite() {
  ldconfig -p 2>/dev/null | grep -q 'libpcsclite\.so\.1 ' && return 0
  compgen -G '/usr/lib/*/libpcsclite.so.1' >/dev/null || compgen -G '/usr/lib*/libpcsclite.so.1' >/dev/null
}

# True when pcscd, the vpcd driver and libpcsclite are all present.
pcsc_installed() {
  command -v pcscd >/dev/null 2>&1 && _pcsc_vpcd_driver >/dev/null && _pcsc_have_libpcsclite
}

pcsc_install() {
  if pcsc_installed; then return 0; fi
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      _pcsc_log "pcscd, vsmartcard-vpcd and libpcsclite1 are missing and installing them needs root"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    _pcsc_log "apt-get not found: install pcscd, the vsmartcard vpcd driver and libpcsclite by hand"
    return 1
  fi
  if [[ $_PCSC_APT_UPDATED -eq 0 ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || { _pcsc_log "apt-get update failed"; return 1; }
    _PCSC_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    pcscd vsmartcard-vpcd libpcsclite1 >&2 || { _pcsc_log "apt-get install failed"; return 1; }
  pcsc_installed || { _pcsc_log "installed, but pcscd or the vpcd driver is still missing"; return 1; }
}

# True when no TCP socket of this machine uses port $1 (listening, connected or in TIME_WAIT: any of them makes
# vpcd's bind fail with "Address already in use").
_pcsc_port_free() {
  if command -v ss >/dev/null 2>&1; then
    ! ss -Htan "sport = :$1" 2>/dev/null | grep -q .
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# A port P with P and P+1 free (vpcd opens one port per slot), below the kernel's ephemeral range: a busy test run
# (thousands of outgoing TLS connections) holds ephemeral ports that a listener would otherwise collide with.
_pcsc_pick_port() {
  local i p low=32768
  [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  (( low > 12000 )) || low=32768
  for i in $(seq 1 50); do
    p=$((10000 + RANDOM % (low - 10002)))
    if _pcsc_port_free "$p" && _pcsc_port_free $((p + 1)); then echo "$p"; return 0; fi
  done
  return 1
}

_pcsc_honours_socket_env() {
  grep -aq PCSCLITE_CSOCK_NAME "$(command -v pcscd)" 2>/dev/null
}

pcsc_start() {
  local dir="${1:?usage: pcsc_start DIR [PORT]}" port="${2:-}"
  if [[ -n "${PCSC_PID:-}" ]] && kill -0 "$PCSC_PID" 2>/dev/null; then
    _pcsc_log "a pcscd started here is already running (PID $PCSC_PID)"
    return 1
  fi
  pcsc_installed || { _pcsc_log "pcscd / vpcd not installed (run pcsc_install)"; return 1; }
  local driver; driver=$(_pcsc_vpcd_driver)
  [[ -n "$port" ]] || port=$(_pcsc_pick_port) || { _pcsc_log "no free TCP port pair found"; return 1; }
  mkdir -p "$dir/conf" "$dir/run"
  dir=$(cd "$dir" && pwd)
  rm -f "$dir/run/pcscd.comm" "$dir/run/pcscd.pid"
  cat >"$dir/conf/vpcd" <<EOF
FRIENDLYNAME "$PCSC_FRIENDLY_NAME"
DEVICENAME   /dev/null:$port
LIBPATH      $driver
CHANNELID    $port
EOF
  local socket="$dir/run/pcscd.comm"
  if _pcsc_honours_socket_env; then
    PCSCLITE_CSOCK_NAME="$socket" pcscd --foreground --info -c "$dir/conf" >"$dir/pcscd.log" 2>&1 &
  elif [[ $EUID -eq 0 ]] && command -v unshare >/dev/null 2>&1 && unshare --mount --propagation private true 2>/dev/null; then
    mkdir -p /run/pcscd
    unshare --mount --propagation private -- sh -c \
      'mount --bind "$1" /run/pcscd && exec pcscd --foreground --info -c "$2"' sh "$dir/run" "$dir/conf" \
      >"$dir/pcscd.log" 2>&1 &
  elif [[ ! -S /run/pcscd/pcscd.comm ]]; then
    _pcsc_log "this pcscd ignores PCSCLITE_CSOCK_NAME and no private mount namespace is possible: using /run/pcscd/pcscd.comm"
    socket=/run/pcscd/pcscd.comm
    pcscd --foreground --info -c "$dir/conf" >"$dir/pcscd.log" 2>&1 &
  else
    _pcsc_log "another pcscd owns /run/pcscd/pcscd.comm and this one cannot get a private socket (needs root and unshare)"
    return 1
  fi
  PCSC_PID=$!
  export PCSC_PID PCSC_DIR="$dir" PCSC_VPCD_PORT="$port" PCSC_READER="$PCSC_FRIENDLY_NAME 00 00"
  export PCSCLITE_CSOCK_NAME="$socket"
  echo "$PCSC_PID" >"$dir/pcscd.pid"
  # Ready when its socket exists and vpcd listens (bounded).
  local i
  for i in $(seq 1 100); do
    if ! kill -0 "$PCSC_PID" 2>/dev/null; then
      _pcsc_log "pcscd exited at start; its log:"; tail -20 "$dir/pcscd.log" >&2
      unset PCSC_PID
      return 1
    fi
    if [[ -S "$socket" ]] && ! _pcsc_port_free "$port"; then return 0; fi
    sleep 0.1
  done
  _pcsc_log "pcscd did not become ready within 10 s; its log:"; tail -20 "$dir/pcscd.log" >&2
  pcsc_stop
  return 1
}

# Waits until pcscd reports a card in the vpcd reader (the virtual card connected and answered its ATR).
pcsc_wait_card() {
  local timeout="${1:-20}" i
  [[ -n "${PCSC_DIR:-}" ]] || { _pcsc_log "pcsc_start first"; return 1; }
  for i in $(seq 1 $((timeout * 10))); do
    if grep -qF "Card inserted into $PCSC_READER" "$PCSC_DIR/pcscd.log" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  _pcsc_log "no card in '$PCSC_READER' after ${timeout} s (is the emulator connected to port $PCSC_VPCD_PORT?)"
  return 1
}

pcsc_stop() {
  [[ -n "${PCSC_PID:-}" ]] || return 0
  local i
  if kill -0 "$PCSC_PID" 2>/dev/null; then
    kill -TERM "$PCSC_PID" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$PCSC_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$PCSC_PID" 2>/dev/null && kill -KILL "$PCSC_PID" 2>/dev/null
  fi
  wait "$PCSC_PID" 2>/dev/null || true
  rm -f "${PCSC_DIR:-/nonexistent}/pcscd.pid"
  unset PCSC_PID
}
