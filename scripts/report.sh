# shellcheck shell=bash
# Report rendering for ./conformance (sourced): installs the pinned Allure CLI once and renders
# an allure-results directory into one HTML file that opens from disk without network.
#
#   report_install                          npm ci into reports/node_modules (skipped when up to date)
#   report_render RESULTS OUT [NAME]        writes OUT/index.html; prints its path
#   report_have_node                        true when node and npm are on PATH
#
# Can also be run directly: bash scripts/report.sh install | render RESULTS OUT [NAME]

REPORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPORT_PKG="$REPORT_ROOT/reports"
REPORT_ALLURE="$REPORT_PKG/node_modules/.bin/allure"
REPORT_STAMP="$REPORT_PKG/node_modules/.conformance-lock.sha256"

report_have_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1
}

# Installs the exact versions of reports/package-lock.json. Idempotent: once installed, the
# stamp (checksum of the lock file) matches and nothing touches the network again.
report_install() {
  if ! report_have_node; then
    echo "report: Node.js and npm are needed to render HTML reports (apt-get install nodejs npm)" >&2
    return 2
  fi
  local want
  want=$(sha256sum "$REPORT_PKG/package-lock.json" | cut -d' ' -f1)
  if [[ -x "$REPORT_ALLURE" && -f "$REPORT_STAMP" && "$(cat "$REPORT_STAMP")" == "$want" ]]; then
    return 0
  fi
  echo "report: installing the Allure report CLI (once) into reports/node_modules" >&2
  if ! (cd "$REPORT_PKG" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >&2); then
    echo "report: npm ci failed in reports/ (network or npm cache needed for the first install)" >&2
    return 2
  fi
  echo "$want" >"$REPORT_STAMP"
}

# Removes the analytics tag that the Allure template embeds, so opening the report makes no
# request outside the file.
report_strip_analytics() {
  local html="$1"
  perl -0pi -e 's{<script async src="https://www\.googletagmanager\.com/[^"]*"></script>\s*<script>.*?</script>}{}s' "$html"
  if grep -q 'googletagmanager' "$html"; then
    echo "report: warning: could not remove the analytics tag from $html" >&2
  fi
}

# report_render RESULTS_DIR OUT_DIR [REPORT_NAME]: single-file HTML report in OUT_DIR/index.html.
report_render() {
  local results="${1:?report_render: results directory}" out="${2:?report_render: output directory}"
  local name="${3:-RSP conformance}"
  if [[ ! -d "$results" ]]; then
    echo "report: no results directory $results" >&2
    return 2
  fi
  report_install || return $?
  mkdir -p "$out"
  results="$(cd "$results" && pwd)"
  out="$(cd "$out" && pwd)"
  rm -f "$out/index.html"
  local log
  log=$(mktemp)
  if ! (cd "$REPORT_PKG" && "$REPORT_ALLURE" generate "$results" --config "$REPORT_PKG/allurerc.json" \
        --output "$out" --report-name "$name") >"$log" 2>&1 || [[ ! -s "$out/index.html" ]]; then
    cat "$log" >&2
    rm -f "$log"
    echo "report: allure generate failed to write $out/index.html" >&2
    return 1
  fi
  rm -f "$log"
  report_strip_analytics "$out/index.html"
  echo "$out/index.html"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    install) report_install ;;
    render) shift; report_render "$@" ;;
    *) echo "usage: bash scripts/report.sh install | render RESULTS OUT [NAME]" >&2; exit 2 ;;
  esac
fi
