// MemberTableModel: columns of a member row; "since" is shown as local time with the exact
// stamp as the raw value, so sorting by it is chronological.
#include "models/membertablemodel.h"

#include "models/nodeicons.h"
#include "models/timeformat.h"

#include "models/themecolors.h"

#include <QColor>

MemberTableModel::MemberTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int MemberTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Member");
    case KindColumn: return tr("Kind");
    case RoleColumn: return tr("Role");
    case SinceColumn: return tr("Since");
    case BindingColumn: return tr("Binding");
    case NoteColumn: return tr("Note");
    }
    return {};
}

QVariant MemberTableModel::cell(const MemberRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SubjectColumn: return row.subject;
        case KindColumn: return row.subjectKind;
        case RoleColumn: return row.role;
        case SinceColumn: return TimeFormat::display(row.since);
        case BindingColumn: return row.binding;
        case NoteColumn: return row.note;
        }
    } else if (role == RawRole) {
        switch (column) {
        case SubjectColumn: return row.subject;
        case KindColumn: return row.subjectKind;
        case RoleColumn: return row.role;
        case SinceColumn: return row.since;
        case BindingColumn: return row.binding;
        case NoteColumn: return row.note;
        }
    } else if (role == Qt::DecorationRole && column == SubjectColumn) {
        return NodeIcons::named(row.subjectKind == QLatin1String("Group") ? QStringLiteral("users") : QStringLiteral("user"));
    } else if (role == Qt::ForegroundRole && column == RoleColumn && row.roleMissing) {
        return ThemeColors::text(ThemeColors::Tone::Error);
    } else if (role == Qt::ToolTipRole && column == SinceColumn) {
        return tr("%1 (%2 ago)").arg(row.since, TimeFormat::age(row.since));
    }
    return {};
}
