// Create or edit a workspace: name, alias, description, manager, placement, deletion
// propagation and network isolation, planned through the tenancy engine.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <optional>

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

    // The form as the engine's spec; nullopt with *problem set when a field is invalid.
    std::optional<kube::tenancy::WorkspaceSpec> spec(QString *problem) const;
    bool editing() const { return m_editing; }

private:

    bool m_editing;
    QLineEdit *m_name;
    QLineEdit *m_alias;
    QLineEdit *m_description;
    QComboBox *m_manager;
    QLineEdit *m_clusters;
    QComboBox *m_propagation;
    QCheckBox *m_isolation;
};
