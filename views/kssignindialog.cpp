// The form validates nothing itself (kubeclient/ksaccount names the wrong field); a marked
// field gets a red frame and the focus, and typing in it clears the mark.
#include "views/kssignindialog.h"
#include "views/tonestyle.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
// The border of a field the server's answer names, in the theme's error colour.
QString markStyle(const QWidget *edit)
{
    return QStringLiteral("QLineEdit { border: 2px solid %1; border-radius: 2px; }")
        .arg(ThemeColors::fill(ThemeColors::Tone::Error, ToneStyle::basePalette(edit)).name());
}
}

KsSignInDialog::KsSignInDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Sign in to KubeSphere"));
    setObjectName(QStringLiteral("ksSignInDialog"));

    auto *intro = new QLabel(tr("Sign in with a KubeSphere account instead of a kubeconfig identity. Requests then go "
                                "through ks-apiserver, which decides with KubeSphere's roles. The token is kept in the "
                                "system keyring; the password is not kept."),
                             this);
    intro->setWordWrap(true);

    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("https://ks.example.com:30880"));

    m_systemCa = new QRadioButton(tr("Verify with the system's certificate authorities"), this);
    m_useCaFile = new QRadioButton(tr("Verify with this CA file:"), this);
    m_insecure = new QRadioButton(tr("Skip TLS verification (insecure: anyone on the path can read the password)"), this);
    m_insecure->setObjectName(QStringLiteral("insecure"));
    auto *tlsGroup = new QButtonGroup(this);
    for (auto *b : {m_systemCa, m_useCaFile, m_insecure})
        tlsGroup->addButton(b);
    m_systemCa->setChecked(true);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("CA file"));
    m_caFile->setPlaceholderText(tr("PEM file of the CA that signed the server's certificate"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setAccessibleName(tr("Browse for the CA file"));
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto *tls = new QVBoxLayout;
    tls->addWidget(m_systemCa);
    tls->addWidget(m_useCaFile);
    tls->addLayout(caRow);
    tls->addWidget(m_insecure);
    connect(tlsGroup, &QButtonGroup::buttonToggled, this, [this] { updateTls(); });

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *fields = new QFormLayout;
    fields->addRow(tr("Ser&ver:"), m_server);
    fields->addRow(tr("TLS:"), tls);
    fields->addRow(tr("&User name:"), m_username);
    fields->addRow(tr("&Password:"), m_password);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ToneStyle::setText(m_error, ThemeColors::Tone::Error);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Accepting is the signer's decision, once the server said yes.
    connect(m_signIn, &QPushButton::clicked, this, [this] { emit signInRequested(form()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    // Never smaller than its content: the radio buttons' texts and the error must stay readable.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    for (QLineEdit *edit : {m_server, m_caFile, m_username, m_password})
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            if (fieldWidget(m_marked) == edit)
                clearMarks();
        });
    updateTls();
    resize(560, sizeHint().height());
}

void KsSignInDialog::updateTls()
{
    const bool file = m_useCaFile->isChecked();
    m_caFile->setEnabled(file);
    m_browse->setEnabled(file);
}

KsSignInForm KsSignInDialog::form() const
{
    KsSignInForm f;
    f.server = m_server->text();
    f.caFile = m_useCaFile->isChecked() ? m_caFile->text() : QString();
    f.insecure = m_insecure->isChecked();
    f.username = m_username->text();
    f.password = m_password->text();
    return f;
}

void KsSignInDialog::setForm(const KsSignInForm &f)
{
    m_server->setText(f.server);
    m_caFile->setText(f.caFile);
    (f.insecure ? m_insecure : f.caFile.isEmpty() ? m_systemCa : m_useCaFile)->setChecked(true);
    m_username->setText(f.username);
    updateTls();
}

void KsSignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    if (busy) {
        m_error->hide();
        clearMarks();
    }
}

QLineEdit *KsSignInDialog::fieldWidget(const QString &field) const
{
    if (field == QLatin1String(KsSignIn::kServer))
        return m_server;
    if (field == QLatin1String(KsSignIn::kCertificate))
        return m_caFile;
    if (field == QLatin1String(KsSignIn::kUsername))
        return m_username;
    if (field == QLatin1String(KsSignIn::kPassword))
        return m_password;
    return nullptr;
}

void KsSignInDialog::clearMarks()
{
    for (QLineEdit *edit : {m_server, m_caFile, m_username, m_password})
        ToneStyle::follow(edit, QStringLiteral("mark"), [edit] { edit->setStyleSheet({}); });
    m_marked.clear();
}

void KsSignInDialog::showError(const QString &field, const QString &message)
{
    setBusy(false);
    clearMarks();
    m_error->setText(message);
    m_error->show();
    // The message adds lines: grow rather than squeeze the form (not every platform does it).
    if (height() < sizeHint().height())
        resize(width(), sizeHint().height());
    m_marked = field;
    QLineEdit *edit = fieldWidget(field);
    // A TLS refusal with no CA file chosen is about the choice, not the (empty) path.
    if (edit == m_caFile && !m_useCaFile->isChecked())
        edit = nullptr;
    if (edit) {
        ToneStyle::follow(edit, QStringLiteral("mark"), [edit] { edit->setStyleSheet(markStyle(edit)); });
        edit->setFocus();
        edit->selectAll();
    }
}

QString KsSignInDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }
