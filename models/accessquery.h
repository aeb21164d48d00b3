// One permission an action needs, as a SelfSubjectAccessReview asks it: verb on a resource
// (group + plural), optionally in a namespace and for one object name.
#pragma once

#include <QString>

struct AccessQuery {
    QString verb;
    QString group;     // "" for core
    QString resource;  // plural
    QString ns;        // "" cluster-wide
    QString name;      // "" any

    QString key() const
    {
        return verb + QChar(0x1f) + group + QChar(0x1f) + resource + QChar(0x1f) + ns + QChar(0x1f) + name;
    }
    // "create workspacetemplates.tenant.kubesphere.io" (+ " \"x\"", + " in namespace p1")
    QString describe() const
    {
        QString text = verb + QLatin1Char(' ') + (group.isEmpty() ? resource : resource + QLatin1Char('.') + group);
        if (!name.isEmpty())
            text += QStringLiteral(" \"%1\"").arg(name);
        text += ns.isEmpty() ? QStringLiteral(" (cluster-wide)") : QStringLiteral(" in namespace %1").arg(ns);
        return text;
    }
    bool operator==(const AccessQuery &other) const = default;
};
