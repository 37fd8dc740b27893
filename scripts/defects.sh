#!/usr/bin/env bash
# ./conformance defects [smdp|euicc|smds|all] [--only NAME]: proves the harness catches defects (README, "Proving
# the harness catches defects"). Each entry of fixtures/defects/<side>.json names a defect of the bundled
# reference SM-DP+ (SmdpDefect), of the emulated eUICC (EuiccDefect) or of the reference SM-DS (SmdsDefect), the tag expression of the scenarios
# that must catch it and a fragment their failure message must contain. The entries are the test cases of
# DefectProofTests (steps/Runs.Tests), which ./conformance test runs too; this command runs only them and
# prints one row per entry. Sourced by ./conformance (ROOT, CONFIG, BUILD_DIR, die, need_dotnet).

defects_usage() {
  cat <<'USAGE'
usage: ./conformance defects [smdp|euicc|smds|all] [--only NAME]

For each entry of fixtures/defects/smdp.json, euicc.json and smds.json, runs the scenarios its tags select against
the bundled reference with that defect switched on, and checks that at least one FAILED with the entry's
fragment in its message; once, the same selections must pass with no defect. Prints a table; exits 0
only when every entry is caught.
USAGE
}

# Builds steps/Runs.Tests (and the harness it runs) when a source is newer than its DLL.
defects_ensure_built() {
  local dll="$1" stale=1
  if [[ -f "$dll" ]]; then
    stale=$(find "$ROOT" \( -path "$ROOT/.git" -o -name bin -o -name obj -o -name node_modules -o -path "$ROOT/.build" -o -path "$ROOT/reports/out" -o -path "$ROOT/build" \) -prune -o \
      -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.feature' \) -newer "$dll" -print -quit | wc -l)
  fi
  [[ "$stale" == 0 ]] && return 0
  echo "== building the harness and its run tests" >&2
  mkdir -p "$BUILD_DIR"
  if ! dotnet build "$ROOT/steps/Runs.Tests/Conformance.Runs.Tests.csproj" -c "$CONFIG" -v quiet -nologo >"$BUILD_DIR/build-defects.log" 2>&1; then
    grep -E 'error' "$BUILD_DIR/build-defects.log" | sort -u | head -40 >&2
    echo "conformance: build failed; full log in .build/build-defects.log" >&2
    return 1
  fi
  touch "$dll"
}

run_defects() {
  local side=all only=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h|--help) defects_usage; return 0 ;;
      smdp|euicc|smds|all) side="$1"; shift ;;
      --only) [[ $# -ge 2 ]] || die "defects: --only needs a defect name"; only="$2"; shift 2 ;;
      *) die "defects: unknown argument '$1': see ./conformance defects --help" ;;
    esac
  done
  need_dotnet
  local dll="$ROOT/steps/Runs.Tests/bin/$CONFIG/net10.0/Conformance.Runs.Tests.dll"
  defects_ensure_built "$dll" || exit 2

  local dir="$BUILD_DIR/defects" rc=0
  rm -rf "$dir"; mkdir -p "$dir"
  echo "== defect proof: ${side} entries${only:+ named $only} of fixtures/defects (one run of the selected scenarios per entry)"
  # The remote SM-DP+ proofs (RemoteDefectProofTests) are SM-DP+ entries: left out for the eUICC's and the SM-DS's.
  local filter="FullyQualifiedName~DefectProofTests"
  [[ "$side" == euicc || "$side" == smds ]] && filter="FullyQualifiedName~Tests.DefectProofTests"
  DEFECTS_SIDE="$side" DEFECTS_ONLY="$only" dotnet test "$dll" --nologo --filter "$filter" \
    --logger trx --results-directory "$dir/trx" >"$dir/test.log" 2>&1 || rc=$?

  local rows=("$dir"/rows/*.tsv)
  if [[ ! -f "${rows[0]}" ]]; then
    if [[ $rc -ne 0 ]]; then
      grep -E '^\s*(Failed|Error Message)|InvalidDataException' "$dir/test.log" | head -20 >&2
      echo "conformance: the defect proof failed before any entry ran; full log in .build/defects/test.log" >&2
      return 1
    fi
    echo "no entries${only:+ named $only} in fixtures/defects/${side/all/*}.json"
    return 0
  fi
  # side, defect, scenarios, verdict, seconds, tags, first line of the message
  printf '%-5s  %-40s  %9s  %-7s  %6s  %s\n' side defect scenarios caught? seconds "first line of the message"
  sort "${rows[@]}" | while IFS=$'\t' read -r s d n v t _ m; do
    printf '%-5s  %-40s  %9s  %-7s  %6s  %s\n' "$s" "$d" "$n" "$v" "$t" "${m:0:160}"
  done
  local caught missed
  caught=$(cat "${rows[@]}" | awk -F'\t' '$4 == "yes"' | wc -l)
  missed=$(cat "${rows[@]}" | awk -F'\t' '$4 == "NO"' | wc -l)
  echo "$caught caught, $missed not caught$([[ $rc -ne 0 ]] && echo "; failures in .build/defects/test.log")"
  return $rc
}
