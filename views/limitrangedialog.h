// The container-defaults editor: a project's LimitRange item of type Container (default limit,
// default request, min, max per resource) or Pod (min, max), as rows checked while typed with
// the server's rule min <= default request <= default <= max. Other items of the LimitRange
// (PersistentVolumeClaim, the other type) are kept as they are.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/quotaplans.h"

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class CheckedRowsEditor;
class LimitEditorModel;

class LimitRangeDialog final : public PlanDialog
{
    Q_OBJECT
public:
    LimitRangeDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &project,
                     QWidget *parent = nullptr);

    LimitEditorModel *model() const { return m_model; }
    QTableView *table() const;
    QComboBox *typeBox() const { return m_type; }
    QLabel *problemLabel() const;
    QPushButton *addButton() const;

    std::optional<kube::tenancy::LimitsSpec> spec(QString *problem) const;

private:
    void loadType();

    QString m_project;
    std::vector<nlohmann::json> m_limitRanges;  // the project's, to fill each type's rows
    LimitEditorModel *m_model;
    QComboBox *m_type;
    CheckedRowsEditor *m_editor;
};
