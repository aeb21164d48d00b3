// The launcher: up / down / status / env / user / compact. Components run as separate
// processes of this same binary; their pids, ports and logs live under one state folder.
package main

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

// Components in start order; down stops them in reverse.
var componentOrder = []string{"etcd", "kube-apiserver", "kube-controller-manager"}

// Controllers that make RBAC aggregation, namespace deletion, service accounts, quotas and
// CSRs behave as in a real cluster; workload controllers are left out (no nodes run pods).
var controllers = []string{
	"namespace-controller",
	"garbage-collector-controller",
	"serviceaccount-controller",
	"serviceaccount-token-controller",
	"clusterrole-aggregation-controller",
	"resourcequota-controller",
	"root-ca-certificate-publisher-controller",
	"certificatesigningrequest-signing-controller",
	"certificatesigningrequest-approving-controller",
	"certificatesigningrequest-cleaner-controller",
}

// A resource whose watch cache is disabled, so tests can provoke a real 410 from etcd
// compaction (with the cache on, old resourceVersions are answered from memory).
const uncachedResourceForTests = "podtemplates"

type clusterState struct {
	EtcdClientPort int            `json:"etcdClientPort"`
	EtcdPeerPort   int            `json:"etcdPeerPort"`
	APIServerPort  int            `json:"apiServerPort"`
	Pids           map[string]int `json:"pids"`
	StartedAt      time.Time      `json:"startedAt"`
	ReadyAfter     string         `json:"readyAfter"`
	// Each component's command line, so `restart` starts it again exactly as `up` did.
	Args map[string][]string `json:"args,omitempty"`
}

type layout struct{ root string }

func (l layout) path(parts ...string) string { return filepath.Join(append([]string{l.root}, parts...)...) }
func (l layout) pki() string                  { return l.path("pki") }
func (l layout) stateFile() string            { return l.path("cluster.json") }
func (l layout) logFile(c string) string      { return l.path("logs", c+".log") }
func (l layout) kubeconfig(user string) string {
	return l.path("kubeconfigs", user+".kubeconfig")
}

func defaultStateDir() string {
	if s := os.Getenv("DEVCLUSTER_STATE"); s != "" {
		return s
	}
	return ".devcluster"
}

func runLauncher(cmd string, args []string) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	state := fs.String("state", defaultStateDir(), "state folder")
	var err error
	switch cmd {
	case "up":
		var manifests multiFlag
		fs.Var(&manifests, "manifests", "folder of YAML manifests to apply once ready (repeatable, applied in order)")
		timeout := fs.Duration("timeout", 3*time.Minute, "how long to wait for readiness")
		if fs.Parse(args) != nil {
			return 2
		}
		err = up(mustLayout(*state), manifests, *timeout)
	case "down":
		wipe := fs.Bool("wipe", false, "also delete the state folder (data, certificates, kubeconfigs)")
		if fs.Parse(args) != nil {
			return 2
		}
		err = down(mustLayout(*state), *wipe)
	case "status":
		if fs.Parse(args) != nil {
			return 2
		}
		return status(mustLayout(*state))
	case "env":
		if fs.Parse(args) != nil {
			return 2
		}
		err = printEnv(mustLayout(*state))
	case "user":
		var groups multiFlag
		fs.Var(&groups, "group", "group (repeatable)")
		// Accept NAME before or after the flags.
		name := ""
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			name, args = args[0], args[1:]
		}
		if fs.Parse(args) != nil {
			return 2
		}
		if name == "" && fs.NArg() > 0 {
			name = fs.Arg(0)
		}
		if name == "" {
			fmt.Fprintln(os.Stderr, "usage: devcluster user NAME [--group G]...")
			return 2
		}
		err = addUser(mustLayout(*state), name, groups)
	case "compact":
		if fs.Parse(args) != nil {
			return 2
		}
		err = compact(mustLayout(*state))
	case "restart":
		// Accept COMPONENT before or after the flags, like user.
		name := ""
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			name, args = args[0], args[1:]
		}
		kill := fs.Bool("kill", false, "SIGKILL instead of SIGTERM (a crash, not a shutdown)")
		downFor := fs.Duration("down", 0, "how long to stay stopped before starting again")
		timeout := fs.Duration("timeout", 2*time.Minute, "how long to wait for readiness")
		if fs.Parse(args) != nil {
			return 2
		}
		if name == "" && fs.NArg() > 0 {
			name = fs.Arg(0)
		}
		if name == "apiserver" {
			name = "kube-apiserver"
		}
		if name != "kube-apiserver" && name != "etcd" && name != "kube-controller-manager" {
			fmt.Fprintln(os.Stderr, "usage: devcluster restart etcd|kube-apiserver|kube-controller-manager [--kill] [--down D]")
			return 2
		}
		err = restart(mustLayout(*state), name, *kill, *downFor, *timeout)
	default:
		usage()
		return 2
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "devcluster %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func mustLayout(dir string) layout {
	abs, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "devcluster: bad state folder %q: %v\n", dir, err)
		os.Exit(2)
	}
	return layout{root: abs}
}

func loadState(l layout) (*clusterState, error) {
	data, err := os.ReadFile(l.stateFile())
	if err != nil {
		return nil, err
	}
	var s clusterState
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", l.stateFile(), err)
	}
	if s.Pids == nil {
		s.Pids = map[string]int{}
	}
	return &s, nil
}

func saveState(l layout, s *clusterState) error {
	data, _ := json.MarshalIndent(s, "", "  ")
	return os.WriteFile(l.stateFile(), data, 0o644)
}

// alive reports whether pid is a running (not zombie) process of this cluster: the check on
// the command line guards against a recycled pid belonging to something else.
func alive(l layout, pid int) bool {
	if pid <= 0 {
		return false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return false
	}
	if stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		if f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:])); len(f) > 0 && f[0] == "Z" {
			return false
		}
	}
	return strings.Contains(string(cmdline), l.root)
}

func rssKiB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				n, _ := strconv.Atoi(f[1])
				return n
			}
		}
	}
	return 0
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// portFree keeps a port from a previous run when nobody took it meanwhile, so etcd's stored
// member URLs and the kubeconfigs users already have stay right.
func portFree(port int) bool {
	if port == 0 {
		return false
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

func pickPort(previous int) (int, error) {
	if portFree(previous) {
		return previous, nil
	}
	return freePort()
}

func tailFile(path string, lines int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	all := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

func startComponent(l layout, name string, args []string) (int, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	logf, err := os.OpenFile(l.logFile(name), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, err
	}
	defer logf.Close()
	cmd := exec.Command(self, append([]string{name}, args...)...)
	cmd.Stdout = logf
	cmd.Stderr = logf
	cmd.Dir = l.root
	// Own session: the components outlive `up` and a Ctrl-C in the caller's terminal.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	pid := cmd.Process.Pid
	// Reap it if it dies while we still run, so alive() does not see a zombie.
	go func() { _ = cmd.Wait() }()
	return pid, nil
}

func tlsClient(l layout, user string) (*http.Client, error) {
	caPEM, err := os.ReadFile(filepath.Join(l.pki(), "ca.crt"))
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	cert, err := tls.LoadX509KeyPair(filepath.Join(l.pki(), user+".crt"), filepath.Join(l.pki(), user+".key"))
	if err != nil {
		return nil, err
	}
	return &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{cert}}},
	}, nil
}

func waitFor(what string, timeout time.Duration, pidCheck func() error, probe func() error) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		if err := pidCheck(); err != nil {
			return err
		}
		if last = probe(); last == nil {
			return nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready after %s: %v", what, timeout, last)
}

func httpOK(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: HTTP %d: %s", url, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return nil
}

func randomToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Static tokens (--token-auth-file) for tests that authenticate with a bearer token.
var staticTokenUsers = []struct{ user, uid, groups string }{
	{"token-admin", "uid-token-admin", "system:masters"},
	{"token-user", "uid-token-user", "devcluster:token-users"},
}

func ensureTokens(l layout) error {
	csv := l.path("pki", "tokens.csv")
	if _, err := os.Stat(csv); err == nil {
		return nil
	}
	var b strings.Builder
	for _, u := range staticTokenUsers {
		tok := randomToken()
		fmt.Fprintf(&b, "%s,%s,%s,\"%s\"\n", tok, u.user, u.uid, u.groups)
		if err := os.WriteFile(l.path("tokens", u.user+".token"), []byte(tok), 0o600); err != nil {
			return err
		}
	}
	return os.WriteFile(csv, []byte(b.String()), 0o600)
}

const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: None
  nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version", "/openapi*"]
- level: None
  users: ["devcluster:kube-controller-manager"]
  verbs: ["get", "list", "watch"]
- level: None
  resources:
  - group: "coordination.k8s.io"
    resources: ["leases"]
  - group: ""
    resources: ["events"]
- level: RequestResponse
  resources:
  - group: "rbac.authorization.k8s.io"
  - group: "iam.kubesphere.io"
  - group: "tenant.kubesphere.io"
  - group: "quota.kubesphere.io"
- level: Metadata
`

func writeKubeconfig(l layout, name, server string, kp *keyPair, token string) error {
	caPEM, err := os.ReadFile(filepath.Join(l.pki(), "ca.crt"))
	if err != nil {
		return err
	}
	var user string
	if kp != nil {
		user = fmt.Sprintf("    client-certificate-data: %s\n    client-key-data: %s\n",
			base64.StdEncoding.EncodeToString(kp.certPEM()), base64.StdEncoding.EncodeToString(kp.keyPEM()))
	} else {
		user = fmt.Sprintf("    token: %s\n", token)
	}
	doc := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: devcluster
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: %s
  user:
%scontexts:
- name: %s@devcluster
  context:
    cluster: devcluster
    user: %s
    namespace: default
current-context: %s@devcluster
preferences: {}
`, server, base64.StdEncoding.EncodeToString(caPEM), name, user, name, name, name)
	return os.WriteFile(l.kubeconfig(name), []byte(doc), 0o600)
}

func up(l layout, manifests []string, timeout time.Duration) error {
	begin := time.Now()
	for _, d := range []string{"", "pki", "etcd", "logs", "kubeconfigs", "tokens", "audit"} {
		if err := os.MkdirAll(l.path(d), 0o700); err != nil {
			return err
		}
	}
	prev, err := loadState(l)
	if err == nil {
		for _, c := range componentOrder {
			if alive(l, prev.Pids[c]) {
				return fmt.Errorf("a devcluster is already running from %s (%s pid %d); run `devcluster down` first",
					l.root, c, prev.Pids[c])
			}
		}
	} else {
		prev = &clusterState{}
	}
	if err := ensurePKI(l.pki()); err != nil {
		return fmt.Errorf("creating the PKI: %v", err)
	}
	if err := ensureTokens(l); err != nil {
		return err
	}
	if err := os.WriteFile(l.path("audit-policy.yaml"), []byte(auditPolicy), 0o644); err != nil {
		return err
	}
	ca, err := loadKeyPair(l.pki(), "client-ca")
	if err != nil {
		return err
	}
	for _, id := range []struct {
		name   string
		cn     string
		groups []string
	}{
		{"admin", "devcluster-admin", []string{"system:masters"}},
		{"kube-controller-manager", "devcluster:kube-controller-manager", []string{"system:masters"}},
	} {
		kp, err := ca.issue(id.cn, id.groups, false)
		if err != nil {
			return err
		}
		if err := kp.save(l.pki(), id.name); err != nil {
			return err
		}
	}

	st := &clusterState{Pids: map[string]int{}, Args: map[string][]string{}, StartedAt: time.Now()}
	if st.EtcdClientPort, err = pickPort(prev.EtcdClientPort); err != nil {
		return err
	}
	if st.EtcdPeerPort, err = pickPort(prev.EtcdPeerPort); err != nil {
		return err
	}
	if st.APIServerPort, err = pickPort(prev.APIServerPort); err != nil {
		return err
	}
	if st.APIServerPort == st.EtcdClientPort || st.APIServerPort == st.EtcdPeerPort {
		if st.APIServerPort, err = freePort(); err != nil {
			return err
		}
	}
	server := fmt.Sprintf("https://127.0.0.1:%d", st.APIServerPort)
	stopAll := func() { _ = stopComponents(l, st) }
	died := func(name string) func() error {
		return func() error {
			if !alive(l, st.Pids[name]) {
				return fmt.Errorf("%s exited; last lines of %s:\n%s", name, l.logFile(name), tailFile(l.logFile(name), 25))
			}
			return nil
		}
	}

	fmt.Printf("devcluster: starting etcd on 127.0.0.1:%d\n", st.EtcdClientPort)
	st.Args["etcd"] = []string{
		"--data-dir", l.path("etcd"),
		"--client-port", strconv.Itoa(st.EtcdClientPort),
		"--peer-port", strconv.Itoa(st.EtcdPeerPort),
	}
	if st.Pids["etcd"], err = startComponent(l, "etcd", st.Args["etcd"]); err != nil {
		return err
	}
	_ = saveState(l, st)
	plain := &http.Client{Timeout: 2 * time.Second}
	if err := waitFor("etcd", timeout, died("etcd"), func() error {
		return httpOK(plain, fmt.Sprintf("http://127.0.0.1:%d/health", st.EtcdClientPort))
	}); err != nil {
		stopAll()
		return err
	}

	fmt.Printf("devcluster: starting kube-apiserver on %s\n", server)
	pki := l.pki()
	apiArgs := []string{
		"--etcd-servers=" + fmt.Sprintf("http://127.0.0.1:%d", st.EtcdClientPort),
		"--bind-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(st.APIServerPort),
		"--advertise-address=127.0.0.1",
		"--endpoint-reconciler-type=none",
		"--tls-cert-file=" + filepath.Join(pki, "apiserver.crt"),
		"--tls-private-key-file=" + filepath.Join(pki, "apiserver.key"),
		"--client-ca-file=" + filepath.Join(pki, "client-ca.crt"),
		"--token-auth-file=" + filepath.Join(pki, "tokens.csv"),
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + filepath.Join(pki, "sa.key"),
		"--service-account-signing-key-file=" + filepath.Join(pki, "sa.key"),
		"--service-cluster-ip-range=10.0.0.0/24",
		"--allow-privileged=true",
		"--audit-policy-file=" + l.path("audit-policy.yaml"),
		"--audit-log-path=" + l.path("audit", "audit.log"),
		"--audit-log-format=json",
		"--audit-log-maxsize=100",
		"--audit-log-maxbackup=3",
		"--watch-cache-sizes=" + uncachedResourceForTests + "#0",
		"--profiling=false",
		"--v=1",
	}
	st.Args["kube-apiserver"] = apiArgs
	if st.Pids["kube-apiserver"], err = startComponent(l, "kube-apiserver", apiArgs); err != nil {
		stopAll()
		return err
	}
	_ = saveState(l, st)
	adminClient, err := tlsClient(l, "admin")
	if err != nil {
		stopAll()
		return err
	}
	if err := waitFor("kube-apiserver", timeout, died("kube-apiserver"), func() error {
		return httpOK(adminClient, server+"/readyz")
	}); err != nil {
		stopAll()
		return err
	}

	kcmKP, _ := loadKeyPair(l.pki(), "kube-controller-manager")
	if err := writeKubeconfig(l, "kube-controller-manager", server, kcmKP, ""); err != nil {
		stopAll()
		return err
	}
	fmt.Println("devcluster: starting kube-controller-manager")
	st.Args["kube-controller-manager"] = []string{
		"--kubeconfig=" + l.kubeconfig("kube-controller-manager"),
		"--controllers=" + strings.Join(controllers, ","),
		"--service-account-private-key-file=" + filepath.Join(pki, "sa.key"),
		"--root-ca-file=" + filepath.Join(pki, "ca.crt"),
		"--cluster-signing-cert-file=" + filepath.Join(pki, "client-ca.crt"),
		"--cluster-signing-key-file=" + filepath.Join(pki, "client-ca.key"),
		"--use-service-account-credentials=false",
		"--leader-elect=false",
		"--secure-port=0",
		"--v=1",
	}
	if st.Pids["kube-controller-manager"], err = startComponent(l, "kube-controller-manager", st.Args["kube-controller-manager"]); err != nil {
		stopAll()
		return err
	}
	_ = saveState(l, st)
	// The controllers are working once the aggregated "admin" role has rules and the default
	// namespace has its service account.
	if err := waitFor("kube-controller-manager", timeout, died("kube-controller-manager"), func() error {
		if err := httpOK(adminClient, server+"/api/v1/namespaces/default/serviceaccounts/default"); err != nil {
			return err
		}
		return aggregatedRulesPresent(adminClient, server)
	}); err != nil {
		stopAll()
		return err
	}

	adminKP, _ := loadKeyPair(l.pki(), "admin")
	if err := writeKubeconfig(l, "admin", server, adminKP, ""); err != nil {
		stopAll()
		return err
	}
	for _, u := range staticTokenUsers {
		tok, err := os.ReadFile(l.path("tokens", u.user+".token"))
		if err != nil {
			stopAll()
			return err
		}
		if err := writeKubeconfig(l, u.user, server, nil, strings.TrimSpace(string(tok))); err != nil {
			stopAll()
			return err
		}
	}
	for _, dir := range manifests {
		if err := applyManifests(adminClient, server, dir); err != nil {
			stopAll()
			return fmt.Errorf("installing manifests from %s: %v", dir, err)
		}
	}
	st.ReadyAfter = time.Since(begin).Round(10 * time.Millisecond).String()
	if err := saveState(l, st); err != nil {
		return err
	}
	fmt.Printf("devcluster: ready in %s at %s\n  export KUBECONFIG=%s\n", st.ReadyAfter, server, l.kubeconfig("admin"))
	return nil
}

func aggregatedRulesPresent(c *http.Client, server string) error {
	resp, err := c.Get(server + "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var role struct {
		Rules []json.RawMessage `json:"rules"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&role); err != nil {
		return err
	}
	if len(role.Rules) == 0 {
		return errors.New("clusterrole admin not aggregated yet")
	}
	return nil
}

func stopComponents(l layout, st *clusterState) error {
	var errs []string
	for i := len(componentOrder) - 1; i >= 0; i-- {
		name := componentOrder[i]
		pid := st.Pids[name]
		if !alive(l, pid) {
			continue
		}
		_ = syscall.Kill(pid, syscall.SIGTERM)
		deadline := time.Now().Add(15 * time.Second)
		for alive(l, pid) && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
		if alive(l, pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			time.Sleep(200 * time.Millisecond)
			if alive(l, pid) {
				errs = append(errs, fmt.Sprintf("%s (pid %d) did not stop", name, pid))
			}
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

func down(l layout, wipe bool) error {
	st, err := loadState(l)
	if err == nil {
		if err := stopComponents(l, st); err != nil {
			return err
		}
		st.Pids = map[string]int{}
		_ = saveState(l, st)
		fmt.Println("devcluster: stopped")
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	} else {
		fmt.Println("devcluster: nothing running in", l.root)
	}
	if wipe {
		if err := os.RemoveAll(l.root); err != nil {
			return err
		}
		fmt.Println("devcluster: removed", l.root)
	}
	return nil
}

// status prints one line per component and exits 0 only when all are up and ready.
func status(l layout) int {
	st, err := loadState(l)
	if err != nil {
		fmt.Printf("devcluster: not started (no state in %s)\n", l.root)
		return 3
	}
	healthy := true
	for _, name := range componentOrder {
		pid := st.Pids[name]
		if alive(l, pid) {
			fmt.Printf("%-24s running  pid %-7d rss %6.1f MiB\n", name, pid, float64(rssKiB(pid))/1024)
			continue
		}
		healthy = false
		if pid == 0 {
			fmt.Printf("%-24s stopped\n", name)
			continue
		}
		fmt.Printf("%-24s DIED     (pid %d); last lines of %s:\n%s\n", name, pid, l.logFile(name),
			indent(tailFile(l.logFile(name), 15)))
	}
	if healthy {
		server := fmt.Sprintf("https://127.0.0.1:%d", st.APIServerPort)
		c, err := tlsClient(l, "admin")
		if err == nil {
			err = httpOK(c, server+"/readyz")
		}
		if err != nil {
			fmt.Printf("kube-apiserver not ready: %v\n", err)
			return 1
		}
		fmt.Printf("ready at %s (up since %s, became ready in %s)\nKUBECONFIG=%s\n", server,
			st.StartedAt.Format(time.RFC3339), st.ReadyAfter, l.kubeconfig("admin"))
		return 0
	}
	return 1
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

func printEnv(l layout) error {
	st, err := loadState(l)
	if err != nil {
		return fmt.Errorf("no cluster state in %s: run `devcluster up` first", l.root)
	}
	vars := map[string]string{
		"KUBECONFIG":           l.kubeconfig("admin"),
		"DEVCLUSTER_STATE":     l.root,
		"DEVCLUSTER_SERVER":    fmt.Sprintf("https://127.0.0.1:%d", st.APIServerPort),
		"DEVCLUSTER_CA":        filepath.Join(l.pki(), "ca.crt"),
		"DEVCLUSTER_AUDIT_LOG": l.path("audit", "audit.log"),
	}
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("export %s=%q\n", k, vars[k])
	}
	return nil
}

func addUser(l layout, name string, groups []string) error {
	st, err := loadState(l)
	if err != nil {
		return fmt.Errorf("no cluster state in %s: run `devcluster up` first", l.root)
	}
	kp, err := issueClientCert(l.pki(), name, groups)
	if err != nil {
		return err
	}
	file := strings.NewReplacer(":", "_", "/", "_").Replace(name)
	server := fmt.Sprintf("https://127.0.0.1:%d", st.APIServerPort)
	if err := writeKubeconfig(l, file, server, kp, ""); err != nil {
		return err
	}
	fmt.Println(l.kubeconfig(file))
	return nil
}

func compact(l layout) error {
	st, err := loadState(l)
	if err != nil {
		return fmt.Errorf("no cluster state in %s: run `devcluster up` first", l.root)
	}
	cli, err := clientv3.New(clientv3.Config{
		Endpoints:   []string{fmt.Sprintf("http://127.0.0.1:%d", st.EtcdClientPort)},
		DialTimeout: 5 * time.Second,
	})
	if err != nil {
		return err
	}
	defer cli.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	resp, err := cli.Get(ctx, "compact-probe")
	if err != nil {
		return err
	}
	rev := resp.Header.Revision
	if _, err := cli.Compact(ctx, rev, clientv3.WithCompactPhysical()); err != nil {
		return err
	}
	fmt.Printf("devcluster: etcd compacted at revision %d\n", rev)
	return nil
}

// restart stops one component (SIGTERM, or SIGKILL for a crash), optionally stays down for a
// while, then starts it again with the command line `up` gave it and waits until it serves:
// the fault tests kill kube-apiserver under live watches this way.
func restart(l layout, name string, kill bool, downFor, timeout time.Duration) error {
	st, err := loadState(l)
	if err != nil {
		return fmt.Errorf("no cluster state in %s: run `devcluster up` first", l.root)
	}
	args, ok := st.Args[name]
	if !ok {
		return fmt.Errorf("no recorded command line for %s: the cluster was started by an older devcluster; run down and up", name)
	}
	if pid := st.Pids[name]; alive(l, pid) {
		sig := syscall.SIGTERM
		if kill {
			sig = syscall.SIGKILL
		}
		_ = syscall.Kill(pid, sig)
		deadline := time.Now().Add(15 * time.Second)
		for alive(l, pid) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if alive(l, pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			time.Sleep(200 * time.Millisecond)
		}
		if alive(l, pid) {
			return fmt.Errorf("%s (pid %d) did not stop", name, pid)
		}
	}
	// The port must be free again before the new process binds it.
	port := map[string]int{"etcd": st.EtcdClientPort, "kube-apiserver": st.APIServerPort}[name]
	for deadline := time.Now().Add(10 * time.Second); port != 0 && !portFree(port) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(downFor)
	// The log of the previous run is kept next to the new one.
	_ = os.Rename(l.logFile(name), l.logFile(name)+".prev")
	begin := time.Now()
	if st.Pids[name], err = startComponent(l, name, args); err != nil {
		return err
	}
	if err := saveState(l, st); err != nil {
		return err
	}
	died := func() error {
		if !alive(l, st.Pids[name]) {
			return fmt.Errorf("%s exited; last lines of %s:\n%s", name, l.logFile(name), tailFile(l.logFile(name), 25))
		}
		return nil
	}
	server := fmt.Sprintf("https://127.0.0.1:%d", st.APIServerPort)
	switch name {
	case "etcd":
		plain := &http.Client{Timeout: 2 * time.Second}
		err = waitFor("etcd", timeout, died, func() error {
			return httpOK(plain, fmt.Sprintf("http://127.0.0.1:%d/health", st.EtcdClientPort))
		})
	case "kube-apiserver":
		c, cerr := tlsClient(l, "admin")
		if cerr != nil {
			return cerr
		}
		err = waitFor("kube-apiserver", timeout, died, func() error { return httpOK(c, server+"/readyz") })
	default:
		err = waitFor(name, 3*time.Second, died, func() error { return errors.New("starting") })
		if err != nil && strings.Contains(err.Error(), "not ready") {
			err = nil // still running after a few seconds: good enough for a controller manager
		}
	}
	if err != nil {
		return err
	}
	fmt.Printf("devcluster: %s restarted (pid %d), ready in %s\n", name, st.Pids[name], time.Since(begin).Round(10*time.Millisecond))
	return nil
}
