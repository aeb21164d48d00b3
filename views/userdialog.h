// Create or edit a user (KubeSphere account): name, e-mail, password, display name,
// description, language and platform role, planned through the tenancy engine. The password
// never leaves the form except inside the request (plans show it redacted).
#pragma once

#include "views/plandialog.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <optional>

class QComboBox;
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

    // The form as the engine's spec; nullopt with *problem set when a field is invalid.
    std::optional<kube::tenancy::UserSpec> spec(QString *problem) const;
    // The platform role chosen ("" for none).
    QString platformRole() const;
    bool editing() const { return m_editing; }

private:

    bool m_editing;
    QString m_originalRole;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLineEdit *m_displayName;
    QLineEdit *m_description;
    QComboBox *m_lang;
    QComboBox *m_platformRole;
};
