// Plans of the project family: create (a namespace, plus the namespace controller's roles,
// creator binding and workspace grants in standalone mode), delete, and move to a workspace.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class ProjectPlans
{
public:
    explicit ProjectPlans(const PlanContext &context);

    Result<Plan> create(const ProjectSpec &spec) const;
    Result<Plan> remove(const std::string &name) const;
    Result<Plan> move(const std::string &name, const std::string &workspace) const;

private:
    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
