// Delete a role of any level: plans at once, so the planner's refusal (the role is still bound,
// and to whom) or the objects it deletes (with standalone mode's RBAC copy) show on opening.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/plan/objectfactory.h"

class DeleteRoleDialog final : public PlanDialog
{
    Q_OBJECT
public:
    DeleteRoleDialog(PlanRunner *runner, kube::tenancy::RoleSpec::Level level, const QString &scope, const QString &name,
                     QWidget *parent = nullptr);
};
