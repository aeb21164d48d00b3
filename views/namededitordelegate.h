// An item delegate whose editors are named after their column's header, so a screen reader
// says which field an open cell editor edits, and whose Tab leaves the table after its last
// cell (Qt's tables wrap round to the first: a keyboard trap). Issue 17.
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

protected:
    bool eventFilter(QObject *object, QEvent *event) override;
};
