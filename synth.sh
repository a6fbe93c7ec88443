#!/usr/bin/env bash
# The main job: build drkit, synthesize the reference app into cdk.out, print a summary per stack.
# Works offline and without AWS credentials.
set -euo pipefail
cd "$(dirname "$0")"

export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=true
export CDK_DISABLE_CLI_TELEMETRY=true

if [ ! -x node_modules/.bin/cdk ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mvn -B -q install -DskipTests
node_modules/.bin/cdk synth --quiet --no-notices
java -cp "apps/target/classes:$(cat apps/target/classpath.txt)" io.github.drkit.apps.SynthSummary cdk.out
