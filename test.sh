#!/usr/bin/env bash
# The one test command. Installs test-only dependencies when missing, starts nothing globally.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Compliance.sln
