#!/usr/bin/env bash
# The one test command (README, .ci/run). Installs the test-only dependencies that are missing —
# the PostgreSQL server binaries, Chromium, Node.js with npm and wrk (the load-and-fault suite), from Debian's packages — and starts nothing
# globally: the tests start their own throwaway PostgreSQL cluster, and Azurite (which they npm-install into
# .tools/azurite at a pinned version on first use), on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm > /dev/null || missing+=(npm)
[ -x /usr/bin/wrk ] || missing+=(wrk)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

# No telemetry or first-run chatter from the SDK; Playwright uses Debian's Chromium, never its own download.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet test Compliance.sln --logger "console;verbosity=${TEST_VERBOSITY:-normal}" "$@"
