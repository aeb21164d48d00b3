#!/usr/bin/env bash
# Regenerates devcluster/go.mod's replace block from the pinned Kubernetes release's own go.mod:
# every staging module (k8s.io/X => ./staging/src/k8s.io/X upstream) is redirected to its
# published v0.MINOR.PATCH tag. Usage: hack/pin-kubernetes.sh v1.36.3
set -euo pipefail
ver=${1:?usage: pin-kubernetes.sh v1.MINOR.PATCH}
staging=v0.${ver#v1.}
cd "$(dirname "$0")/.."
modfile=$(go mod download -json "k8s.io/kubernetes@${ver}" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
[ -f "$modfile" ] || { echo "pin-kubernetes: cannot download k8s.io/kubernetes@${ver}" >&2; exit 1; }
etcd=$(awk '$1=="go.etcd.io/etcd/client/v3"{print $2; exit}' "$modfile")
# Drop the old replace lines, then add one per staging module.
for old in $(go mod edit -json | python3 -c 'import json,sys; print("\n".join(r["Old"]["Path"] for r in (json.load(sys.stdin).get("Replace") or [])))'); do
  go mod edit -dropreplace="$old"
done
grep -oE 'k8s.io/[a-z0-9-]+ => ./staging/src/k8s.io/[a-z0-9-]+' "$modfile" | awk '{print $1}' | sort -u |
while read -r m; do go mod edit -replace="$m=$m@$staging"; done
go mod edit -replace="k8s.io/kubernetes=k8s.io/kubernetes@${ver}"
go mod edit -require="k8s.io/kubernetes@${ver}" -require="go.etcd.io/etcd/server/v3@${etcd}"
echo "pinned k8s.io/kubernetes ${ver}, staging ${staging}, etcd ${etcd}"
