// Which field an engine error blames: the account's own validation names it in its message
// ("server: ..."); the token endpoint's answers map by kind (a TLS failure is the CA's, an
// unreachable server the address's, a refused password the password's).
#include "models/kssignin.h"

#include "models/asynctask.h"
#include "models/modelslogging.h"

#include "kubeclient/ksaccount/kslogin.h"

namespace {

using namespace kube::ksaccount;

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString fieldOf(const kube::Error &e)
{
    for (const char *field : {::KsSignIn::kServer, ::KsSignIn::kCertificate, ::KsSignIn::kUsername, ::KsSignIn::kPassword})
        if (e.message.starts_with(std::string(field) + ":"))
            return QString::fromLatin1(field);
    switch (e.kind) {
    case kube::ErrorKind::Tls: return QString::fromLatin1(::KsSignIn::kCertificate);
    case kube::ErrorKind::Transport:
    case kube::ErrorKind::Timeout: return QString::fromLatin1(::KsSignIn::kServer);
    case kube::ErrorKind::Auth:
        if (e.status && (e.status->reason == kube::StatusReason::Forbidden || e.status->reason == kube::StatusReason::TooManyRequests))
            return QString::fromLatin1(::KsSignIn::kUsername);
        if (e.status && e.status->reason == kube::StatusReason::Unauthorized)
            return QString::fromLatin1(::KsSignIn::kPassword);
        return {};
    default: return e.status && e.status->reason == kube::StatusReason::NotFound ? QString::fromLatin1(::KsSignIn::kServer) : QString();
    }
}

struct Outcome {
    bool ok = false;
    QString field, message;
    ConnectionSpec spec;
    QString username;
};

} // namespace

::KsSignIn::KsSignIn(QObject *parent) : QObject(parent) {}

void ::KsSignIn::signIn(const KsSignInForm &form)
{
    if (m_busy)
        return;
    m_busy = true;
    const QString kubeconfig = m_kubeconfig;
    AsyncTask::run(
        this,
        [form = form, kubeconfig]() mutable {
            Outcome out;
            auto account = KsAccount::make(form.server.trimmed().toStdString(), form.username.trimmed().toStdString(),
                                           form.caFile.trimmed().toStdString(), form.insecure);
            if (!account) {
                out.field = fieldOf(account.error());
                out.message = qs(account.error().describe());
                return out;
            }
            KsLoginRequest request;
            request.account = account.value();
            request.password = form.password.toStdString();
            form.password.fill(QChar(0));
            request.kubeconfig = kubeconfig.toStdString();
            request.pluginCommand = KsLogin::defaultPluginCommand();
            auto signedIn = KsLogin::login(request, *SecretServiceStore::shared());
            request.password.assign(request.password.size(), '\0');
            if (!signedIn) {
                out.field = fieldOf(signedIn.error());
                out.message = qs(signedIn.error().describe());
                return out;
            }
            out.ok = true;
            out.spec.kubeconfig = qs(signedIn->kubeconfigFile);
            out.spec.context = qs(signedIn->contextName);
            out.username = qs(signedIn->username);
            return out;
        },
        [this](Outcome out) {
            m_busy = false;
            if (out.ok) {
                qCInfo(lcSession) << "signed in to KubeSphere as" << out.username << "context" << out.spec.context;
                emit signedIn(out.spec, out.username);
            } else {
                qCInfo(lcSession) << "KubeSphere sign-in refused:" << out.message;
                emit failed(out.field, out.message);
            }
        });
}

void ::KsSignIn::signOut(const QString &server, const QString &username, const QString &kubeconfig)
{
    AsyncTask::run(
        this,
        [server, username, kubeconfig]() {
            Outcome out;
            auto account = KsAccount::make(server.toStdString(), username.toStdString(), {}, false);
            if (!account) {
                out.message = qs(account.error().describe());
                return out;
            }
            auto signedOut = KsLogin::logout(account.value(), kubeconfig.toStdString(), *SecretServiceStore::shared());
            if (!signedOut) {
                out.message = qs(signedOut.error().describe());
                return out;
            }
            out.ok = true;
            out.message = QObject::tr("Signed out of KubeSphere at %1 as %2.").arg(server, username);
            return out;
        },
        [this](Outcome out) {
            if (out.ok)
                emit signedOut(out.message);
            else
                emit signOutFailed(out.message);
        });
}
