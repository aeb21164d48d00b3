// LimitRangeDialog: switching the type shows that item's figures from the LimitRange the plan
// would write (the engine picks it), so what is shown is what gets replaced.
#include "views/limitrangedialog.h"

#include "views/checkedrowseditor.h"

#include "models/limiteditormodel.h"
#include "models/tenancyoperations.h"

#include "kubeclient/tenancy/graph/graphkind.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace kube::tenancy;

LimitRangeDialog::LimitRangeDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &project, QWidget *parent)
    : PlanDialog(runner, tr("Container defaults of project %1").arg(project), parent)
    , m_project(project)
    , m_model(new LimitEditorModel(this))
    , m_type(new QComboBox)
    , m_editor(new CheckedRowsEditor(m_model, LimitEditorModel::ResourceColumn, LimitEditorModel::commonResources(),
                                     [this] { return m_model->addRow(); }))
{
    setObjectName(QStringLiteral("limitRangeDialog"));
    for (const auto &o : snapshot.projectQuota(project.toStdString()).limitRanges)
        if (o)
            m_limitRanges.push_back(o->toJson());
    m_type->setObjectName(QStringLiteral("limitType"));
    m_type->addItem(tr("Container (defaults and bounds of each container)"), QStringLiteral("Container"));
    m_type->addItem(tr("Pod (bounds of a whole pod)"), QStringLiteral("Pod"));
    m_editor->table()->setObjectName(QStringLiteral("limitRows"));
    m_editor->table()->setAccessibleName(tr("Container defaults and bounds"));
    m_editor->problemLabel()->setObjectName(QStringLiteral("limitProblem"));

    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *typeRow = new QFormLayout;
    typeRow->addRow(tr("&Type:"), m_type);
    layout->addLayout(typeRow);
    layout->addWidget(m_editor, 1);
    setForm(form);
    setDescription(tr("A container created in <b>%1</b> without limits or requests gets the default limit and default "
                      "request (kube-apiserver's LimitRanger admission fills them in); min and max bound what it may ask. "
                      "KubeSphere's console suggests 500m / 500Mi limits and 10m / 10Mi requests.")
                       .arg(project.toHtmlEscaped()));
    loadType();

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { loadType(); });
    connect(m_editor, &CheckedRowsEditor::checked, this, &LimitRangeDialog::formChanged);
    resize(820, 600);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        return s ? TenancyOperations::setLimits(std::move(*s)) : PlanRunner::Operation();
    });
}

QTableView *LimitRangeDialog::table() const { return m_editor->table(); }
QLabel *LimitRangeDialog::problemLabel() const { return m_editor->problemLabel(); }
QPushButton *LimitRangeDialog::addButton() const { return m_editor->addButton(); }

void LimitRangeDialog::loadType()
{
    const std::string type = m_type->currentData().toString().toStdString();
    m_model->setType(QString::fromStdString(type));
    std::vector<LimitEntry> entries;
    if (auto target = QuotaPlans::limitRangeFor(m_limitRanges, m_project.toStdString(), type))
        entries = QuotaPlans::limitEntries(*target, type);
    m_model->setEntries(entries);
    if (m_model->rowCount() == 0) {
        // What the console pre-fills for a new Container item; nothing for Pod bounds.
        if (type == "Container") {
            m_model->setEntries({{"cpu", "500m", "10m", "", ""}, {"memory", "500Mi", "10Mi", "", ""}});
        } else {
            m_model->addRow();
        }
    }
    formChanged();
}

std::optional<LimitsSpec> LimitRangeDialog::spec(QString *problem) const
{
    if (const QString p = m_model->firstProblem(); !p.isEmpty()) {
        if (problem)
            *problem = p;
        return std::nullopt;
    }
    LimitsSpec s;
    s.project = m_project.toStdString();
    s.type = m_model->type().toStdString();
    s.entries = m_model->entries();
    s.replace = true;
    return s;
}
