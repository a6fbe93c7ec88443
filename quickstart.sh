#!/usr/bin/env bash
# The main job: build drkit, synthesize the reference app into cdk.out and print its DR summary, then
# rehearse failover (restore, for backup and restore) and failback of the reference strategies in a local AWS emulator (moto_server on a
# loopback port) and print the drill report. Works offline and without AWS credentials.
set -euo pipefail
cd "$(dirname "$0")"

export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=true
export CDK_DISABLE_CLI_TELEMETRY=true

if [ ! -x node_modules/.bin/cdk ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mvn -B -q install -DskipTests
node_modules/.bin/cdk synth --quiet --no-notices
classpath="apps/target/classes:$(cat apps/target/classpath.txt)"
java -cp "$classpath" io.github.drkit.apps.SynthSummary cdk.out

echo
echo "DR drill in a local emulator (report: cdk.out/drill/report.json, timeline: cdk.out/drill/report.svg)"
# The drill synthesizes the app again in-process; cdk synth above already ran CloudFormation's validation.
CDK_VALIDATION=false java -cp "$classpath" io.github.drkit.apps.drill.DrillCommand --out cdk.out/drill \
  --strategy drkit-backup-restore --strategy drkit-pilot-light --strategy drkit-warm-standby --strategy drkit-multi-site \
  --strategy drkit-containers
