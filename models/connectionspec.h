// What the user chose to connect to: a kubeconfig file (or the default sources), a context,
// and the per-connection choices that go with it. Holds no secret: it is stored in QSettings.
#pragma once

#include <QString>
#include <QStringList>

struct ConnectionSpec {
    QString kubeconfig;  // empty: $KUBECONFIG, else ~/.kube/config (kubectl's rules)
    QString context;     // empty: the kubeconfig's current context
    // Namespaces the user pinned: shown as reachable projects when listing namespaces is forbidden.
    QStringList pinnedNamespaces;
    QString modeOverride;  // "" (detect), "kubesphere" or "standalone"

    // The name the tree and the status bar show ("context" or "context (file)" when a context
    // name is reused in several files).
    QString displayName() const { return context.isEmpty() ? QStringLiteral("current context") : context; }
    bool sameTarget(const ConnectionSpec &other) const
    {
        return kubeconfig == other.kubeconfig && context == other.context;
    }
};
