// Typed access to what Tenantry remembers between runs (QSettings): the connections chosen
// (kubeconfig file + context + pins + mode override), approved exec plugin command lines (as
// hashes), the window layout and the language. Never a secret: no token, key or password goes
// in here.
#pragma once

#include "models/connectionspec.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QSettings>
#include <QString>
#include <QStringList>

class AppSettings final
{
public:
    AppSettings();

    QList<ConnectionSpec> connections() const;
    void setConnections(const QList<ConnectionSpec> &connections);
    // Replaces the stored entry with the same file + context (pins, mode), or adds it.
    void saveConnection(const ConnectionSpec &connection);
    void removeConnection(const ConnectionSpec &connection);

    QSet<QString> approvedExecCommands() const;
    void setApprovedExecCommands(const QSet<QString> &keys);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // View → Language: a shipped language code ("en", "zh_CN"), or "" to follow the system.
    QString language() const;
    void setLanguage(const QString &code);

    // The folder of the last kubeconfig picked in the import dialog.
    QString lastKubeconfig() const;
    void setLastKubeconfig(const QString &file);

    // View → Theme, by name ("system", "light", "dark"); empty when never chosen.
    QString theme() const;
    void setTheme(const QString &name);

    // The tree path last selected on each cluster (by session id), restored on reconnecting.
    QString lastSelection(const QString &clusterId) const;
    void setLastSelection(const QString &clusterId, const QString &path);

    // File → Recent kubeconfigs: newest first, at most kMaxRecent, no duplicates.
    static constexpr int kMaxRecent = 8;
    QStringList recentKubeconfigs() const;
    void addRecentKubeconfig(const QString &file);
    void removeRecentKubeconfig(const QString &file);
    void clearRecentKubeconfigs();

private:
    mutable QSettings m_settings;
};
