// An item delegate whose editors are named after their column's header, so a screen reader
// says which field an open cell editor edits (issue 17: every control has an accessible name).
#pragma once

#include <QStyledItemDelegate>

class NamedEditorDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The header of the index's column, for editors made elsewhere.
    static void nameEditor(QWidget *editor, const QModelIndex &index);
};
