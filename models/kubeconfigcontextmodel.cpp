// KubeconfigContextModel: the kubeconfig is parsed on the worker pool; the auth method is
// described from the user entry without ever reading a secret into the model.
#include "models/kubeconfigcontextmodel.h"

#include "models/asynctask.h"
#include "models/execapprover.h"
#include "models/modelslogging.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/session/clusterconnection.h"

#include "models/themecolors.h"

#include <QColor>

using namespace kube;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// A connection test is a person waiting on a dialog: fail within seconds, not a minute.
constexpr long kTestTimeoutMs = 15'000;

QString authOf(const KubeconfigUser &u)
{
    QStringList parts;
    if (u.exec) {
        const std::string cmd = u.exec->command;
        const auto slash = cmd.rfind('/');
        parts << QStringLiteral("exec: %1").arg(qs(slash == std::string::npos ? cmd : cmd.substr(slash + 1)));
    }
    if (u.authProvider)
        parts << QStringLiteral("auth provider: %1").arg(qs(u.authProvider->name));
    if (!u.clientCertificate.empty() || !u.clientCertificateData.empty())
        parts << QStringLiteral("client certificate");
    if (!u.token.empty())
        parts << QStringLiteral("token");
    if (!u.tokenFile.empty())
        parts << QStringLiteral("token file");
    if (!u.username.empty())
        parts << QStringLiteral("basic auth");
    if (!u.impersonate.empty())
        parts << QStringLiteral("as %1").arg(qs(u.impersonate));
    return parts.isEmpty() ? QStringLiteral("anonymous") : parts.join(QStringLiteral(", "));
}

struct Loaded {
    QString error;
    QStringList files;
    QList<ContextRow> rows;
};

} // namespace

KubeconfigContextModel::KubeconfigContextModel(ExecApprover *approver, QObject *parent)
    : QAbstractTableModel(parent)
    , m_approver(approver)
{
}

void KubeconfigContextModel::load(const QString &file)
{
    const int generation = ++m_generation;
    m_file = file;
    AsyncTask::run(this, [file] {
        Loaded out;
        auto config = Kubeconfig::loadFromEnvironment(file.toStdString());
        if (!config) {
            out.error = qs(config.error().describe());
            return out;
        }
        for (const auto &f : config->files())
            out.files << qs(f);
        for (const auto &name : config->contextNames()) {
            ContextRow row;
            row.name = qs(name);
            row.current = name == config->currentContext();
            if (const auto *ctx = config->context(name)) {
                row.cluster = qs(ctx->cluster);
                row.user = qs(ctx->user);
                row.ns = qs(ctx->ns.empty() ? std::string("default") : ctx->ns);
                if (const auto *cl = config->cluster(ctx->cluster))
                    row.server = qs(cl->server);
                else
                    row.server = QStringLiteral("(cluster %1 is not defined)").arg(qs(ctx->cluster));
                if (const auto *u = config->user(ctx->user))
                    row.auth = authOf(*u);
                else
                    row.auth = ctx->user.empty() ? QStringLiteral("anonymous")
                                                 : QStringLiteral("(user %1 is not defined)").arg(qs(ctx->user));
            }
            out.rows << row;
        }
        return out;
    }, [this, generation](Loaded result) {
        if (generation != m_generation)
            return;
        beginResetModel();  // a different file: a new table, nothing to keep
        m_rows = result.rows;
        m_files = result.files;
        endResetModel();
        emit loaded(result.error);
    });
}

void KubeconfigContextModel::setChecked(const QStringList &contexts)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const bool c = contexts.contains(m_rows[i].name);
        if (m_rows[i].checked != c) {
            m_rows[i].checked = c;
            emit dataChanged(index(i, ContextColumn), index(i, ContextColumn), {Qt::CheckStateRole});
        }
    }
}

const ContextRow *KubeconfigContextModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QList<ConnectionSpec> KubeconfigContextModel::checkedConnections() const
{
    QList<ConnectionSpec> out;
    for (const auto &r : m_rows)
        if (r.checked) {
            ConnectionSpec spec;
            spec.kubeconfig = m_file;
            spec.context = r.name;
            out << spec;
        }
    return out;
}

void KubeconfigContextModel::testConnection(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].test = ContextRow::Test::Running;
    m_rows[row].testText = tr("testing…");
    emit dataChanged(index(row, TestColumn), index(row, TestColumn));
    const QString file = m_file;
    const QString context = m_rows[row].name;
    ExecApprovalHook hook = m_approver ? m_approver->hook() : ExecApprovalHook();
    const int generation = m_generation;
    AsyncTask::run(this, [file, context, hook]() -> std::pair<bool, QString> {
        // A test is whoami alone: the mode and the tenancy are the session's business.
        session::ConnectionOptions options;
        options.kubeconfig = file.toStdString();
        options.context = context.toStdString();
        options.credentials.approveExec = hook;
        options.requestTimeoutMs = kTestTimeoutMs;
        options.detectMode = false;
        auto connection = session::ClusterConnection::open(options);
        if (!connection)
            return {false, qs(connection.error().describe())};
        if (!connection->identity())
            return {false, qs(connection->identityError() ? connection->identityError()->describe()
                                                          : std::string("the server did not say who you are"))};
        const UserInfo &me = *connection->identity();
        QString text = QObject::tr("OK: %1").arg(qs(me.username));
        if (!me.groups.empty()) {
            QStringList groups;
            for (const auto &g : me.groups)
                groups << qs(g);
            text += QObject::tr(" (groups: %1)").arg(groups.join(QStringLiteral(", ")));
        }
        return {true, text};
    }, [this, row, context, generation](std::pair<bool, QString> result) {
        if (generation != m_generation || row >= m_rows.size() || m_rows[row].name != context)
            return;
        m_rows[row].test = result.first ? ContextRow::Test::Ok : ContextRow::Test::Failed;
        m_rows[row].testText = result.second;
        qCInfo(lcKubeconfig) << "connection test of" << context << (result.first ? "succeeded" : "failed");
        emit dataChanged(index(row, TestColumn), index(row, TestColumn));
        emit tested(row);
    });
}

int KubeconfigContextModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int KubeconfigContextModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant KubeconfigContextModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContextRow &r = m_rows[index.row()];
    if (role == Qt::CheckStateRole && index.column() == ContextColumn)
        return r.checked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ContextColumn: return r.current ? tr("%1 (current)").arg(r.name) : r.name;
        case ServerColumn: return r.server;
        case UserColumn: return r.user;
        case AuthColumn: return r.auth;
        case NamespaceColumn: return r.ns;
        case TestColumn: return r.testText;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == TestColumn) {
        if (r.test == ContextRow::Test::Failed)
            return ThemeColors::text(ThemeColors::Tone::Error);
        if (r.test == ContextRow::Test::Ok)
            return ThemeColors::text(ThemeColors::Tone::Ok);
    }
    return {};
}

bool KubeconfigContextModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ContextColumn || !index.isValid())
        return false;
    m_rows[index.row()].checked = value.value<Qt::CheckState>() == Qt::Checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

Qt::ItemFlags KubeconfigContextModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ContextColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant KubeconfigContextModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ContextColumn: return tr("Context");
    case ServerColumn: return tr("Server");
    case UserColumn: return tr("User");
    case AuthColumn: return tr("Authentication");
    case NamespaceColumn: return tr("Namespace");
    case TestColumn: return tr("Connection test");
    }
    return {};
}
