// AppSettings: connections are an array of small groups; mode overrides are stored by name
// ("kubesphere", "standalone"), not as numbers, so the file stays readable and stable.
#include "appsettings.h"

namespace {
const QString kConnections = QStringLiteral("connections");
const QString kApproved = QStringLiteral("exec/approvedCommandHashes");
}

AppSettings::AppSettings()
{
    // QSettings writes through QSaveFile: a temporary file beside it, fsync, rename, the mode
    // kept. Tenantry's own rewrites do the same in kubeclient/core/atomicfile. Never fall back to
    // writing the file in place (Qt's default too, said here so nobody turns it off): a crash
    // mid-write would leave half the connections.
    m_settings.setAtomicSyncRequired(true);
}

QList<ConnectionSpec> AppSettings::connections() const
{
    QList<ConnectionSpec> out;
    const int n = m_settings.beginReadArray(kConnections);
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        ConnectionSpec c;
        c.kubeconfig = m_settings.value(QStringLiteral("kubeconfig")).toString();
        c.context = m_settings.value(QStringLiteral("context")).toString();
        c.pinnedNamespaces = m_settings.value(QStringLiteral("pinnedNamespaces")).toStringList();
        c.modeOverride = m_settings.value(QStringLiteral("mode")).toString();
        if (c.modeOverride != QLatin1String("kubesphere") && c.modeOverride != QLatin1String("standalone"))
            c.modeOverride.clear();
        out << c;
    }
    m_settings.endArray();
    return out;
}

void AppSettings::setConnections(const QList<ConnectionSpec> &connections)
{
    m_settings.remove(kConnections);
    m_settings.beginWriteArray(kConnections, int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        m_settings.setArrayIndex(i);
        const auto &c = connections[i];
        m_settings.setValue(QStringLiteral("kubeconfig"), c.kubeconfig);
        m_settings.setValue(QStringLiteral("context"), c.context);
        m_settings.setValue(QStringLiteral("pinnedNamespaces"), c.pinnedNamespaces);
        m_settings.setValue(QStringLiteral("mode"), c.modeOverride);
    }
    m_settings.endArray();
}

void AppSettings::saveConnection(const ConnectionSpec &connection)
{
    auto all = connections();
    bool found = false;
    for (auto &c : all)
        if (c.sameTarget(connection)) {
            c = connection;
            found = true;
        }
    if (!found)
        all << connection;
    setConnections(all);
}

void AppSettings::removeConnection(const ConnectionSpec &connection)
{
    auto all = connections();
    all.removeIf([&](const ConnectionSpec &c) { return c.sameTarget(connection); });
    setConnections(all);
}

QSet<QString> AppSettings::approvedExecCommands() const
{
    const QStringList list = m_settings.value(kApproved).toStringList();
    return QSet<QString>(list.begin(), list.end());
}

void AppSettings::setApprovedExecCommands(const QSet<QString> &keys)
{
    QStringList list(keys.begin(), keys.end());
    list.sort();
    m_settings.setValue(kApproved, list);
}

QByteArray AppSettings::windowGeometry() const { return m_settings.value(QStringLiteral("window/geometry")).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &g) { m_settings.setValue(QStringLiteral("window/geometry"), g); }
QByteArray AppSettings::windowState() const { return m_settings.value(QStringLiteral("window/state")).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &s) { m_settings.setValue(QStringLiteral("window/state"), s); }
QByteArray AppSettings::splitterState() const { return m_settings.value(QStringLiteral("window/splitter")).toByteArray(); }
void AppSettings::setSplitterState(const QByteArray &s) { m_settings.setValue(QStringLiteral("window/splitter"), s); }
QString AppSettings::lastKubeconfig() const { return m_settings.value(QStringLiteral("import/lastKubeconfig")).toString(); }
void AppSettings::setLastKubeconfig(const QString &f) { m_settings.setValue(QStringLiteral("import/lastKubeconfig"), f); }
QString AppSettings::language() const { return m_settings.value(QStringLiteral("ui/language")).toString(); }
void AppSettings::setLanguage(const QString &code) { m_settings.setValue(QStringLiteral("ui/language"), code); }

QString AppSettings::theme() const { return m_settings.value(QStringLiteral("view/theme")).toString(); }
void AppSettings::setTheme(const QString &name) { m_settings.setValue(QStringLiteral("view/theme"), name); }

// One map rather than one key per cluster: session ids hold '/' and ':', which QSettings
// would read as groups.
QString AppSettings::lastSelection(const QString &clusterId) const
{
    return m_settings.value(QStringLiteral("window/lastSelection")).toMap().value(clusterId).toString();
}

void AppSettings::setLastSelection(const QString &clusterId, const QString &path)
{
    QVariantMap all = m_settings.value(QStringLiteral("window/lastSelection")).toMap();
    if (all.value(clusterId).toString() == path)
        return;
    if (path.isEmpty())
        all.remove(clusterId);
    else
        all.insert(clusterId, path);
    m_settings.setValue(QStringLiteral("window/lastSelection"), all);
}

QStringList AppSettings::recentKubeconfigs() const
{
    QStringList files = m_settings.value(QStringLiteral("import/recentKubeconfigs")).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, kMaxRecent);
}

void AppSettings::addRecentKubeconfig(const QString &file)
{
    if (file.isEmpty())
        return;
    QStringList files = recentKubeconfigs();
    files.removeAll(file);
    files.prepend(file);
    m_settings.setValue(QStringLiteral("import/recentKubeconfigs"), files.mid(0, kMaxRecent));
}

void AppSettings::removeRecentKubeconfig(const QString &file)
{
    QStringList files = recentKubeconfigs();
    files.removeAll(file);
    m_settings.setValue(QStringLiteral("import/recentKubeconfigs"), files);
}

void AppSettings::clearRecentKubeconfigs() { m_settings.remove(QStringLiteral("import/recentKubeconfigs")); }
