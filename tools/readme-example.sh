#!/bin/sh
# readme-example.sh - writes the README's worked example from the program's real output, so
# that it cannot go stale: runs the command the README shows and abridges its JSON (the first
# item of each list, long strings cut). Prints the block that sits between the README's
# "readme-example" markers; with --update, rewrites that block in README.md.
# tests/cli/test_docs.sh fails when README.md and this script's output differ.
# Usage: tools/readme-example.sh [--update] [SITREP]   (default build/sitrep)
set -eu
cd "$(dirname "$0")/.."
update=""
if [ "${1:-}" = --update ]; then
    update=1
    shift
fi
sitrep=${1:-build/sitrep}
python=${PYTHON:-/usr/bin/python3}
command="code --format pretty --published 2025-03-04 examples/wire-ceasefire-talks.txt"
# shellcheck disable=SC2086
json=$(SITREP_DATA=${SITREP_DATA:-data} SITREP_TODAY=2026-11-26 "$sitrep" $command)
block=$(printf '%s\n' "$json" | "$python" -c '
import json, sys

article = json.load(sys.stdin)
ELLIPSIS = "\u2026"

def cut(value, width):
    if isinstance(value, str) and len(value) > width:
        return value[:width].rstrip() + " " + ELLIPSIS
    return value

def compact(value, width=48):
    """One line of JSON with long strings cut."""
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + compact(v, width) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(compact(v, width) for v in value) + "]"
    return json.dumps(cut(value, width), ensure_ascii=False)

def wrap(head, value, tail="", width=48, indent=4):
    """head + an object whose members fill lines of at most 92 columns + tail."""
    parts = [json.dumps(k) + ": " + compact(v, width) for k, v in value.items()]
    lines, line = [], head + "{"
    for i, part in enumerate(parts):
        piece = part + ("," if i + 1 < len(parts) else "}" + tail)
        if len(line) + len(piece) + 1 > 92 and not line.endswith("{"):
            lines.append(line)
            line = " " * indent + piece
        else:
            line += ("" if line.endswith("{") else " ") + piece
    lines.append(line)
    return "\n".join(lines)

def first(key, items, width=48):
    """The first item and an ellipsis for the rest."""
    if not items:
        return "  " + json.dumps(key) + ": []"
    rest = ", " + ELLIPSIS if len(items) > 1 else ""
    return wrap("  " + json.dumps(key) + ": [", items[0], rest + "]", width, 5)

out = ["{"]
fields = []
fields.append("  \"id\": " + compact(article["id"]) + ", \"url\": " + compact(article["url"]) +
              ", \"published\": " + compact(article["published"]))
fields.append(wrap("  \"meta\": ", article["meta"], "", 80, 11))
for key in ("sentences", "actors"):
    fields.append(first(key, article[key]))
fields.append(first("events", article["events"], 60))
for key in ("quotes", "quantities", "dates", "places"):
    fields.append(first(key, article[key]))
fields.append("  \"attributions\": " + (("[" + ELLIPSIS + " " + str(len(article["attributions"])) +
              " reporting frames: source, cue, content spans " + ELLIPSIS + "]") if article["attributions"] else "[]"))
fields.append("  \"warnings\": " + compact(article["warnings"], 80))
out.append(",\n".join(fields))
out.append("}")
print("\n".join(out))
')
text=$(cat <<END
<!-- readme-example: begin (written by tools/readme-example.sh from real output; do not edit) -->
\`\`\`sh
\$ build/sitrep $command
\`\`\`
gives one JSON object ([docs/output.md](docs/output.md)), abridged here (the first item of each
list, long strings cut):
\`\`\`json
$block
\`\`\`
<!-- readme-example: end -->
END
)
if [ -z "$update" ]; then
    printf '%s\n' "$text"
    exit 0
fi
printf '%s\n' "$text" >README.example.tmp
"$python" - <<'PY'
import re
readme = open("README.md", encoding="utf-8").read()
block = open("README.example.tmp", encoding="utf-8").read().rstrip("\n")
pattern = re.compile(r"<!-- readme-example: begin.*?<!-- readme-example: end -->", re.S)
if not pattern.search(readme):
    raise SystemExit("readme-example: README.md has no readme-example markers")
open("README.md", "w", encoding="utf-8").write(pattern.sub(lambda m: block, readme))
PY
rm -f README.example.tmp
echo "readme-example: README.md updated"
