// Pin namespaces: for an identity that may not list namespaces, the user names the ones it
// works in, and the tree shows them as reachable projects. Opened window-modal, not blocking.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

class PinNamespacesDialog final : public QDialog
{
    Q_OBJECT
public:
    PinNamespacesDialog(const QString &clusterId, const QStringList &pinned, QWidget *parent = nullptr);

    QLineEdit *namespacesEdit() const { return m_edit; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The names typed, trimmed, without empties or repeats, in the order typed.
    QStringList namespaces() const;
    static QStringList parse(const QString &text);

private:
    QLineEdit *m_edit;
    QDialogButtonBox *m_buttons;
};
