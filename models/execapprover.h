// Asks the user before a kubeconfig's exec credential plugin runs for the first time, and
// remembers the answer per command line (as a hash: arguments may carry secrets).
#pragma once

#include "kubeclient/kubeconfig/execcredentialprovider.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class ExecApprover final : public QObject
{
    Q_OBJECT
public:
    // Shows the question; *remember tells whether to keep the approval. Runs on the GUI thread.
    using Asker = std::function<bool(const kube::ExecApprovalRequest &request, bool *remember)>;

    explicit ExecApprover(QObject *parent = nullptr);
    ~ExecApprover() override;

    // No asker (headless use): only remembered or pre-approved command lines may run.
    void setAsker(Asker asker);
    // Approve every plugin without asking (--approve-exec, for scripted screenshots).
    void setApproveAll(bool approveAll);

    void setApproved(const QSet<QString> &keys);
    QSet<QString> approved() const;

    // The hook for kube::CredentialOptions::approveExec: callable from any thread; blocks the
    // calling worker while the GUI thread asks.
    kube::ExecApprovalHook hook() const;

    // SHA-256 of the command and its arguments.
    static QString keyOf(const kube::ExecApprovalRequest &request);
    // The command line as shown to the user (quoted like a shell would need it).
    static QString commandLine(const kube::ExecApprovalRequest &request);

signals:
    void approvedChanged();

private:
    struct Shared;
    bool ask(const kube::ExecApprovalRequest &request);

    std::shared_ptr<Shared> m_shared;
    Asker m_asker;
};
