#!/usr/bin/env bash
# The load-and-fault suite on demand, at a chosen size (CI runs it at 8 s and 16 connections inside ./test.sh).
# wrk drives the API and OData on loopback while PostgreSQL restarts, broken files upload, writes are counted and the
# blob disk is full; see docs/operations.md. Needs root (it mounts a tmpfs). Everything stops by itself.
#   scripts/load-suite.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
# The figures (wrk's latency and status counts, writes acknowledged and refused) are in the test's detailed output.
export LOAD_SECONDS="${1:-60}" LOAD_CONNECTIONS="${2:-64}" TEST_VERBOSITY=detailed
exec ./test.sh --filter "FullyQualifiedName~LoadAndFaultTests"
