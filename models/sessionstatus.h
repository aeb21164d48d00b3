// The state of one cluster connection as the status bar and the tree show it: connected or
// why not, the tenancy mode in force, who we are, and whether the data shown is stale.
#pragma once

#include <QString>
#include <QStringList>

struct SessionStatus {
    enum class State {
        Connecting,    // loading the kubeconfig, whoami, mode detection, first lists
        Connected,     // watches running
        Reconnecting,  // the server stopped answering: retrying with backoff, data is stale
        Failed,        // cannot connect (bad kubeconfig, refused credentials...): see message
    };

    State state = State::Connecting;
    QString message;          // why not connected / what is happening, in words
    QString hint;             // what the user can do about it (install hint of a plugin...)
    int retryInSeconds = 0;   // Reconnecting: until the next attempt
    bool stale = false;       // the tree shows the last known state, not a live one
    bool loaded = false;      // every readable kind has been listed at least once
    // The tree shows the local cache of the last session (written at cachedAt), not yet
    // confirmed by the server; stale is set too.
    bool cached = false;
    QString cachedAt;         // local time, "2026-12-05 14:02"
    int resumedKinds = 0;     // once loaded: kinds whose watch resumed from the cache
    int listedKinds = 0;      // and kinds listed

    QString server;
    QString identity;         // whoami user name
    QStringList groups;
    // A KubeSphere sign-in (File → Sign in to KubeSphere…): its server and user; empty for a
    // kubeconfig identity.
    QString kubesphereServer;
    QString kubesphereUser;
    QString mode;             // "KubeSphere" | "standalone"
    QString modeReason;
    bool modeOverridden = false;
    QString flavor;           // "v1beta1 (KubeSphere 4.x)" ...
    QString kubesphereVersion;
    // Kinds this identity may not list: the view is limited to what it can reach.
    QStringList forbiddenKinds;
    QStringList reachableNamespaces;  // found by rules reviews / pins when namespaces are forbidden

    bool limited() const { return !forbiddenKinds.isEmpty(); }
    static QString toString(State state);
};
