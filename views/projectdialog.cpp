// ProjectDialog: the workspace list is the graph's; "(none)" creates a plain namespace
// outside any workspace, as the console's "create project" without a workspace would.
#include "views/projectdialog.h"

#include "models/tenancyoperations.h"

#include "kubeclient/kubesphere/names.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace kube::tenancy;

ProjectDialog::ProjectDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &workspace, QWidget *parent)
    : PlanDialog(runner, workspace.isEmpty() ? tr("New project") : tr("New project in %1").arg(workspace), parent)
    , m_name(new QLineEdit)
    , m_workspace(new QComboBox)
    , m_alias(new QLineEdit)
    , m_description(new QLineEdit)
{
    setObjectName(QStringLiteral("projectDialog"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("lower-case letters, digits and '-', at most 63"));
    m_workspace->addItem(tr("(no workspace)"), QString());
    for (const auto &ws : snapshot.workspaces())
        m_workspace->addItem(QString::fromStdString(ws.name), QString::fromStdString(ws.name));
    m_workspace->setCurrentIndex(std::max(0, m_workspace->findData(workspace)));

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&Workspace:"), m_workspace);
    layout->addRow(tr("A&lias:"), m_alias);
    layout->addRow(tr("&Description:"), m_description);
    setForm(form);
    for (QLineEdit *e : {m_name, m_alias, m_description})
        connect(e, &QLineEdit::textChanged, this, &PlanDialog::formChanged);
    connect(m_workspace, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        return s ? TenancyOperations::createProject(std::move(*s)) : PlanRunner::Operation();
    });
}

std::optional<ProjectSpec> ProjectDialog::spec(QString *problem) const
{
    ProjectSpec spec;
    spec.name = m_name->text().trimmed().toStdString();
    if (auto ok = validateProjectName(spec.name); !ok) {
        *problem = QString::fromStdString(ok.error().message);
        return std::nullopt;
    }
    spec.workspace = m_workspace->currentData().toString().toStdString();
    spec.alias = m_alias->text().trimmed().toStdString();
    spec.description = m_description->text().trimmed().toStdString();
    return spec;
}
