#!/usr/bin/env bash
# Refreshes the chart's copy of services.yml, then re-renders deploy/k8s/guichet.yaml from the
# chart with ci/sandbox-values.yaml (Helm is embedded in the test class path, no helm binary
# needed) and runs the sync test against it.
set -euo pipefail
cd "$(dirname "$0")/.."
cp services.yml deploy/helm/guichet/services.yml
./mvnw -B -q -pl deploy test -Dtest=RenderedManifestsInSyncTest -Dguichet.deploy.regenerate=true "$@"
echo "deploy/k8s/guichet.yaml regenerated"
