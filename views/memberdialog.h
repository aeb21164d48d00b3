// Members of one scope (platform, cluster, workspace, project): add users with a role, change
// the role of members, or remove members, as one plan for every user ticked. Adding users to a
// project of a workspace they are not in offers the workspace membership KubeSphere needs first.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/memberscope.h"

#include <QHash>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QTreeView;
class UserPickerModel;

class MemberDialog final : public PlanDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, ChangeRole, Remove };

    // preselectedUsers: ticked when the dialog opens (the members selected in a table).
    MemberDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, kube::tenancy::MemberScope scope,
                 Mode mode, QStringList preselectedUsers = {}, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    const kube::tenancy::MemberScope &scope() const { return m_scope; }

    QLineEdit *searchEdit() const { return m_search; }
    QTreeView *userView() const { return m_view; }
    UserPickerModel *userModel() const { return m_model; }
    QComboBox *roleBox() const { return m_role; }                  // null when removing
    QCheckBox *joinWorkspaceBox() const { return m_joinBox; }      // null unless adding to a project in a workspace
    QComboBox *joinRoleBox() const { return m_joinRole; }          // likewise
    QLabel *selectionLabel() const { return m_selection; }
    QLabel *joinNote() const { return m_joinNote; }
    QLabel *lastAdminWarning() const { return m_adminWarning; }

    QStringList selectedUsers() const;
    QString role() const;  // the role object name chosen ("" when removing)
    // Ticked users who are not members of the project's workspace (adding to a project).
    QStringList usersOutsideWorkspace() const;
    // The question asked before applying when the change leaves the workspace without an
    // admin; empty when it does not.
    QString lastAdminQuestion() const;

protected:
    // Asks about a workspace left without an admin (through the confirm hook) before Apply plans.
    bool beforeApply() override;

private:
    void buildRoleBox(QComboBox *box, const kube::tenancy::GraphSnapshot &snapshot, const kube::tenancy::MemberScope &scope,
                      const QString &preferred);
    void updateSelection();

    kube::tenancy::MemberScope m_scope;
    Mode m_mode;
    QString m_workspace;                        // the project's workspace ("" when none)
    QHash<QString, QStringList> m_workspaceMembers;  // adding to a project: its workspace's
    QStringList m_workspaceAdmins;              // workspace scope: users holding <ws>-admin
    bool m_adminHeldByGroup = false;            // a Group is bound to <ws>-admin too
    QString m_adminRole;
    UserPickerModel *m_model;
    QLineEdit *m_search;
    QTreeView *m_view;
    QLabel *m_selection;
    QLabel *m_adminWarning = nullptr;
    QComboBox *m_role = nullptr;
    QFrame *m_joinFrame = nullptr;
    QLabel *m_joinNote = nullptr;
    QCheckBox *m_joinBox = nullptr;
    QComboBox *m_joinRole = nullptr;
};
