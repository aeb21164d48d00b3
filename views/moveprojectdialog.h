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
    // The workspace chosen; "" until one is.
    QString targetWorkspace() const;

private:
    void updateEffect();

    QString m_project;
    QString m_from;
    int m_projectMembers = 0;
    int m_fromMembers = 0;
    kube::tenancy::GraphSnapshot m_snapshot;
    QComboBox *m_target;
    QLabel *m_effect;
};
