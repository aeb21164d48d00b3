// The quota editor: a workspace quota (quota.kubesphere.io, limiting the sum over its projects)
// or a project's ResourceQuota, as rows of resource and hard limit. Every row is checked as it
// is typed (the row and field named); the plan below carries the workspace budget check's
// warnings with their numbers. The rows are the whole hard map: a row removed is a key removed.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/quotaplans.h"

#include <optional>

class CheckedRowsEditor;
class QLabel;
class QPushButton;
class QTableView;
class QuotaEditorModel;

class QuotaDialog final : public PlanDialog
{
    Q_OBJECT
public:
    QuotaDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, kube::tenancy::QuotaLevel level,
                const QString &target, QWidget *parent = nullptr);

    QuotaEditorModel *model() const { return m_model; }
    QTableView *table() const;
    QLabel *problemLabel() const;
    QPushButton *addButton() const;
    QPushButton *removeButton() const;

    // The form as the engine's spec; nullopt with *problem set while a row is wrong.
    std::optional<kube::tenancy::QuotaSpec> spec(QString *problem) const;

private:
    kube::tenancy::QuotaLevel m_level;
    QString m_target;
    QuotaEditorModel *m_model;
    CheckedRowsEditor *m_editor = nullptr;
};
