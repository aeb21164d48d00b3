// MoveProjectDialog: says before anything is planned who gains and who loses access, from the
// member counts of both workspaces and of the project.
#include "views/moveprojectdialog.h"

#include "models/tenancyoperations.h"
#include "models/userpickermodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>

using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

MoveProjectDialog::MoveProjectDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &project,
                                     QWidget *parent)
    : PlanDialog(runner, tr("Move project %1").arg(project), parent)
    , m_project(project)
    , m_snapshot(snapshot)
    , m_target(new QComboBox)
    , m_effect(new QLabel)
{
    setObjectName(QStringLiteral("moveProjectDialog"));
    m_target->setObjectName(QStringLiteral("workspace"));
    m_from = qs(snapshot.workspaceOf(project.toStdString()));
    m_projectMembers = int(UserPickerModel::membersOf(snapshot, MemberScope::project(project.toStdString())).size());
    if (!m_from.isEmpty())
        m_fromMembers = int(UserPickerModel::membersOf(snapshot, MemberScope::workspace(m_from.toStdString())).size());
    for (const auto &ws : snapshot.workspaces()) {
        if (qs(ws.name) == m_from || ws.deleting)
            continue;
        const QString name = qs(ws.name);
        m_target->addItem(ws.alias.empty() ? name : tr("%1 (%2)").arg(name, qs(ws.alias)), name);
    }
    // Out of its workspace: the same loss of the label as when the workspace is deleted.
    if (!m_from.isEmpty()) {
        m_target->addItem(tr("No workspace (the project leaves %1)").arg(m_from), QString());
        m_leaveIndex = m_target->count() - 1;
    }
    m_target->setPlaceholderText(m_target->count() ? tr("Choose a workspace") : tr("(no other workspace)"));
    m_target->setCurrentIndex(-1);
    m_effect->setWordWrap(true);
    m_effect->setObjectName(QStringLiteral("effect"));
    QString alias;
    if (const auto p = snapshot.project(project.toStdString()); p && !p->alias.empty())
        alias = tr(" (%1)").arg(qs(p->alias));
    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Project:"), new QLabel(project + alias));
    layout->addRow(tr("Now in:"), new QLabel(m_from.isEmpty() ? tr("(no workspace)") : m_from));
    layout->addRow(tr("&Move to:"), m_target);
    layout->addRow(m_effect);
    setForm(form);
    setDescription(tr("A project belongs to the workspace its namespace is labelled with (kubesphere.io/workspace); "
                      "moving it changes that label."));
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        updateEffect();
        formChanged();
    });
    updateEffect();
    resize(720, 520);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        if (leavesWorkspace())
            return TenancyOperations::moveProject(m_project.toStdString(), std::string());
        const QString ws = targetWorkspace();
        if (ws.isEmpty()) {
            *problem = tr("Choose the workspace to move the project to.");
            return {};
        }
        return TenancyOperations::moveProject(m_project.toStdString(), ws.toStdString());
    });
}

QString MoveProjectDialog::targetWorkspace() const
{
    return m_target->currentIndex() < 0 || leavesWorkspace() ? QString() : m_target->currentData().toString();
}

bool MoveProjectDialog::leavesWorkspace() const
{
    return m_leaveIndex >= 0 && m_target->currentIndex() == m_leaveIndex;
}

void MoveProjectDialog::updateEffect()
{
    auto users = [](int n) { return tr("%Ln user(s)", nullptr, n); };
    const QString to = targetWorkspace();
    QStringList lines;
    if (!m_from.isEmpty() && m_fromMembers > 0)
        lines << tr("Members of %1 (%2) lose the access they had here through that workspace.").arg(m_from, users(m_fromMembers));
    if (!to.isEmpty()) {
        const int toMembers = int(UserPickerModel::membersOf(m_snapshot, MemberScope::workspace(to.toStdString())).size());
        if (toMembers > 0)
            lines << tr("Members of %1 (%2) gain the access their workspace role gives in its projects.").arg(to, users(toMembers));
    }
    if (leavesWorkspace()) {
        // What its own roles and members keep depends on the flavour: the plan's note says it.
        lines << tr("The project leaves its workspace; the plan below says what happens to its own roles and members.");
        m_effect->setText(lines.join(QLatin1Char('\n')));
        return;
    }
    lines << (m_projectMembers > 0
                  ? tr("The project's own members (%1), roles, quotas and workloads stay as they are.").arg(users(m_projectMembers))
                  : tr("The project's roles, quotas and workloads stay as they are."));
    m_effect->setText(lines.join(QLatin1Char('\n')));
}
