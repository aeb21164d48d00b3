// DeleteWorkspaceDialog: the plan shows at once (the only choice has a safe default), and
// changing the choice re-plans, so the YAML on screen always matches what Apply writes.
#include "views/deleteworkspacedialog.h"

#include "models/tenancyoperations.h"

#include <QComboBox>
#include <QFormLayout>

DeleteWorkspaceDialog::DeleteWorkspaceDialog(PlanRunner *runner, const QString &workspace, QWidget *parent)
    : PlanDialog(runner, tr("Delete workspace %1").arg(workspace), parent)
    , m_workspace(workspace)
    , m_propagation(new QComboBox)
{
    setObjectName(QStringLiteral("deleteWorkspaceDialog"));
    m_propagation->addItem(tr("Keep its projects (they leave the workspace)"), QString());
    m_propagation->addItem(tr("Delete its projects too (foreground)"), QStringLiteral("Foreground"));
    m_propagation->addItem(tr("Delete its projects too (background)"), QStringLiteral("Background"));
    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Projects:"), m_propagation);
    setForm(form);
    setDescription(tr("Deletes workspace <b>%1</b> with its roles and member bindings.").arg(workspace.toHtmlEscaped()));
    setOperationFactory([this](QString *) {
        return TenancyOperations::deleteWorkspace(m_workspace.toStdString(), propagation().toStdString());
    });
    connect(m_propagation, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    setPreviewOnOpen(true);
}

QString DeleteWorkspaceDialog::propagation() const
{
    return m_propagation->currentData().toString();
}
