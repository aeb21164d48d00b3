// Create a project (a namespace labelled with its workspace, plus the project roles and the
// creator binding in standalone mode), planned through the tenancy engine.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <optional>

class QComboBox;
class QLineEdit;

class ProjectDialog final : public PlanDialog
{
    Q_OBJECT
public:
    ProjectDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &workspace = {},
                  QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *workspaceBox() const { return m_workspace; }

    // The form as the engine's spec; nullopt with *problem set when a field is invalid.
    std::optional<kube::tenancy::ProjectSpec> spec(QString *problem) const;

private:

    QLineEdit *m_name;
    QComboBox *m_workspace;
    QLineEdit *m_alias;
    QLineEdit *m_description;
};
