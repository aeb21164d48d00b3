// The contexts of a kubeconfig (one file, or kubectl's default sources) for the import
// dialog: server, user, auth method and namespace per context, a check box to pick it, and
// a connection test (whoami) that runs off the GUI thread.
#pragma once

#include "models/connectionspec.h"

#include <QAbstractTableModel>

class ExecApprover;

struct ContextRow {
    QString name;
    QString cluster;
    QString server;
    QString user;
    QString auth;       // "client certificate", "token", "exec: aws", "oidc"...
    QString ns;
    bool current = false;
    bool checked = false;
    enum class Test { None, Running, Ok, Failed } test = Test::None;
    QString testText;   // "alice (groups: ...)" or the error
};

class KubeconfigContextModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ContextColumn, ServerColumn, UserColumn, AuthColumn, NamespaceColumn, TestColumn, ColumnCount };

    explicit KubeconfigContextModel(ExecApprover *approver, QObject *parent = nullptr);

    // Reads the file (empty: $KUBECONFIG / ~/.kube/config) on a worker; loaded() follows.
    void load(const QString &file);
    QString file() const { return m_file; }
    QStringList files() const { return m_files; }
    // Pre-checks these contexts (the ones already connected, or the current one).
    void setChecked(const QStringList &contexts);
    void testConnection(int row);
    QList<ConnectionSpec> checkedConnections() const;
    const ContextRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // error empty on success; warnings are the loader's tolerated problems.
    void loaded(const QString &error);
    void tested(int row);

private:
    ExecApprover *m_approver;
    QString m_file;
    QStringList m_files;
    QList<ContextRow> m_rows;
    int m_generation = 0;
};
