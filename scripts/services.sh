#!/usr/bin/env bash
# Reader of the root services.yml (the list of Guichet's services and providers), for bash and
# for CI, with no YAML tool: services.yml keeps to a deliberately simple shape (see its header).
#
#   scripts/services.sh list            one line per service, tab-separated, in start order:
#                                       name module kind provider port-offset database redis launcher-properties
#                                       ("-" for an absent value)
#   scripts/services.sh modules [kind]  module directories, one a line (kind: service | provider)
#   scripts/services.sh json-modules    the modules as a JSON array (GitHub Actions matrix)
#
# Sourced (bin/guichet), it defines services_list FILE, which prints the `list` lines.
# A malformed file (unknown key, missing field, bad kind or offset) is an error, exit status 1.

services_list() {
  awk '
    function fail(msg) { printf "services.yml:%d: %s\n", NR, msg > "/dev/stderr"; bad = 1; exit 1 }
    function flush(   k, out) {
      if (!("name" in e)) return
      for (k in required) if (!(k in e)) fail("service " e["name"] " has no " k)
      if (e["kind"] != "service" && e["kind"] != "provider") fail("service " e["name"] ": kind must be service or provider")
      if (e["kind"] == "provider" && !("provider" in e)) fail("provider " e["name"] " has no provider key")
      if (e["kind"] != "provider" && ("provider" in e)) fail("service " e["name"] " is not a provider but has a provider key")
      if (e["port-offset"] !~ /^[0-9]+$/) fail("service " e["name"] ": port-offset must be a number")
      if (e["redis"] != "true" && e["redis"] != "false") fail("service " e["name"] ": redis must be true or false")
      out = e["name"]
      for (i = 2; i <= n; i++) out = out "\t" ((fields[i] in e) ? e[fields[i]] : "-")
      print out
      delete e
    }
    BEGIN {
      n = split("name module kind provider port-offset database redis launcher-properties", fields, " ")
      for (i = 1; i <= n; i++) known[fields[i]] = 1
      split("module kind port-offset redis", r, " "); for (i in r) required[r[i]] = 1
    }
    /^[[:space:]]*(#.*)?$/ { next }
    /^services:[[:space:]]*$/ { next }
    {
      line = $0
      sub(/[[:space:]]+#.*$/, "", line); sub(/[[:space:]]+$/, "", line)
      entry = 0
      if (line ~ /^[[:space:]]*-[[:space:]]+/) { flush(); sub(/^[[:space:]]*-[[:space:]]+/, "", line); entry = 1 }
      else sub(/^[[:space:]]+/, "", line)
      if (line !~ /^[a-z-]+:[[:space:]]/) fail("expected \"key: value\", got: " $0)
      key = line; sub(/:.*/, "", key)
      value = line; sub(/^[a-z-]+:[[:space:]]+/, "", value)
      if (!(key in known)) fail("unknown key " key)
      if (entry && key != "name") fail("an entry starts with its name")
      if (!entry && !("name" in e)) fail(key " outside an entry")
      if (key in e) fail("service " e["name"] ": " key " given twice")
      e[key] = value
    }
    END { if (!bad) flush() }
  ' "$1"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  file=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/services.yml
  case ${1:-} in
    list) services_list "$file" ;;
    modules)
      lines=$(services_list "$file")
      printf '%s\n' "$lines" | awk -F'\t' -v kind="${2:-}" 'kind == "" || $3 == kind { print $2 }' ;;
    json-modules)
      lines=$(services_list "$file")
      printf '%s\n' "$lines" | awk -F'\t' '{ printf "%s\"%s\"", (NR > 1 ? "," : "["), $2 } END { print "]" }' ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
fi
