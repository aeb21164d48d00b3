// Create or edit a workspace: name, alias, description, manager, placement, deletion
// propagation and network isolation, planned through the tenancy engine.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

class WorkspaceDialog final : public PlanDialog
{
    Q_OBJECT
public:
    // edit: the name of the workspace to edit (its fields are filled in), else create.
    WorkspaceDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &edit = {},
                    QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *aliasEdit() const { return m_alias; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QComboBox *managerBox() const { return m_manager; }

private:
    PlanRunner::Operation operation(QString *problem) const;

    bool m_editing;
    QLineEdit *m_name;
    QLineEdit *m_alias;
    QLineEdit *m_description;
    QComboBox *m_manager;
    QLineEdit *m_clusters;
    QComboBox *m_propagation;
    QCheckBox *m_isolation;
};
