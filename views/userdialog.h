// Create or edit a user (KubeSphere account): name, e-mail, password, display name,
// description, language and platform role, planned through the tenancy engine. The password
// never leaves the form except inside the request (plans show it redacted).
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

class UserDialog final : public PlanDialog
{
    Q_OBJECT
public:
    UserDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &edit = {},
               QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    QComboBox *platformRoleBox() const { return m_platformRole; }
    // The e-mail's problem, shown under the e-mail field (hidden when there is none).
    QLabel *emailProblemLabel() const { return m_emailProblem; }

    // The form as the engine's spec; nullopt with *problem set when a field is invalid.
    std::optional<kube::tenancy::UserSpec> spec(QString *problem) const;
    // The platform role chosen ("" for none).
    QString platformRole() const;
    bool editing() const { return m_editing; }

private:
    // What is wrong with the e-mail ("" when nothing): its form unless `typing`, then whether
    // another user already has it in the latest snapshot (kubeclient's validateEmailUnique, the
    // rule of KubeSphere's webhook that the planner applies again).
    QString emailProblem(bool typing) const;
    void showEmailProblem(const QString &problem);

    kube::tenancy::GraphSnapshot m_snapshot;
    QString m_plannerEmailProblem;  // the planner's refusal of the e-mail, until it is edited
    bool m_editing;
    QString m_originalRole;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLabel *m_emailProblem;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLineEdit *m_displayName;
    QLineEdit *m_description;
    QComboBox *m_lang;
    QComboBox *m_platformRole;
};
