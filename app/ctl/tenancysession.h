// One tenancy command's connection to a cluster: kubeconfig, detected (or forced) mode, the
// caller's identity, and the write flow every writing command shares (plan, dry run, confirm,
// apply, report, resume advice).
#pragma once

#include "globalflags.h"
#include "commandargs.h"

#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <string>

namespace ctl {

class TenancySession
{
public:
    explicit TenancySession(const CommandArgs &args);

    // Connects, detects the mode (honouring --mode) and, for writes, asks who we are and prints
    // the mode in force on stderr. Returns 0, or the exit code to end the command with.
    // `requireApi`: fail when the tenancy CRDs are not served.
    int open(bool writing, bool requireApi = true);

    kube::Client &client() { return *m_connection.client; }
    const kube::tenancy::ClusterTenancy &tenancy() const { return m_tenancy; }
    const kube::tenancy::TenancyApi &api() const { return m_tenancy.api; }
    bool standalone() const { return m_tenancy.mode == kube::tenancy::Mode::Standalone; }
    const std::string &user() const { return m_user; }
    const std::string &contextNamespace() const { return m_connection.ns; }
    // The shared connection: identity and the one reach rule the GUI uses too.
    const kube::session::ClusterConnection &cluster() const { return *m_connection.cluster; }

    // A planner acting as `actor` (recorded as kubesphere.io/creator); the caller by default.
    kube::tenancy::Planner planner(const std::string &actor = {});

    // The write flow. `creates`: the operation creates its main object, so a partial failure
    // cannot be finished by re-running the same command. Returns the exit code.
    int execute(const kube::Result<kube::tenancy::Plan> &plan, bool creates = false);

    // "Error from server (Forbidden): <server message>" for API errors, else "error: <what>".
    static void printError(const kube::Error &error);
    // A list of objects as kubectl prints them for -o json|yaml (apiVersion/kind restored).
    static void printList(const std::vector<nlohmann::json> &items, const std::string &output);

private:
    bool confirm(size_t writes);
    // Appends the run to Tenantry's journal (kube::journal::record); a failure is a warning.
    void journal(const kube::tenancy::Plan &plan, const kube::tenancy::PlanReport &report, bool dryRun);

    const CommandArgs &m_args;
    Connection m_connection;
    kube::tenancy::ClusterTenancy m_tenancy;
    std::string m_user;
};

// "workspacetemplate.tenant.kubesphere.io/ws1" (kubectl's kind.group/name).
std::string objectRef(const kube::tenancy::PlannedWrite &write);

} // namespace ctl
