// NetworkPolicyTableModel: columns of a policy row; rule counts are numbers so they sort.
// The isolation policy is named in the note: it is the switch, not a custom policy.
#include "models/networkpolicytablemodel.h"

#include <QFont>

NetworkPolicyTableModel::NetworkPolicyTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int NetworkPolicyTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NetworkPolicyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Policy");
    case KindColumn: return tr("Kind");
    case TypesColumn: return tr("Types");
    case IngressColumn: return tr("Ingress rules");
    case EgressColumn: return tr("Egress rules");
    case NoteColumn: return tr("Note");
    }
    return {};
}

QVariant NetworkPolicyTableModel::cell(const NetworkPolicyRow &row, int column, int role) const
{
    if (role == EditableRole)
        return row.editable;
    // Rows the editor leaves alone (the isolation policy, generated ones) read as such.
    if (role == Qt::FontRole && !row.editable) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (column) {
    case NameColumn: return row.name;
    case KindColumn: return row.kind;
    case TypesColumn: return row.types;
    case IngressColumn: return row.ingressRules;
    case EgressColumn: return row.egressRules;
    case NoteColumn: return row.note;
    }
    return {};
}
