// NamedEditorDelegate: the column header is the name a sighted user reads above the cell.
#include "views/namededitordelegate.h"

QWidget *NamedEditorDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    nameEditor(editor, index);
    return editor;
}

void NamedEditorDelegate::nameEditor(QWidget *editor, const QModelIndex &index)
{
    if (!editor || !index.isValid() || !index.model())
        return;
    const QString header = index.model()->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    if (!header.isEmpty())
        editor->setAccessibleName(header);
}
