// Edit a project's alias and description (kubesphere.io/alias-name, kubesphere.io/description);
// the plan patches those two annotations and nothing else of the namespace.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

class EditProjectDialog final : public PlanDialog
{
    Q_OBJECT
public:
    // The console's limits, counted in characters.
    static constexpr int kMaxAlias = 63;
    static constexpr int kMaxDescription = 256;

    EditProjectDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &project,
                      QWidget *parent = nullptr);

    QString project() const { return m_project; }
    QLineEdit *aliasEdit() const { return m_alias; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }

    // The form as the engine's spec; nullopt with *problem set when a field is invalid.
    std::optional<kube::tenancy::ProjectSpec> spec(QString *problem) const;

private:
    void updateCounter();

    QString m_project;
    QLineEdit *m_alias;
    QPlainTextEdit *m_description;
    QLabel *m_counter;
};
