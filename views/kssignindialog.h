// File → Sign in to KubeSphere…: the KubeSphere address, how its certificate is checked (the
// system's CAs, a CA file, or explicitly none), user name and password. Passive: it hands the
// form to whoever signs in, shows their verdict on the field it concerns and keeps everything
// typed until it is accepted. Opened window-modal, not blocking.
#pragma once

#include "models/kssignin.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

class KsSignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit KsSignInDialog(QWidget *parent = nullptr);

    KsSignInForm form() const;
    void setForm(const KsSignInForm &form);  // the password is never pre-filled

    // The sign-in is running: inputs stay as typed, the button waits.
    void setBusy(bool busy);
    // A refusal: the message under the form, the field it concerns marked and focused.
    void showError(const QString &field, const QString &message);
    QString errorText() const;
    QString markedField() const { return m_marked; }

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QRadioButton *systemCaButton() const { return m_systemCa; }
    QRadioButton *caFileButton() const { return m_useCaFile; }
    QRadioButton *insecureButton() const { return m_insecure; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }

signals:
    void signInRequested(const KsSignInForm &form);

private:
    void updateTls();
    void clearMarks();
    QLineEdit *fieldWidget(const QString &field) const;

    QLineEdit *m_server;
    QRadioButton *m_systemCa;
    QRadioButton *m_useCaFile;
    QRadioButton *m_insecure;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QString m_marked;
};
