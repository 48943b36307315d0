#!/usr/bin/env bash
# Validates every Kubernetes object under an artifacts folder strictly against the JSON schemas
# in shared/schemas (Kubernetes v1.32.2 standalone-strict and the CRDs), with ajv-cli.
# Usage: validate.sh ARTIFACTS_DIR SCHEMAS_DIR. Prints "validated N objects against M schemas".
set -euo pipefail
artifacts=$(cd "$1" && pwd)
schemas=$(cd "$2" && pwd)
tools=$(cd "$(dirname "$0")" && pwd)
ajv="$tools/node_modules/.bin/ajv"
[ -x "$ajv" ] || { echo "ajv-cli missing: run scripts/setup (npm ci in $tools)" >&2; exit 1; }

# The schema file for an object's apiVersion and kind.
schema_for() {
  local api=$1 kind=$2 lower group version
  lower=$(echo "$kind" | tr '[:upper:]' '[:lower:]')
  case "$api" in
    */*) group=${api%/*}; version=${api#*/} ;;
    *) group=""; version=$api ;;
  esac
  if [ -f "$schemas/crds/$group/${lower}_$version.json" ]; then
    echo "$schemas/crds/$group/${lower}_$version.json"
  elif [ -z "$group" ]; then
    echo "$schemas/kubernetes-v1.32.2/$lower-$version.json"
  else
    echo "$schemas/kubernetes-v1.32.2/$lower-${group%%.*}-$version.json"
  fi
}

declare -A files_by_schema=()
objects=0
while IFS= read -r file; do
  api=$(sed -n 's/^apiVersion: "\(.*\)"$/\1/p' "$file" | head -1)
  kind=$(sed -n 's/^kind: "\(.*\)"$/\1/p' "$file" | head -1)
  [ "$kind" = "Kustomization" ] && continue
  [ -n "$api" ] && [ -n "$kind" ] || continue
  schema=$(schema_for "$api" "$kind")
  [ -f "$schema" ] || { echo "no schema for $api $kind ($file)" >&2; exit 1; }
  files_by_schema[$schema]+=" -d $file"
  objects=$((objects + 1))
done < <(find "$artifacts" -name '*.yaml' | sort)

[ "$objects" -gt 0 ] || { echo "no Kubernetes objects under $artifacts" >&2; exit 1; }
cd "$tools"
failed=0
while IFS= read -r schema; do
  # shellcheck disable=SC2086 # one -d per file
  "$ajv" validate --spec=draft7 --strict=false -c ajv-formats --errors=text -s "$schema" \
    ${files_by_schema[$schema]} >/dev/null || failed=1
done < <(printf '%s\n' "${!files_by_schema[@]}" | sort)
[ "$failed" -eq 0 ] || { echo "schema validation failed" >&2; exit 1; }
echo "validated $objects objects against ${#files_by_schema[@]} schemas"
