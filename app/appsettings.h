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

private:
    mutable QSettings m_settings;
};
