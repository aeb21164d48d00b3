// Delete a workspace: asks what becomes of its projects (they stay, leaving the workspace, or
// are deleted with it), then plans, dry-runs and applies like every tenancy write.
#pragma once

#include "views/plandialog.h"

class QComboBox;

class DeleteWorkspaceDialog final : public PlanDialog
{
    Q_OBJECT
public:
    DeleteWorkspaceDialog(PlanRunner *runner, const QString &workspace, QWidget *parent = nullptr);

    QComboBox *propagationBox() const { return m_propagation; }
    // "" (projects stay), Foreground or Background.
    QString propagation() const;

private:
    QString m_workspace;
    QComboBox *m_propagation;
};
