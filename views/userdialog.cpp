// UserDialog: an edit that also changes the platform role becomes one plan (the user's writes
// then the role binding's), so the user sees and confirms everything at once. An e-mail another
// user has is named under the e-mail field as it is typed, and again if the planner refuses it.
#include "views/userdialog.h"
#include "views/tonestyle.h"

#include "models/clustersession.h"
#include "models/tenancyoperations.h"

#include "kubeclient/kubesphere/names.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace kube;
using namespace kube::tenancy;

UserDialog::UserDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &edit, QWidget *parent)
    : PlanDialog(runner, edit.isEmpty() ? tr("New user") : tr("Edit user %1").arg(edit), parent)
    , m_snapshot(snapshot)
    , m_editing(!edit.isEmpty())
    , m_name(new QLineEdit)
    , m_email(new QLineEdit)
    , m_emailProblem(new QLabel)
    , m_password(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_displayName(new QLineEdit)
    , m_description(new QLineEdit)
    , m_lang(new QComboBox)
    , m_platformRole(new QComboBox)
{
    setObjectName(QStringLiteral("userDialog"));
    m_name->setObjectName(QStringLiteral("name"));
    m_email->setObjectName(QStringLiteral("email"));
    m_emailProblem->setObjectName(QStringLiteral("emailProblem"));
    m_emailProblem->setWordWrap(true);
    ToneStyle::setText(m_emailProblem, ThemeColors::Tone::Error);
    m_emailProblem->hide();
    for (QLineEdit *p : {m_password, m_confirm})
        p->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_editing ? tr("unchanged") : tr("8 to 64 characters: a lower-case letter, an upper-case letter and a digit"));
    m_lang->addItems({QString(), QStringLiteral("en"), QStringLiteral("zh"), QStringLiteral("tc"), QStringLiteral("es")});
    m_platformRole->addItem(tr("(none)"), QString());
    for (const auto &r : snapshot.globalRoles())
        m_platformRole->addItem(QString::fromStdString(r.name), QString::fromStdString(r.name));

    if (m_editing) {
        m_name->setText(edit);
        m_name->setReadOnly(true);
        if (const auto u = snapshot.user(edit.toStdString())) {
            m_email->setText(QString::fromStdString(u->email));
            m_displayName->setText(QString::fromStdString(u->displayName));
            m_description->setText(QString::fromStdString(u->description));
            m_lang->setCurrentText(QString::fromStdString(u->lang));
            m_originalRole = QString::fromStdString(u->platformRole);
        }
        m_platformRole->setCurrentIndex(std::max(0, m_platformRole->findData(m_originalRole)));
    } else {
        m_platformRole->setCurrentIndex(std::max(0, m_platformRole->findData(QStringLiteral("platform-regular"))));
    }

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&E-mail:"), m_email);
    layout->addRow(QString(), m_emailProblem);
    layout->addRow(tr("&Password:"), m_password);
    layout->addRow(tr("C&onfirm password:"), m_confirm);
    layout->addRow(tr("&Display name:"), m_displayName);
    layout->addRow(tr("Descr&iption:"), m_description);
    layout->addRow(tr("&Language:"), m_lang);
    layout->addRow(tr("Platform &role:"), m_platformRole);
    setForm(form);
    for (QLineEdit *e : {m_name, m_email, m_password, m_confirm, m_displayName, m_description})
        connect(e, &QLineEdit::textChanged, this, &PlanDialog::formChanged);
    connect(m_lang, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    connect(m_platformRole, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    // A new e-mail (or name) is checked as it is typed; what the planner said no longer applies.
    for (QLineEdit *e : {m_email, m_name})
        connect(e, &QLineEdit::textChanged, this, [this] {
            m_plannerEmailProblem.clear();
            showEmailProblem(emailProblem(true));
        });
    // Users created meanwhile (by anyone) count as soon as the session sees them.
    if (ClusterSession *session = runner->session())
        connect(session, &ClusterSession::outlineChanged, this, [this, session] {
            m_snapshot = session->snapshot();
            const QString problem = emailProblem(true);
            showEmailProblem(problem.isEmpty() ? m_plannerEmailProblem : problem);
        });
    // The planner reads the cluster itself: a refusal it finds is shown at the field too, until
    // the e-mail is changed.
    connect(runner, &PlanRunner::invalidField, this, [this](const QString &field, const QString &message) {
        if (field != QLatin1String("email"))
            return;
        m_plannerEmailProblem = message;
        showEmailProblem(message);
    });
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        m_plannerEmailProblem.clear();
        showEmailProblem(emailProblem(false));
        auto s = spec(problem);
        if (!s)
            return {};
        const QString role = platformRole();
        if (!m_editing)
            return TenancyOperations::createUser(std::move(*s), role.toStdString());
        // An edit touches the platform role only when the user changed it.
        return TenancyOperations::editUser(std::move(*s), role == m_originalRole ? std::string() : role.toStdString());
    });
}

std::optional<UserSpec> UserDialog::spec(QString *problem) const
{
    UserSpec spec;
    spec.name = m_name->text().trimmed().toStdString();
    if (auto ok = validateUserName(spec.name); !ok) {
        *problem = QString::fromStdString(ok.error().message);
        return std::nullopt;
    }
    spec.email = m_email->text().trimmed().toStdString();
    if (const QString email = emailProblem(false); !email.isEmpty()) {
        *problem = email;
        return std::nullopt;
    }
    if (m_password->text() != m_confirm->text()) {
        *problem = tr("The two passwords differ.");
        return std::nullopt;
    }
    spec.password = m_password->text().toStdString();
    if (!spec.password.empty() || !m_editing) {
        if (auto ok = validatePassword(spec.password); !ok) {
            *problem = QString::fromStdString(ok.error().message);
            return std::nullopt;
        }
    }
    spec.displayName = m_displayName->text().trimmed().toStdString();
    spec.description = m_description->text().trimmed().toStdString();
    spec.lang = m_lang->currentText().toStdString();
    return spec;
}

QString UserDialog::platformRole() const
{
    return m_platformRole->currentData().toString();
}

QString UserDialog::emailProblem(bool typing) const
{
    const std::string email = m_email->text().trimmed().toStdString();
    if (typing && email.empty())
        return {};
    if (!typing)
        if (auto ok = validateEmail(email); !ok)
            return QString::fromStdString(ok.error().message);
    std::vector<UserEmail> users;
    for (const auto &u : m_snapshot.users())
        users.push_back({u.name, u.email});
    if (auto ok = validateEmailUnique(email, m_name->text().trimmed().toStdString(), users); !ok)
        return QString::fromStdString(ok.error().message);
    return {};
}

void UserDialog::showEmailProblem(const QString &problem)
{
    m_emailProblem->setText(problem);
    m_emailProblem->setVisible(!problem.isEmpty());
}
