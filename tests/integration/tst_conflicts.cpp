// Two writers on the same objects: Tenantry's write path (Planner + PlanExecutor, server-side
// apply as "tenantry", in this process) and kubectl (a separate process loop) edit a KubeSphere
// Role and its RBAC mirror, a WorkspaceRole and an RBAC RoleBinding, each side ITERATIONS times
// at once. Each side writes its own annotation slots (values only grow) and now and then a
// contested field (rules / subjects). Watches record every version of every object. Asserted:
// no lost update (no slot value ever goes back or vanishes, every acknowledged write is in the
// version it produced, a replaced contested value never comes back, the last acknowledged value
// of every slot is there at the end); every 409 Tenantry got is counted and decided explicitly
// (re-read and retry; for a field-manager conflict, naming the fields and the other manager,
// retry taking the fields over); Tenantry never sends force=true without that decision.
//
// TENANTRY_CONFLICT_ITERATIONS (default 300) sets the writes of each side; docs/reliability.md
// records a run with 1000.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

const GroupVersionResource kRbacRole{"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};
const GroupVersionResource kRbacBinding{"rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding"};
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
constexpr int kSlots = 8;          // annotation slots per writer per object
constexpr int kContestEvery = 10;  // every 10th write of a side is to the contested field

long rvOf(const json &o) { return std::atol(ObjectMeta(o).resourceVersion().c_str()); }

// The contested value of an object: rules[0].resourceNames[0] (roles) or subjects[0].name.
std::string tagOf(const json &o)
{
    if (o.contains("subjects") && o["subjects"].is_array() && !o["subjects"].empty())
        return o["subjects"][0].value("name", "");
    if (o.contains("rules") && o["rules"].is_array() && !o["rules"].empty() && o["rules"][0].contains("resourceNames")
        && !o["rules"][0]["resourceNames"].empty())
        return o["rules"][0]["resourceNames"][0].get<std::string>();
    return {};
}

json rulesWithTag(const std::string &tag)
{
    return json::array({{{"apiGroups", json::array({""})},
                         {"resources", json::array({"configmaps"})},
                         {"resourceNames", json::array({tag})},
                         {"verbs", json::array({"get"})}}});
}

struct Target {
    std::string key;  // short name used in annotation keys and logs: role, mirror, wsrole, binding
    GroupVersionResource gvr;
    std::string ns, name;
    QString kubectlResource;  // what kubectl calls it
};

struct Version {
    long rv = 0;
    std::map<std::string, long> values;  // annotation key -> value
    std::string tag;
};

struct Ack {
    std::string writer, target, what;  // what: an annotation key, or "tag"
    std::string value;
    long rv = 0;
};

// Every version of one object, from a watch started at its first resourceVersion.
class History
{
public:
    void add(const json &o)
    {
        Version v;
        v.rv = rvOf(o);
        for (auto &[k, val] : ObjectMeta(o).annotations())
            if (k.rfind("tenantry.test/", 0) == 0 || k.rfind("kubectl.test/", 0) == 0)
                v.values[k] = std::atol(val.c_str());
        v.tag = tagOf(o);
        std::lock_guard lock(m_mutex);
        m_versions.push_back(std::move(v));
    }
    std::vector<Version> versions() const
    {
        std::lock_guard lock(m_mutex);
        return m_versions;
    }
    std::atomic<bool> broken{false};  // the watch lost events (410): the history has gaps

private:
    mutable std::mutex m_mutex;
    std::vector<Version> m_versions;
};

} // namespace

#define REQUIRE_OK(expr)                                                                                  \
    do {                                                                                                  \
        auto &&_r = (expr);                                                                               \
        if (!_r)                                                                                          \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + qs(_r.error().describe())));            \
    } while (0)

class tst_Conflicts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void concurrentWritersLoseNothing();
    void ssaConflictWithKubectlIsShownNotForced();
    void takingOverAStaleEditIsRefused();
    void cleanupTestCase();

private:
    void watchTarget(const Target &t, long fromRv, History &history, const CancelTokenPtr &cancel);
    QString kubectlScript(int iterations) const;

    std::unique_ptr<Client> m_admin;
    std::optional<ClusterTenancy> m_tenancy;
    std::string m_sfx, m_ns, m_ws;
    std::vector<Target> m_targets;
    QTemporaryDir m_tmp;
};

void tst_Conflicts::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    auto t = detectTenancy(*m_admin);
    REQUIRE_OK(t);
    m_tenancy = *t;
    m_sfx = clusterenv::uniqueName("c").substr(2);
    m_ns = "conflicts-" + m_sfx;
    m_ws = "cws-" + m_sfx;
    const TenancyApi &api = m_tenancy->api;

    // The namespace, a workspace, a project role (KubeSphere Role + its RBAC mirror in standalone
    // mode), a workspace role and an RBAC RoleBinding, all made through Tenantry's planner.
    REQUIRE_OK(m_admin->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}}));
    Planner planner(*m_admin, *m_tenancy, "devcluster-admin");
    WorkspaceSpec ws;
    ws.name = m_ws;
    auto wsPlan = planner.createWorkspace(ws);
    REQUIRE_OK(wsPlan);
    QVERIFY(PlanExecutor(*m_admin).run(*wsPlan).complete());
    RoleSpec role;
    role.level = RoleSpec::Level::Project;
    role.scope = m_ns;
    role.name = "cr-role";
    role.rules = rulesWithTag("t-init");
    auto rolePlan = planner.saveRole(role, true);
    REQUIRE_OK(rolePlan);
    QVERIFY(PlanExecutor(*m_admin).run(*rolePlan).complete());
    RoleSpec wsRole;
    wsRole.level = RoleSpec::Level::Workspace;
    wsRole.scope = m_ws;
    wsRole.name = m_ws + "-cr-wsrole";
    wsRole.rules = rulesWithTag("t-init");
    auto wsRolePlan = planner.saveRole(wsRole, true);
    REQUIRE_OK(wsRolePlan);
    QVERIFY(PlanExecutor(*m_admin).run(*wsRolePlan).complete());
    Plan bindingPlan;
    PlannedWrite b;
    b.gvr = kRbacBinding;
    b.ns = m_ns;
    b.name = "cr-binding";
    b.object = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                {"kind", "RoleBinding"},
                {"metadata", {{"name", "cr-binding"}, {"namespace", m_ns}}},
                {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", mirrorName("cr-role")}}},
                {"subjects", json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", "t-init"}}})}};
    bindingPlan.writes = {b};
    QVERIFY(PlanExecutor(*m_admin).run(bindingPlan).complete());

    m_targets = {{"role", api.projectRole, m_ns, "cr-role", "roles.iam.kubesphere.io"},
                 {"mirror", kRbacRole, m_ns, mirrorName("cr-role"), "roles.rbac.authorization.k8s.io"},
                 {"wsrole", api.workspaceRole, "", m_ws + "-cr-wsrole", "workspaceroles.iam.kubesphere.io"},
                 {"binding", kRbacBinding, m_ns, "cr-binding", "rolebindings.rbac.authorization.k8s.io"}};
    for (const auto &target : m_targets)
        REQUIRE_OK(m_admin->get(target.gvr, target.ns, target.name));
}

void tst_Conflicts::watchTarget(const Target &t, long fromRv, History &history, const CancelTokenPtr &cancel)
{
    std::string error;
    auto client = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    if (!client) {
        history.broken = true;
        return;
    }
    long last = fromRv;
    while (!cancel->cancelled()) {
        ListOptions o;
        o.fieldSelector = "metadata.name=" + t.name;
        o.resourceVersion = std::to_string(last);
        o.timeoutSeconds = 600;
        auto r = client->watch(t.gvr, t.ns, o, [&](const WatchEvent &e) {
            if (e.type == WatchEventType::Error) {
                history.broken = true;  // 410 Gone: events were lost
                return false;
            }
            if (e.type == WatchEventType::Added || e.type == WatchEventType::Modified) {
                history.add(e.object);
                last = rvOf(e.object);
            }
            return !cancel->cancelled();
        }, cancel);
        if (history.broken)
            return;
        if (!r && r.error().isGone()) {
            history.broken = true;
            return;
        }
        if (!r && !cancel->cancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

// kubectl's side: one kubectl process per write. Writes i%4 pick the object; every 10th write
// applies the contested field server-side as field manager "kubectl-rules" and, on a conflict,
// decides to take it over (--force-conflicts), saying so in the log.
QString tst_Conflicts::kubectlScript(int iterations) const
{
    QString targets, names, namespaces;
    for (const auto &t : m_targets) {
        targets += qs(t.key) + " ";
        names += qs(t.name) + " ";
        namespaces += qs(t.ns.empty() ? "-" : t.ns) + " ";
    }
    QString s = QStringLiteral(R"SH(#!/bin/bash
set -u
N=%1
keys=(%2); names=(%3); nss=(%4)
res=(%5)
log="$1"; cache="$2"
k() { kubectl --cache-dir="$cache" --request-timeout=60s "$@"; }
for ((j = 0; j < N; j++)); do
  t=$((j % 4)); key=${keys[$t]}; name=${names[$t]}; ns=${nss[$t]}; r=${res[$t]}
  nsarg=(); [ "$ns" != "-" ] && nsarg=(-n "$ns")
  if (( j % %6 == %6 - 1 )); then
    tag="k-$j"
    if [ "$key" = binding ]; then
      body="{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"name\":\"$name\",\"namespace\":\"$ns\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"%7\"},\"subjects\":[{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"User\",\"name\":\"$tag\"}]}"
    else
      case "$key" in role) av=iam.kubesphere.io/v1beta1; kind=Role;; mirror) av=rbac.authorization.k8s.io/v1; kind=Role;; wsrole) av=iam.kubesphere.io/v1beta1; kind=WorkspaceRole;; esac
      meta="\"name\":\"$name\""; [ "$ns" != "-" ] && meta="$meta,\"namespace\":\"$ns\""
      body="{\"apiVersion\":\"$av\",\"kind\":\"$kind\",\"metadata\":{$meta},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],\"resourceNames\":[\"$tag\"],\"verbs\":[\"get\"]}]}"
    fi
    if out=$(echo "$body" | k apply --server-side --field-manager=kubectl-rules -o 'jsonpath={.metadata.resourceVersion}' -f - 2>/tmp/kerr.$$); then
      echo "ack $key tag $tag $out" >> "$log"
    elif grep -q -i conflict /tmp/kerr.$$; then
      echo "conflict $key $j $(head -c 300 /tmp/kerr.$$ | tr '\n' ' ')" >> "$log"
      if out=$(echo "$body" | k apply --server-side --force-conflicts --field-manager=kubectl-rules -o 'jsonpath={.metadata.resourceVersion}' -f - 2>/tmp/kerr.$$); then
        echo "ack $key tag $tag $out" >> "$log"
        echo "forced $key $j" >> "$log"
      else
        echo "fail $key $j $(head -c 300 /tmp/kerr.$$ | tr '\n' ' ')" >> "$log"
      fi
    else
      echo "fail $key $j $(head -c 300 /tmp/kerr.$$ | tr '\n' ' ')" >> "$log"
    fi
  else
    slot="kubectl.test/$key-slot-$(( (j / 4) % %8 ))"
    if out=$(k annotate --overwrite "${nsarg[@]}" "$r" "$name" "$slot=$j" -o 'jsonpath={.metadata.resourceVersion}' 2>/tmp/kerr.$$); then
      echo "ack $key $slot $j $out" >> "$log"
    else
      echo "fail $key $j $(head -c 300 /tmp/kerr.$$ | tr '\n' ' ')" >> "$log"
    fi
  fi
  echo "done $j" >> "$log"
done
rm -f /tmp/kerr.$$
)SH")
                    .arg(iterations)
                    .arg(targets, names, namespaces);
    QString res;
    for (const auto &t : m_targets)
        res += t.kubectlResource + " ";
    return s.arg(res).arg(kContestEvery).arg(qs(mirrorName("cr-role"))).arg(kSlots);
}

void tst_Conflicts::concurrentWritersLoseNothing()
{
    const int iterations = qEnvironmentVariableIsSet("TENANTRY_CONFLICT_ITERATIONS")
                               ? qEnvironmentVariableIntValue("TENANTRY_CONFLICT_ITERATIONS")
                               : 300;
    QElapsedTimer clock;
    clock.start();

    // Watches first: every version from now on is recorded.
    auto cancel = std::make_shared<CancelToken>();
    std::map<std::string, History> histories;
    std::vector<std::thread> watchers;
    // On any early return (a failed check) the watches are stopped and joined first.
    struct Stop {
        CancelTokenPtr cancel;
        std::vector<std::thread> &threads;
        ~Stop()
        {
            cancel->cancel();
            for (auto &t : threads)
                if (t.joinable())
                    t.join();
        }
    } stop{cancel, watchers};
    for (const auto &t : m_targets) {
        auto now = m_admin->get(t.gvr, t.ns, t.name);
        REQUIRE_OK(now);
        histories[t.key].add(*now);
        const long rv = rvOf(*now);
        History &h = histories[t.key];
        watchers.emplace_back([this, t, rv, &h, cancel] { watchTarget(t, rv, h, cancel); });
    }

    // kubectl's loop, in its own process.
    const QString script = m_tmp.filePath("kubectl-loop.sh");
    const QString log = m_tmp.filePath("kubectl.log");
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kubectlScript(iterations).toUtf8());
    }
    QProcess kubectl;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("KUBECONFIG", qs(clusterenv::kubeconfigPath("admin")));
    kubectl.setProcessEnvironment(env);
    kubectl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    kubectl.start("bash", {script, log, m_tmp.filePath("kcache")});
    QVERIFY(kubectl.waitForStarted());
    auto kubectlDone = [&] {
        QFile f(log);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count("done "));
    };

    // Tenantry's side: edits through the planner (roles: base + resourceVersion, as the role
    // editor does) or a plan of one apply (the binding), run by PlanExecutor, paced to stay
    // alongside kubectl. Writes i%3 pick role (its mirror follows), wsrole, binding.
    std::vector<Ack> acks;
    int writes = 0, rvConflicts = 0, ssaConflicts = 0, retries = 0, forcedByDecision = 0, otherFailures = 0;
    int forceSentWithoutDecision = 0;
    std::set<std::string> conflictManagers, conflictFields;
    std::string firstFailure;
    Planner planner(*m_admin, *m_tenancy, "devcluster-admin");
    const Target *role = &m_targets[0], *wsrole = &m_targets[2], *binding = &m_targets[3];
    for (int i = 0; i < iterations; ++i) {
        while (kubectl.state() == QProcess::Running && kubectlDone() < i)
            kubectl.waitForFinished(20);
        const Target &t = i % 3 == 0 ? *role : i % 3 == 1 ? *wsrole : *binding;
        const bool contest = i % kContestEvery == kContestEvery - 1;
        const std::string slot = "tenantry.test/" + t.key + "-slot-" + std::to_string((i / 3) % kSlots);
        const std::string tag = "t-" + std::to_string(i);
        bool force = false;  // set only by the explicit decision below
        for (int attempt = 0;; ++attempt) {
            auto live = m_admin->get(t.gvr, t.ns, t.name);
            REQUIRE_OK(live);
            // A user's think time between the read that fills the form and Apply (shorter when
            // retrying): the window in which kubectl's writes make Tenantry's resourceVersion stale.
            std::this_thread::sleep_for(std::chrono::milliseconds(QRandomGenerator::global()->bounded(attempt ? 50 : 300)));
            json base = *live;
            base["metadata"]["annotations"][slot] = std::to_string(i);
            Result<Plan> plan = Error::make(ErrorKind::Invalid, "no plan");
            if (&t == binding) {
                Plan p;
                PlannedWrite w;
                w.gvr = t.gvr;
                w.ns = t.ns;
                w.name = t.name;
                w.object = copyableFields(base);
                w.object["apiVersion"] = "rbac.authorization.k8s.io/v1";
                w.object["kind"] = "RoleBinding";
                w.object["metadata"]["resourceVersion"] = ObjectMeta(*live).resourceVersion();
                if (contest)
                    w.object["subjects"] = json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", tag}}});
                p.title = "edit binding";
                p.writes = {w};
                plan = p;
            } else {
                RoleSpec spec;
                spec.level = &t == role ? RoleSpec::Level::Project : RoleSpec::Level::Workspace;
                spec.scope = &t == role ? m_ns : m_ws;
                spec.name = t.name;
                spec.base = base;
                spec.resourceVersion = ObjectMeta(*live).resourceVersion();
                spec.rules = contest ? rulesWithTag(tag) : (*live)["rules"];
                plan = planner.saveRole(spec, false);
            }
            REQUIRE_OK(plan);
            for (const auto &w : plan->writes)
                forceSentWithoutDecision += w.force && !force ? 1 : 0;
            ExecuteOptions o;
            o.force = force;
            const PlanReport report = PlanExecutor(*m_admin).run(*plan, o);
            ++writes;
            // Every write the report says landed is acknowledged, also when a later write of the
            // same plan conflicted (the role landed, its mirror did not): the server holds it.
            for (const auto &r : report.results) {
                if (r.outcome != WriteOutcome::Applied && r.outcome != WriteOutcome::Patched)
                    continue;
                const PlannedWrite &w = plan->writes[r.index];
                const Target *written = nullptr;
                for (const auto &candidate : m_targets)
                    if (candidate.gvr == w.gvr && candidate.ns == w.ns && candidate.name == w.name)
                        written = &candidate;
                if (!written)
                    continue;  // the workspace role's RBAC projection: not watched
                const long rv = rvOf(r.serverObject);
                if (written == &t)
                    acks.push_back({"tenantry", t.key, slot, std::to_string(i), rv});
                // The mirror follows the role: what it holds now is Tenantry's acknowledged value.
                acks.push_back({"tenantry", written->key, "tag", tagOf(r.serverObject), rv});
            }
            if (report.complete())
                break;
            const auto err = report.firstError();
            if (!err || !err->isApi(StatusReason::Conflict)) {
                ++otherFailures;
                if (firstFailure.empty())
                    firstFailure = report.failureMessage();
                break;
            }
            // A 409, reported to the caller, who decides (this test, explicitly):
            bool fieldConflict = false;
            for (const auto &c : err->status->causes)
                if (c.type == "FieldManagerConflict") {
                    fieldConflict = true;
                    conflictFields.insert(c.field);
                    const auto q = c.message.find('"');
                    if (q != std::string::npos)
                        conflictManagers.insert(c.message.substr(q + 1, c.message.find('"', q + 1) - q - 1));
                }
            if (fieldConflict) {
                // Shown with the fields and the other manager; decision: take our fields over.
                ++ssaConflicts;
                QVERIFY2(err->describe().find("kubectl") != std::string::npos, err->describe().c_str());
                force = true;
                ++forcedByDecision;
            } else {
                // The object changed since it was read (resourceVersion): decision: re-read, retry.
                ++rvConflicts;
            }
            ++retries;
            QVERIFY2(attempt < 50, "50 conflicts in a row");
        }
    }
    const int tenantryMs = int(clock.elapsed());
    QVERIFY2(kubectl.waitForFinished(30 * 60 * 1000), "kubectl's loop did not finish");
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the watches catch up
    cancel->cancel();
    for (auto &w : watchers)
        w.join();
    watchers.clear();

    // kubectl's acknowledged writes, conflicts and decisions.
    int kWrites = 0, kConflicts = 0, kForced = 0, kFailures = 0;
    QString kFirstFailure;
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &raw : f.readAll().split('\n')) {
            const QList<QByteArray> p = raw.split(' ');
            if (p.value(0) == "ack" && p.size() >= 5) {
                ++kWrites;
                acks.push_back({"kubectl", p[1].toStdString(), p[2].toStdString(), p[3].toStdString(), p[4].toLong()});
            } else if (p.value(0) == "conflict") {
                ++kConflicts;
            } else if (p.value(0) == "forced") {
                ++kForced;
            } else if (p.value(0) == "fail") {
                ++kFailures;
                if (kFirstFailure.isEmpty())
                    kFirstFailure = QString::fromUtf8(raw);
            }
        }
    }

    // Lost updates, from the recorded histories.
    int lost = 0;
    QStringList lostWhat;
    auto lose = [&](const QString &what) {
        ++lost;
        if (lostWhat.size() < 10)
            lostWhat << what;
    };
    bool complete = true;
    std::map<std::string, std::map<long, Version>> byRv;
    for (auto &[key, h] : histories) {
        complete = complete && !h.broken;
        const auto versions = h.versions();
        std::map<std::string, long> seen;
        for (const auto &v : versions) {
            byRv[key][v.rv] = v;
            for (const auto &[slotKey, value] : seen) {
                auto it = v.values.find(slotKey);
                if (it == v.values.end())
                    lose(qs(key + " " + slotKey + " vanished at rv " + std::to_string(v.rv)));
                else if (it->second < value)
                    lose(qs(key + " " + slotKey + " went back from " + std::to_string(value) + " to "
                            + std::to_string(it->second) + " at rv " + std::to_string(v.rv)));
            }
            for (const auto &[slotKey, value] : v.values)
                seen[slotKey] = std::max(seen[slotKey], value);
        }
    }
    // Every change of a contested value is some writer's acknowledged write at that version (a
    // stale value written back by nobody's decision would be a change nobody acknowledged).
    std::map<std::pair<std::string, long>, std::set<std::string>> tagAcks;
    for (const auto &a : acks)
        if (a.what == "tag")
            tagAcks[{a.target, a.rv}].insert(a.value);
    for (auto &[key, h] : histories) {
        std::string tag;
        bool first = true;
        for (const auto &v : h.versions()) {
            if (!first && v.tag != tag && !tagAcks[{key, v.rv}].count(v.tag))
                lose(qs(key + " contested value changed to " + v.tag + " at rv " + std::to_string(v.rv)
                        + " by no acknowledged write"));
            first = false;
            tag = v.tag;
        }
    }
    std::map<std::pair<std::string, std::string>, long> lastAck;  // (target, slot) -> value
    int checkedAcks = 0;
    for (const auto &a : acks) {
        auto &versions = byRv[a.target];
        auto it = versions.find(a.rv);
        if (it == versions.end()) {
            if (complete)
                lose(qs(a.writer + " write of " + a.target + " " + a.what + "=" + a.value + " at rv " + std::to_string(a.rv)
                        + " is in no recorded version"));
            continue;
        }
        ++checkedAcks;
        if (a.what == "tag") {
            if (it->second.tag != a.value)
                lose(qs(a.writer + " " + a.target + " contested value " + a.value + " not in the version it made"));
        } else {
            if (it->second.values[a.what] != std::atol(a.value.c_str()))
                lose(qs(a.writer + " " + a.target + " " + a.what + "=" + a.value + " not in the version it made"));
            long &l = lastAck[{a.target, a.what}];
            l = std::max(l, std::atol(a.value.c_str()));
        }
    }
    // The end state holds every slot's last acknowledged value.
    for (const auto &t : m_targets) {
        auto now = m_admin->get(t.gvr, t.ns, t.name);
        REQUIRE_OK(now);
        const auto annotations = ObjectMeta(*now).annotations();
        for (const auto &[k, value] : lastAck) {
            if (k.first != t.key)
                continue;
            auto it = annotations.find(k.second);
            if (it == annotations.end() || std::atol(it->second.c_str()) != value)
                lose(qs(t.key + " " + k.second + " ends as " + (it == annotations.end() ? "absent" : it->second)
                        + ", last acknowledged " + std::to_string(value)));
        }
    }
    size_t versions = 0;
    for (auto &[key, h] : histories)
        versions += h.versions().size();

    const QString summary =
        QStringLiteral("iterations %1 per side; Tenantry: %2 writes sent, %3 conflicts (%4 resourceVersion, %5 field "
                       "manager: fields %6, managers %7), %8 retries, %9 taken over by decision, %10 other failures; "
                       "kubectl: %11 acknowledged writes, %12 conflicts, %13 taken over by decision, %14 failures; "
                       "%15 versions watched (complete: %16), %17 acknowledged writes checked; lost updates: %18; "
                       "force without a decision: %19; %20 s")
            .arg(iterations)
            .arg(writes)
            .arg(rvConflicts + ssaConflicts)
            .arg(rvConflicts)
            .arg(ssaConflicts)
            .arg(qs([&] {
                std::string s;
                for (const auto &f : conflictFields)
                    s += (s.empty() ? "" : ",") + f;
                return s;
            }()))
            .arg(qs([&] {
                std::string s;
                for (const auto &m : conflictManagers)
                    s += (s.empty() ? "" : ",") + m;
                return s;
            }()))
            .arg(retries)
            .arg(forcedByDecision)
            .arg(otherFailures)
            .arg(kWrites)
            .arg(kConflicts)
            .arg(kForced)
            .arg(kFailures)
            .arg(versions)
            .arg(complete ? "yes" : "no")
            .arg(checkedAcks)
            .arg(lost)
            .arg(forceSentWithoutDecision)
            .arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    qInfo("%s", qPrintable(summary));
    qInfo("Tenantry's loop took %.1f s", tenantryMs / 1000.0);
    if (!lostWhat.isEmpty())
        qWarning("lost: %s", qPrintable(lostWhat.join("; ")));
    if (!kFirstFailure.isEmpty())
        qWarning("kubectl's first failure: %s", qPrintable(kFirstFailure));
    QVERIFY2(otherFailures == 0, firstFailure.c_str());
    QCOMPARE(kFailures, 0);
    QCOMPARE(forceSentWithoutDecision, 0);
    QVERIFY(complete);
    QCOMPARE(lost, 0);
    // Conflicts really happened, and kubectl was the other manager named. (A stale edit mostly
    // comes back as a field-manager conflict: the server checks fields before the resourceVersion;
    // takingOverAStaleEditIsRefused pins the resourceVersion guard.)
    QVERIFY(ssaConflicts > 0);
    QVERIFY(conflictManagers.count("kubectl-rules"));
}

void tst_Conflicts::ssaConflictWithKubectlIsShownNotForced()
{
    // Given kubectl owns the binding's subjects (server-side apply, its own field manager)
    const Target &binding = m_targets[3];
    const QString body = QStringLiteral(
        R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"%1","namespace":"%2"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"%3"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"kubectl-owner"}]})")
                             .arg(qs(binding.name), qs(binding.ns), qs(mirrorName("cr-role")));
    auto r = clusterenv::run("kubectl", {"apply", "--server-side", "--force-conflicts", "--field-manager=kubectl-owner", "-f", "-"},
                             clusterenv::kubeconfigPath("admin"), body.toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When Tenantry applies other subjects without force
    Plan plan;
    PlannedWrite w;
    w.gvr = binding.gvr;
    w.ns = binding.ns;
    w.name = binding.name;
    w.object = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                {"kind", "RoleBinding"},
                {"metadata", {{"name", binding.name}, {"namespace", binding.ns}}},
                {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", mirrorName("cr-role")}}},
                {"subjects", json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", "tenantry-user"}}})}};
    plan.writes = {w};
    const PlanReport report = PlanExecutor(*m_admin).run(plan);
    // Then it is a conflict naming the field and kubectl's manager; nothing changed
    QVERIFY(!report.complete());
    const auto err = report.firstError();
    QVERIFY(err && err->isApi(StatusReason::Conflict));
    bool named = false;
    for (const auto &c : err->status->causes)
        named = named || (c.field == ".subjects" && c.message.find("kubectl-owner") != std::string::npos);
    QVERIFY2(named, err->describe().c_str());
    QVERIFY2(report.failureMessage().find("kubectl-owner") != std::string::npos, report.failureMessage().c_str());
    auto now = m_admin->get(binding.gvr, binding.ns, binding.name);
    REQUIRE_OK(now);
    QCOMPARE(qs(tagOf(*now)), QStringLiteral("kubectl-owner"));
}

void tst_Conflicts::takingOverAStaleEditIsRefused()
{
    // Given the role editor's plan made from a read, and kubectl changing one of the role's
    // annotations after that read
    const Target &role = m_targets[0];
    const std::string slot = "kubectl.test/role-slot-0";
    auto annotate = [&](const std::string &value) {
        return clusterenv::run("kubectl", {"annotate", "--overwrite", "-n", qs(m_ns), role.kubectlResource, qs(role.name),
                                           qs(slot + "=" + value)},
                               clusterenv::kubeconfigPath("admin"));
    };
    Planner planner(*m_admin, *m_tenancy, "devcluster-admin");
    auto edit = [&](const json &live) {
        RoleSpec spec;
        spec.level = RoleSpec::Level::Project;
        spec.scope = m_ns;
        spec.name = role.name;
        spec.base = live;
        spec.resourceVersion = ObjectMeta(live).resourceVersion();
        spec.rules = live["rules"];
        return spec;
    };
    // (an edit from a fresh read makes Tenantry a co-owner of kubectl's annotation, as the editor does)
    auto r = annotate("1");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto fresh = m_admin->get(role.gvr, role.ns, role.name);
    REQUIRE_OK(fresh);
    auto coOwn = planner.saveRole(edit(*fresh), false);
    REQUIRE_OK(coOwn);
    QVERIFY(PlanExecutor(*m_admin).run(*coOwn).complete());
    auto live = m_admin->get(role.gvr, role.ns, role.name);
    REQUIRE_OK(live);
    RoleSpec spec = edit(*live);
    spec.base["metadata"]["annotations"]["tenantry.test/stale"] = "edit";
    auto plan = planner.saveRole(spec, false);
    REQUIRE_OK(plan);
    r = annotate("999999");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When Tenantry applies it: a field-manager conflict naming kubectl's annotation
    const PlanReport first = PlanExecutor(*m_admin).run(*plan);
    QVERIFY(!first.complete());
    QVERIFY2(first.failureMessage().find("kubectl-annotate") != std::string::npos, first.failureMessage().c_str());
    // And when the user takes the fields over (the GUI's button runs the same plan with force),
    // the resourceVersion the plan was read at makes the server refuse: the stale value of
    // kubectl's annotation is not written back
    ExecuteOptions force;
    force.force = true;
    const PlanReport forced = PlanExecutor(*m_admin).run(*plan, force);
    QVERIFY(!forced.complete());
    const auto err = forced.firstError();
    QVERIFY(err && err->isApi(StatusReason::Conflict));
    QVERIFY2(err->describe().find("modified") != std::string::npos, err->describe().c_str());
    auto now = m_admin->get(role.gvr, role.ns, role.name);
    REQUIRE_OK(now);
    QCOMPARE(qs(ObjectMeta(*now).annotations()[slot]), QStringLiteral("999999"));
    QVERIFY(!ObjectMeta(*now).annotations().count("tenantry.test/stale"));
}

// The 1000-write run takes longer than Qt Test's 5-minute watchdog per test function; CTest's
// own timeout (900 s) still bounds it.
int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "890000");
    QCoreApplication app(argc, argv);
    tst_Conflicts test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
// The workspace and namespace go, so later tests of the same cluster (the hand-over lists every
// workspace's projections) see only their own.
void tst_Conflicts::cleanupTestCase()
{
    if (!m_admin || !m_tenancy)
        return;
    Planner planner(*m_admin, *m_tenancy, "devcluster-admin");
    if (auto plan = planner.deleteWorkspace(m_ws, "Background"))
        PlanExecutor(*m_admin).run(*plan);
    (void)m_admin->remove(kNamespaces, "", m_ns);
}

#include "tst_conflicts.moc"
