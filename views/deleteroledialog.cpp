// DeleteRoleDialog: nothing to type, so the plan is the form.
#include "views/deleteroledialog.h"

#include "models/tenancyoperations.h"

using namespace kube::tenancy;

DeleteRoleDialog::DeleteRoleDialog(PlanRunner *runner, RoleSpec::Level level, const QString &scope, const QString &name,
                                   QWidget *parent)
    : PlanDialog(runner, tr("Delete %1 role %2").arg(QString::fromUtf8(toString(level)), name), parent)
{
    setObjectName(QStringLiteral("deleteRoleDialog"));
    RoleSpec spec;
    spec.level = level;
    spec.scope = scope.toStdString();
    spec.name = name.toStdString();
    setDescription(scope.isEmpty() ? tr("Deletes the %1 role %2.").arg(QString::fromUtf8(toString(level)), name)
                                   : tr("Deletes the %1 role %2 of %3.").arg(QString::fromUtf8(toString(level)), name, scope));
    setOperationFactory([spec](QString *) { return TenancyOperations::deleteRole(spec); });
    setPreviewOnOpen(true);
    resize(720, 420);
}
