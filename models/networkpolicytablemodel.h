// The network policies of a project: Kubernetes NetworkPolicies and KubeSphere's
// NamespaceNetworkPolicies, with their direction and rule counts (read-only summary).
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct NetworkPolicyRow {
    QString kind;   // NetworkPolicy | NamespaceNetworkPolicy
    QString name;
    QString types;  // "Ingress, Egress"
    int ingressRules = 0;
    int egressRules = 0;
    QString note;   // "isolation (Tenantry/KubeSphere)", "generated from a NamespaceNetworkPolicy"
    bool editable = false;  // a user's NetworkPolicy (not nsnp-*, not a NamespaceNetworkPolicy)

    QString key() const { return kind + QChar(0x1f) + name; }
    bool operator==(const NetworkPolicyRow &other) const = default;
};

class NetworkPolicyTableModel final : public RowTableModel<NetworkPolicyRow>
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, TypesColumn, IngressColumn, EgressColumn, NoteColumn, ColumnCount };
    // bool on every cell: the row is a user's NetworkPolicy the editor may change or delete.
    static constexpr int EditableRole = RawRole + 1;

    explicit NetworkPolicyTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const NetworkPolicyRow &row, int column, int role) const override;
};
