#!/usr/bin/env bash
# Runs autoreply on the bundled samples with no cloud account and no cluster:
#   1. the operator renders the Kubernetes objects for config/samples/ and prints them;
#   2. the worker replays config/samples/mailbox/ for the tenant acme/acme-support, starting from
#      the settings file the operator rendered, and writes the drafted replies as .eml files.
# Needs only a JDK 17 or newer; the first run downloads Maven and the dependencies.
set -euo pipefail
cd "$(dirname "$0")"

out=target/demo
rm -rf "$out"
mkdir -p "$out"

echo "== Building (./mvnw -DskipTests package)"
./mvnw -q -B -DskipTests package

echo
echo "== Operator: objects it would create for config/samples/"
java -jar operator/target/autoreply-operator.jar render config/samples \
  --settings-dir "$out/settings" | tee "$out/objects.yaml"

echo
echo "== Worker: replaying config/samples/mailbox/ for acme/acme-support (offline drafter)"
AUTOREPLY_LOG_LEVEL=WARN java -jar worker/target/autoreply-worker.jar replay \
  --settings "$out/settings/acme/acme-support/worker.yaml" \
  --mailbox config/samples/mailbox \
  --out "$out/replies"

echo
echo "Objects: $out/objects.yaml   Replies: $out/replies/"
