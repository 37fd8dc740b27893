#!/usr/bin/env bash
# The cost of PC/SC against the in-process emulator, per ES10 call and per APDU: starts a private pcscd with a vpcd
# reader (scripts/pcsc.sh), attaches the emulated eUICC (./conformance euicc serve) with a generated PKI, runs
# scripts/bench/PcscBench.cs against it and in-process, and stops what it started by PID. Prints figures; not a test.
#   scripts/pcsc-bench.sh [CALLS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CALLS="${1:-300}"
CLI_DLL="$ROOT/cli/Conformance.Cli/bin/Release/net10.0/Conformance.Cli.dll"
DIR="$ROOT/.build/pcsc-bench"
# shellcheck source=scripts/pcsc.sh
source "$ROOT/scripts/pcsc.sh"
[[ -f "$CLI_DLL" ]] || { echo "build first: ./conformance help (or dotnet build cli/Conformance.Cli -c Release)" >&2; exit 2; }
pcsc_install
rm -rf "$DIR"; mkdir -p "$DIR"
serve_pid=""
stop_all() {
  if [[ -n "$serve_pid" ]]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  pcsc_stop
}
trap stop_all EXIT
dotnet "$CLI_DLL" pki generate --out "$DIR/pki" >/dev/null
pcsc_start "$DIR/pcscd"
dotnet "$CLI_DLL" euicc serve --vpcd "127.0.0.1:$PCSC_VPCD_PORT" --state "$DIR/card" --pki "$DIR/pki" >"$DIR/euicc.log" 2>&1 &
serve_pid=$!
pcsc_wait_card 60
echo "pcscd $(pcscd --version 2>/dev/null | head -1 | sed 's/.*version //'), reader '$PCSC_READER', $CALLS calls per function, $(nproc) cores"
dotnet run --file "$ROOT/scripts/bench/PcscBench.cs" -c Release -- "$DIR/pki" "$PCSC_READER" "$CALLS"
