#!/usr/bin/env bash
# Runs the daily rebalance on the Beam Direct runner (nothing to install but Java and Maven).
# Usage: runners/direct.sh [--name=value ...]; runners/direct.sh --help lists every option.
source "$(dirname "${BASH_SOURCE[0]}")/help.sh" "$@"  # --help, -h, --help=NAME: print and exit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ "${JAVA_OPTS:-}" != *Tiered* ]]; then JAVA_OPTS="${JAVA_OPTS:-} $DIRECT_JAVA_OPTS"; fi
mapfile -t defaults < <(option_defaults "$DIRECT_DEFAULTS" "$@")
run_pipeline --runner=DirectRunner "${defaults[@]}" "$@"
