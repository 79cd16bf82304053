#!/usr/bin/env bash
# Re-renders deploy/k8s/guichet.yaml from the chart with default values (Helm is embedded in
# the test class path, no helm binary needed), then runs the sync test against it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl deploy test -Dtest=RenderedManifestsInSyncTest -Dguichet.deploy.regenerate=true "$@"
echo "deploy/k8s/guichet.yaml regenerated"
