// Plans of the project family: create (a namespace, plus the namespace controller's roles,
// creator binding and workspace grants in standalone mode), delete, move to a workspace, and
// edit its alias and description.
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
    // Alias and description of an existing project; nothing else of the namespace is touched.
    Result<Plan> edit(const ProjectSpec &spec) const;

private:
    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
