// devcluster: a real local Kubernetes control plane (etcd, kube-apiserver,
// kube-controller-manager) for Tenantry's tests and demo, built from Go modules.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	switch cmd {
	case "etcd":
		os.Exit(runEtcd(args))
	case "kube-apiserver":
		os.Exit(runAPIServer(args))
	case "kube-controller-manager":
		os.Exit(runControllerManager(args))
	default:
		os.Exit(runLauncher(cmd, args))
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: devcluster COMMAND [flags]
  up        start etcd, kube-apiserver and kube-controller-manager and wait until ready
  down      stop every process of the cluster [--wipe removes its state folder]
  status    show each component, its pid, memory and log tail if it died
  env       print shell exports (KUBECONFIG, DEVCLUSTER_*) for the running cluster
  user      NAME [--group G]... issue a client certificate and kubeconfig for NAME
  compact   compact etcd at its current revision (forces 410 Gone on old watches)
  restart   COMPONENT [--kill] [--down D] stop one component (SIGTERM, SIGKILL with --kill),
            stay down for D, start it again as up did and wait until it is ready
Every command takes --state DIR (default $DEVCLUSTER_STATE or ./.devcluster).
`)
}
