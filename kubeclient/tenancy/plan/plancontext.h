// What every family of operations shares: the reader, the cluster's tenancy, the object
// factory, the preamble every operation runs (validate names → check what exists → compose),
// and the small helpers that append writes to a plan.
#pragma once

#include "kubeclient/api/writeplan.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/planreader.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kube::tenancy {

// Objects an operation names by the user's words, with their validation and existence rules.
enum class PlanTarget { Workspace, Project, User };

class PlanContext
{
public:
    using Check = std::function<Result<void>()>;
    using Body = std::function<Result<void>(Plan &)>;

    PlanContext(PlanReader &reader, ClusterTenancy tenancy, std::string actor);

    PlanReader &reader() const { return m_reader; }
    const ClusterTenancy &tenancy() const { return m_tenancy; }
    const TenancyApi &api() const { return m_tenancy.api; }
    const ObjectFactory &factory() const { return m_factory; }
    bool standalone() const { return m_tenancy.mode == Mode::Standalone; }

    // The preamble once: run the checks in order (the first failure is the answer), then the
    // body composes the writes into a plan titled `title`.
    static Result<Plan> compose(std::string title, const std::vector<Check> &checks, const Body &body);
    // The name is well formed for its target.
    static Check valid(PlanTarget target, std::string name);
    // Valid and present: "workspace "x" does not exist". A user that cannot be read (a workspace
    // admin may not read cluster-scoped users) passes: the server decides on the write itself.
    Check exists(PlanTarget target, std::string name) const;
    // Valid and absent: "project (namespace) "x" already exists".
    Check absent(PlanTarget target, std::string name) const;

    static Error invalid(const std::string &message, const std::string &where);

    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name) const;
    Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                             const std::string &selector) const;
    // The object, or an Invalid error "<what> does not exist" naming `field`.
    Result<nlohmann::json> require(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                                   const std::string &what, const std::string &field) const;
    // Names of the workspace's projects that are not being deleted.
    Result<std::vector<std::string>> projectsOf(const std::string &workspace) const;
    // The resource of each target's object.
    GroupVersionResource resourceOf(PlanTarget target) const;

    static void addApply(Plan &plan, const GroupVersionResource &gvr, nlohmann::json object, std::string reason,
                         bool sideEffect = false);
    // Deleting the same object twice in one plan is listed once.
    static void addDelete(Plan &plan, const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                          std::string reason, bool sideEffect = false);
    static void addMergePatch(Plan &plan, const GroupVersionResource &gvr, const std::string &name,
                              nlohmann::json patch, std::string reason, bool sideEffect = false,
                              std::string subresource = {});

    // The time a plan stamps into what it writes (a User's status.lastTransitionTime, the
    // password-change annotation), RFC 3339 in UTC to the second. Tests set a fixed clock.
    using Clock = std::function<std::chrono::system_clock::time_point()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    std::string now() const;

private:
    PlanReader &m_reader;
    ClusterTenancy m_tenancy;
    ObjectFactory m_factory;
    Clock m_clock;
};

// Why a write is in the plan when it stands in for KubeSphere's controllers.
inline constexpr const char *kControllerReason = "in place of KubeSphere's controller (standalone mode)";

} // namespace kube::tenancy
