// MemberDialog: the list is the snapshot's when the dialog opened; the plan is made against the
// cluster as it is at Preview/Apply, so a user deleted meanwhile fails the plan with their name
// and every tick stays. Apply first asks about a workspace left without an admin.
#include "views/memberdialog.h"
#include "views/tonestyle.h"

#include "models/tenancyoperations.h"
#include "models/userpickermodel.h"

#include "kubeclient/kubesphere/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

QString scopeText(const MemberScope &scope)
{
    switch (scope.level) {
    case RoleSpec::Level::Platform: return QObject::tr("the platform");
    case RoleSpec::Level::Cluster: return QObject::tr("the cluster");
    case RoleSpec::Level::Workspace: return QObject::tr("workspace %1").arg(qs(scope.name));
    case RoleSpec::Level::Project: return QObject::tr("project %1").arg(qs(scope.name));
    }
    return {};
}

QString titleFor(MemberDialog::Mode mode, const MemberScope &scope)
{
    const QString where = scopeText(scope);
    switch (mode) {
    case MemberDialog::Mode::Add: return QObject::tr("Add members to %1").arg(where);
    case MemberDialog::Mode::ChangeRole: return QObject::tr("Change members' role in %1").arg(where);
    case MemberDialog::Mode::Remove: return QObject::tr("Remove members from %1").arg(where);
    }
    return {};
}

// "alice", "alice and bob", "alice, bob, carol and 4 more".
QString nameList(const QStringList &names)
{
    constexpr int kShown = 3;
    if (names.size() == 1)
        return names.first();
    if (names.size() <= kShown + 1)
        return QObject::tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
    return QObject::tr("%1 and %n more", nullptr, int(names.size() - kShown)).arg(names.mid(0, kShown).join(QStringLiteral(", ")));
}

// Roles a member can be given: templates, group-bound specials and generated objects are not.
bool offered(const RoleInfo &role, RoleSpec::Level level)
{
    if (role.isTemplate)
        return false;
    const std::string &n = role.name;
    for (const char *prefix : {"system:", "kubesphere:iam:", "tenantry:", "role-template-"})
        if (n.rfind(prefix, 0) == 0)
            return false;
    if (level == RoleSpec::Level::Platform)
        return n != "authenticated" && n != "anonymous" && n != "pre-registration";
    return true;
}

// The least privilege that still lists the scope: KubeSphere's "regular" workspace role reads
// the workspace and its members only (viewer would read every project in it).
QString defaultRole(const MemberScope &scope)
{
    switch (scope.level) {
    case RoleSpec::Level::Platform: return QStringLiteral("platform-regular");
    case RoleSpec::Level::Cluster: return QStringLiteral("cluster-viewer");
    case RoleSpec::Level::Workspace: return qs(workspaceRoleName(scope.name, "regular"));
    case RoleSpec::Level::Project: return QStringLiteral("viewer");
    }
    return {};
}

// Down from the search field moves into the list, as in a file dialog.
class SearchKeys final : public QObject
{
public:
    SearchKeys(QWidget *list, QObject *parent) : QObject(parent), m_list(list) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
                m_list->setFocus(Qt::TabFocusReason);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_list;
};
} // namespace

MemberDialog::MemberDialog(PlanRunner *runner, const GraphSnapshot &snapshot, MemberScope scope, Mode mode,
                           QStringList preselectedUsers, QWidget *parent)
    : PlanDialog(runner, titleFor(mode, scope), parent)
    , m_scope(std::move(scope))
    , m_mode(mode)
    , m_model(new UserPickerModel(this))
    , m_search(new QLineEdit)
    , m_view(new QTreeView)
    , m_selection(new QLabel)
{
    setObjectName(QStringLiteral("memberDialog"));
    const QString where = scopeText(m_scope);
    if (m_scope.level == RoleSpec::Level::Project)
        m_workspace = qs(snapshot.workspaceOf(m_scope.name));

    // The users: every account when adding, the scope's members otherwise.
    const auto pickerMode = mode == Mode::Add ? UserPickerModel::Mode::Add : UserPickerModel::Mode::Members;
    m_model->setCandidates(UserPickerModel::candidatesFor(snapshot, m_scope, pickerMode), pickerMode);
    m_model->setCheckedUsers(preselectedUsers);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    const int total = m_model->totalCount();
    m_search->setPlaceholderText(mode == Mode::Add
                                     ? tr("Search %Ln user(s) by name, display name or e-mail", nullptr, total)
                                     : tr("Search %Ln member(s) by name, display name or e-mail", nullptr, total));
    m_search->installEventFilter(new SearchKeys(m_view, this));
    m_view->setObjectName(QStringLiteral("users"));
    m_view->setAccessibleName(mode == Mode::Add ? tr("Users") : tr("Members"));
    m_view->setAccessibleDescription(tr("Space ticks the current row"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);  // thousands of rows: no per-row size queries
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setMinimumHeight(220);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(UserPickerModel::NameColumn, 200);
    m_view->setColumnWidth(UserPickerModel::DisplayNameColumn, 170);
    m_view->setColumnWidth(UserPickerModel::EmailColumn, 230);
    m_selection->setObjectName(QStringLiteral("selection"));
    m_selection->setWordWrap(true);
    auto *untick = new QPushButton(tr("&Untick all"));
    untick->setAutoDefault(false);
    connect(untick, &QPushButton::clicked, this, [this] { m_model->setCheckedUsers({}); });
    connect(m_search, &QLineEdit::textChanged, m_model, &UserPickerModel::setFilterText);
    // A double click ticks or unticks the whole row, not just its box.
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString user = index.data(UserPickerModel::UserNameRole).toString();
        m_model->setChecked(user, !m_model->isChecked(user));
    });

    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("&Find:"));
    searchLabel->setBuddy(m_search);
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);
    layout->addWidget(m_view, 1);
    auto *selectionRow = new QHBoxLayout;
    selectionRow->addWidget(m_selection, 1);
    selectionRow->addWidget(untick);
    layout->addLayout(selectionRow);

    if (mode != Mode::Remove) {
        m_role = new QComboBox;
        m_role->setObjectName(QStringLiteral("role"));
        QString preferred = defaultRole(m_scope);
        if (mode == Mode::ChangeRole) {
            // The members' common role, when they share one.
            QStringList roles;
            for (const QString &u : preselectedUsers) {
                const int row = m_model->rowOfUser(u);
                if (row >= 0)
                    roles << m_model->index(row, 0).data(UserPickerModel::MemberRoleRole).toString();
            }
            roles.removeDuplicates();
            if (roles.size() == 1)
                preferred = roles.first();
        }
        buildRoleBox(m_role, snapshot, m_scope, preferred);
        auto *roleForm = new QFormLayout;
        roleForm->addRow(mode == Mode::Add ? tr("&Role:") : tr("New &role:"), m_role);
        layout->addLayout(roleForm);
        connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
            updateSelection();
            formChanged();
        });
    }

    if (mode == Mode::Add && m_scope.level == RoleSpec::Level::Project && !m_workspace.isEmpty()) {
        // KubeSphere lists a project's candidates from its workspace's members: offer the
        // workspace membership to those who lack it, in the same plan.
        m_workspaceMembers = UserPickerModel::membersOf(snapshot, MemberScope::workspace(m_workspace.toStdString()));
        m_joinFrame = new QFrame;
        m_joinFrame->setObjectName(QStringLiteral("joinWorkspace"));
        m_joinFrame->setFrameShape(QFrame::StyledPanel);
        auto *joinLayout = new QVBoxLayout(m_joinFrame);
        m_joinNote = new QLabel;
        m_joinNote->setWordWrap(true);
        m_joinBox = new QCheckBox(tr("Also make them members of workspace %1 with role").arg(m_workspace));
        m_joinBox->setChecked(true);
        m_joinRole = new QComboBox;
        m_joinRole->setObjectName(QStringLiteral("joinRole"));
        const MemberScope ws = MemberScope::workspace(m_workspace.toStdString());
        buildRoleBox(m_joinRole, snapshot, ws, defaultRole(ws));
        auto *row = new QHBoxLayout;
        row->addWidget(m_joinBox);
        row->addWidget(m_joinRole);
        row->addStretch(1);
        joinLayout->addWidget(m_joinNote);
        joinLayout->addLayout(row);
        layout->addWidget(m_joinFrame);
        connect(m_joinBox, &QCheckBox::toggled, m_joinRole, &QWidget::setEnabled);
        connect(m_joinBox, &QCheckBox::toggled, this, &PlanDialog::formChanged);
        connect(m_joinRole, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    }

    m_adminWarning = new QLabel;
    m_adminWarning->setObjectName(QStringLiteral("lastAdminWarning"));
    m_adminWarning->setWordWrap(true);
    ToneStyle::setText(m_adminWarning, ThemeColors::Tone::Warning);
    m_adminWarning->hide();
    layout->addWidget(m_adminWarning);
    if (m_scope.level == RoleSpec::Level::Workspace && mode != Mode::Add) {
        m_adminRole = qs(workspaceRoleName(m_scope.name, "admin"));
        for (const auto &m : snapshot.workspaceMembers(m_scope.name)) {
            if (m.roleRef.name != m_adminRole.toStdString())
                continue;
            if (m.subject.isUser())
                m_workspaceAdmins.push_back(qs(m.subject.name));
            else
                m_adminHeldByGroup = true;
        }
        m_workspaceAdmins.removeDuplicates();
    }

    switch (mode) {
    case Mode::Add:
        setDescription(m_workspace.isEmpty()
                           ? tr("Tick the users to add to %1 and choose the role they get there.").arg(where)
                           : tr("Tick the users to add to %1 (workspace %2) and choose the role they get there.")
                                 .arg(where, m_workspace));
        break;
    case Mode::ChangeRole:
        setDescription(tr("Tick the members of %1 whose role changes. A member holds one role per scope: the new "
                          "role replaces the old one.")
                           .arg(where));
        break;
    case Mode::Remove:
        setDescription(tr("Tick the members to remove from %1. Their role there is taken away; the users "
                          "themselves are kept.")
                           .arg(where));
        setPreviewOnOpen(!preselectedUsers.isEmpty());
        break;
    }
    setForm(form);
    resize(880, 780);

    connect(m_model, &UserPickerModel::checkedChanged, this, [this] {
        updateSelection();
        formChanged();
    });
    updateSelection();

    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        const QStringList users = selectedUsers();
        if (users.isEmpty()) {
            *problem = m_mode == Mode::Add ? tr("Tick at least one user to add.") : tr("Tick at least one member.");
            return {};
        }
        std::vector<std::string> names;
        for (const QString &u : users)
            names.push_back(u.toStdString());
        if (m_mode == Mode::Remove)
            return TenancyOperations::removeMembers(m_scope, std::move(names));
        if (role().isEmpty()) {
            *problem = tr("Choose a role.");
            return {};
        }
        std::string joinWs, joinRole;
        if (m_joinBox && m_joinBox->isChecked() && !usersOutsideWorkspace().isEmpty()) {
            joinWs = m_workspace.toStdString();
            joinRole = m_joinRole->currentData().toString().toStdString();
            if (joinRole.empty()) {
                *problem = tr("Choose the workspace role, or untick \"Also make them members of workspace %1\".").arg(m_workspace);
                return {};
            }
        }
        return TenancyOperations::setMembers(m_scope, std::move(names), role().toStdString(), joinWs, joinRole);
    });
}

void MemberDialog::buildRoleBox(QComboBox *box, const GraphSnapshot &snapshot, const MemberScope &scope,
                                const QString &preferred)
{
    std::vector<RoleInfo> roles;
    switch (scope.level) {
    case RoleSpec::Level::Platform: roles = snapshot.globalRoles(); break;
    case RoleSpec::Level::Cluster: roles = snapshot.clusterRoles(); break;
    case RoleSpec::Level::Workspace: roles = snapshot.workspaceRoles(scope.name); break;
    case RoleSpec::Level::Project: roles = snapshot.projectRoles(scope.name); break;
    }
    for (const auto &r : roles) {
        if (!offered(r, scope.level))
            continue;
        const QString name = qs(r.name);
        box->addItem(r.alias.empty() ? name : tr("%1 (%2)").arg(name, qs(r.alias)), name);
        if (!r.description.empty())
            box->setItemData(box->count() - 1, qs(r.description), Qt::ToolTipRole);
    }
    if (box->count() == 0) {
        box->addItem(tr("(no roles in %1)").arg(scopeText(scope)), QString());
        box->setEnabled(false);
        return;
    }
    int at = box->findData(preferred);
    if (at < 0 && scope.level == RoleSpec::Level::Workspace)
        at = box->findData(qs(workspaceRoleName(scope.name, "viewer")));
    box->setCurrentIndex(std::max(0, at));
}

QStringList MemberDialog::selectedUsers() const
{
    return m_model->checkedUsers();
}

QString MemberDialog::role() const
{
    return m_role ? m_role->currentData().toString() : QString();
}

QStringList MemberDialog::usersOutsideWorkspace() const
{
    QStringList out;
    if (!m_joinFrame)
        return out;
    for (const QString &u : selectedUsers())
        if (!m_workspaceMembers.contains(u))
            out.push_back(u);
    return out;
}

QString MemberDialog::lastAdminQuestion() const
{
    if (m_workspaceAdmins.isEmpty() || m_adminHeldByGroup)
        return {};
    if (m_mode == Mode::ChangeRole && role() == m_adminRole)
        return {};
    const QStringList users = selectedUsers();
    for (const QString &a : m_workspaceAdmins)
        if (!users.contains(a))
            return {};
    const QString who = nameList(m_workspaceAdmins);
    const QString what = m_mode == Mode::Remove ? tr("Removing") : tr("Changing the role of");
    return tr("%1 %2 leaves workspace %3 without an admin (%4). Only platform admins could then manage its members, "
              "roles and settings. Continue?")
        .arg(what, who, qs(m_scope.name), m_adminRole);
}

bool MemberDialog::beforeApply()
{
    const QString question = lastAdminQuestion();
    if (!question.isEmpty() && !confirm(question)) {
        ToneStyle::setText(statusLabel(), std::nullopt);
        statusLabel()->setText(tr("Not applied: workspace %1 keeps its admin.").arg(qs(m_scope.name)));
        return false;
    }
    return true;
}

void MemberDialog::updateSelection()
{
    const QStringList users = selectedUsers();
    // Said before Apply is clicked, not only asked after.
    const bool lastAdmin = !lastAdminQuestion().isEmpty();
    m_adminWarning->setVisible(lastAdmin);
    if (lastAdmin)
        m_adminWarning->setText((m_workspaceAdmins.size() == 1 ? tr("%1 is the last admin of workspace %2.")
                                                               : tr("%1 are the last admins of workspace %2."))
                                    .arg(nameList(m_workspaceAdmins), qs(m_scope.name))
                                + QLatin1Char(' ')
                                + tr("After this change nobody but platform admins can manage its members, roles and "
                                     "settings."));
    if (users.isEmpty())
        m_selection->setText(m_mode == Mode::Add ? tr("No user ticked yet.") : tr("No member ticked yet."));
    else
        m_selection->setText(tr("%n ticked: %1", nullptr, int(users.size())).arg(nameList(users)));
    if (!m_joinFrame)
        return;
    const QStringList outside = usersOutsideWorkspace();
    m_joinFrame->setVisible(!outside.isEmpty());
    if (!outside.isEmpty())
        m_joinNote->setText((outside.size() == 1 ? tr("%1 is not a member of workspace %2.") : tr("%1 are not members of workspace %2."))
                                .arg(nameList(outside), m_workspace)
                            + QLatin1Char(' ') + tr("KubeSphere lets only members of a workspace into its projects."));
}
