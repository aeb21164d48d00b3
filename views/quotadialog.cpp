// QuotaDialog: starts from the quota the snapshot holds (the one named after the target, else
// the first), so editing shows what is there; the budget figures of the workspace sit above the
// table so the user sees the room left before planning.
#include "views/quotadialog.h"

#include "views/checkedrowseditor.h"

#include "models/quotaeditormodel.h"
#include "models/tenancyoperations.h"

#include "kubeclient/tenancy/graph/quotabudget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

std::vector<QuotaEntry> entriesOf(const StringMap &hard)
{
    std::vector<QuotaEntry> out;
    for (const auto &[k, v] : hard)
        out.push_back({k, v});
    return out;
}
} // namespace

QuotaDialog::QuotaDialog(PlanRunner *runner, const GraphSnapshot &snapshot, QuotaLevel level, const QString &target,
                         QWidget *parent)
    : PlanDialog(runner,
                 level == QuotaLevel::Workspace ? tr("Quota of workspace %1").arg(target) : tr("Quota of project %1").arg(target),
                 parent)
    , m_level(level)
    , m_target(target)
    , m_model(new QuotaEditorModel(this))
{
    setObjectName(QStringLiteral("quotaDialog"));
    const std::string name = target.toStdString();
    std::string workspace;
    QString existing;
    if (level == QuotaLevel::Workspace) {
        workspace = name;
        const auto quotas = snapshot.workspaceQuotas(name);
        auto it = std::find_if(quotas.begin(), quotas.end(), [&](const WorkspaceQuotaInfo &q) { return q.name == name; });
        if (!quotas.empty()) {
            const auto &q = it == quotas.end() ? quotas.front() : *it;
            m_model->setEntries(entriesOf(q.hard));
            existing = qs(q.name);
        }
    } else {
        if (const auto p = snapshot.project(name))
            workspace = p->workspace;
        const auto quotas = snapshot.projectQuota(name).quotas;
        auto it = std::find_if(quotas.begin(), quotas.end(), [&](const QuotaInfo &q) { return q.name == name; });
        if (!quotas.empty()) {
            const auto &q = it == quotas.end() ? quotas.front() : *it;
            m_model->setEntries(entriesOf(q.hard));
            existing = qs(q.name);
        }
    }
    if (m_model->rowCount() == 0)
        m_model->addRow();

    m_editor = new CheckedRowsEditor(m_model, QuotaEditorModel::KeyColumn, QuotaEditorModel::commonResources(),
                                     [this] { return m_model->addRow(); });
    m_editor->table()->setObjectName(QStringLiteral("quotaRows"));
    m_editor->table()->setAccessibleName(tr("Hard limits"));
    m_editor->problemLabel()->setObjectName(QStringLiteral("quotaProblem"));

    // The workspace's budget as it stands, for the reader planning a project's share.
    QString budgetText;
    if (!workspace.empty()) {
        const WorkspaceBudget b = checkBudget(budgetInput(snapshot, workspace, true));
        QStringList parts;
        for (const auto &l : b.lines)
            if (l.workspaceHard)
                parts << tr("%1: projects hold %2 of %3").arg(qs(l.resource), qs(l.projectsHard.toString()),
                                                             qs(l.workspaceHard->toString()));
        if (!parts.isEmpty())
            budgetText = tr("Workspace %1 quota — %2.").arg(qs(workspace), parts.join(QStringLiteral("; ")));
    }
    auto *budget = new QLabel(budgetText);
    budget->setObjectName(QStringLiteral("budgetLabel"));
    budget->setWordWrap(true);
    budget->setVisible(!budgetText.isEmpty());

    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(budget);
    layout->addWidget(m_editor, 1);
    setForm(form);
    if (level == QuotaLevel::Workspace)
        setDescription(tr("The workspace quota limits the sum over all projects of workspace <b>%1</b> "
                          "(quota.kubesphere.io ResourceQuota %2). Rows you remove are removed from the quota.")
                           .arg(target.toHtmlEscaped(), existing.isEmpty() ? target.toHtmlEscaped() : existing.toHtmlEscaped()));
    else
        setDescription(tr("The hard limits of project <b>%1</b> (ResourceQuota %2). Resources: requests/limits cpu and "
                          "memory, pods, services, persistentvolumeclaims, requests.storage, count/&lt;resource&gt;.&lt;group&gt;, "
                          "or any other quota resource name. Rows you remove are removed from the quota.")
                           .arg(target.toHtmlEscaped(), existing.isEmpty() ? target.toHtmlEscaped() : existing.toHtmlEscaped()));

    connect(m_editor, &CheckedRowsEditor::checked, this, &QuotaDialog::formChanged);
    resize(760, 600);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        return s ? TenancyOperations::setQuota(std::move(*s)) : PlanRunner::Operation();
    });
}

QTableView *QuotaDialog::table() const { return m_editor->table(); }
QLabel *QuotaDialog::problemLabel() const { return m_editor->problemLabel(); }
QPushButton *QuotaDialog::addButton() const { return m_editor->addButton(); }
QPushButton *QuotaDialog::removeButton() const { return m_editor->removeButton(); }

std::optional<QuotaSpec> QuotaDialog::spec(QString *problem) const
{
    if (const QString p = m_model->firstProblem(); !p.isEmpty()) {
        if (problem)
            *problem = p;
        return std::nullopt;
    }
    QuotaSpec s;
    s.level = m_level;
    s.target = m_target.toStdString();
    s.set = m_model->entries();
    s.replace = true;
    return s;
}
