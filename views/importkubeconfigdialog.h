// File → Import kubeconfig…: pick a file (or kubectl's default sources), see its contexts
// with server, user, auth method and namespace, test a connection without blocking, and
// choose the contexts to connect to.
#pragma once

#include "models/connectionspec.h"

#include <QDialog>

class ExecApprover;
class KubeconfigContextModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

class ImportKubeconfigDialog final : public QDialog
{
    Q_OBJECT
public:
    // file empty: $KUBECONFIG, else ~/.kube/config. connected: contexts already open (pre-checked).
    ImportKubeconfigDialog(ExecApprover *approver, const QString &file, const QStringList &connected,
                           QWidget *parent = nullptr);

    QList<ConnectionSpec> connections() const;
    KubeconfigContextModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void load(const QString &file);

private:
    void testSelected();

    KubeconfigContextModel *m_model;
    QStringList m_connected;
    QLineEdit *m_path;
    QLabel *m_files;
    QTableView *m_table;
    QPushButton *m_test;
    QPushButton *m_ok;
};
