// Members of a scope (platform, cluster, workspace, project) or of one role: who, which role,
// through which binding, since when. One row per subject of each binding.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct MemberRow {
    QString subjectKind;  // User | Group | ServiceAccount
    QString subject;
    QString role;
    QString binding;
    QString since;        // RFC 3339
    QString note;         // "workspace manager", "project creator", "role missing"
    bool roleMissing = false;

    QString key() const { return subjectKind + QChar(0x1f) + subject + QChar(0x1f) + binding; }
    bool operator==(const MemberRow &other) const = default;
};

class MemberTableModel final : public RowTableModel<MemberRow>
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, KindColumn, RoleColumn, SinceColumn, BindingColumn, NoteColumn, ColumnCount };

    explicit MemberTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const MemberRow &row, int column, int role) const override;
};
