// Move a project into another workspace: the plan relabels the namespace
// (kubesphere.io/workspace) and, in standalone mode, swaps the workspace grants inside it.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"

class QComboBox;
class QLabel;

class MoveProjectDialog final : public PlanDialog
{
    Q_OBJECT
public:
    MoveProjectDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &project,
                      QWidget *parent = nullptr);

    QString project() const { return m_project; }
    QComboBox *workspaceBox() const { return m_target; }
    QLabel *effectLabel() const { return m_effect; }
    // The workspace chosen; "" until one is (and when leaving the workspace).
    QString targetWorkspace() const;
    // The "No workspace" choice is selected: the project leaves its workspace.
    bool leavesWorkspace() const;
    int leaveIndex() const { return m_leaveIndex; }

private:
    void updateEffect();

    QString m_project;
    QString m_from;
    int m_projectMembers = 0;
    int m_fromMembers = 0;
    kube::tenancy::GraphSnapshot m_snapshot;
    QComboBox *m_target;
    QLabel *m_effect;
    int m_leaveIndex = -1;  // the "No workspace" item (only for a project in a workspace)
};
