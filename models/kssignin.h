// The GUI's side of KubeSphere account sign-in: runs kubeclient/ksaccount's login and logout
// on the worker pool and says, on the GUI thread, which connection to open or which field of
// the form was wrong. Holds no password after the request that used it.
#pragma once

#include "models/connectionspec.h"

#include <QObject>
#include <QString>

// What the sign-in form holds.
struct KsSignInForm {
    QString server;
    QString caFile;         // empty: the system trust store
    bool insecure = false;  // skip TLS verification, chosen explicitly
    QString username;
    QString password;
};

class KsSignIn final : public QObject
{
    Q_OBJECT
public:
    // The form's fields, as failed() names them.
    static constexpr const char *kServer = "server";
    static constexpr const char *kCertificate = "certificate authority";
    static constexpr const char *kUsername = "username";
    static constexpr const char *kPassword = "password";

    explicit KsSignIn(QObject *parent = nullptr);

    // The kubeconfig file sign-ins are written to; empty: kubectl's choice ($KUBECONFIG, ~/.kube/config).
    void setKubeconfig(const QString &file) { m_kubeconfig = file; }
    QString kubeconfig() const { return m_kubeconfig; }

    // Asynchronous: signedIn or failed follows. Ignored while one is running.
    void signIn(const KsSignInForm &form);
    // Removes the keyring entry and the context; signedOut or signOutFailed follows.
    void signOut(const QString &server, const QString &username, const QString &kubeconfig);
    bool busy() const { return m_busy; }

signals:
    void signedIn(const ConnectionSpec &spec, const QString &username);
    // `field` is one of the constants above, or empty when no field is to blame.
    void failed(const QString &field, const QString &message);
    void signedOut(const QString &message);
    void signOutFailed(const QString &message);

private:
    QString m_kubeconfig;
    bool m_busy = false;
};
