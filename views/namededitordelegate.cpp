// NamedEditorDelegate: the column header is the name a sighted user reads above the cell.
#include "views/namededitordelegate.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>

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

bool NamedEditorDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    if (!editor || event->type() != QEvent::KeyPress)
        return QStyledItemDelegate::eventFilter(object, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool forward = key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier);
    const bool backward = key->key() == Qt::Key_Backtab || (key->key() == Qt::Key_Tab && (key->modifiers() & Qt::ShiftModifier));
    // An editor's parent is the view's viewport.
    auto *view = editor->parentWidget() ? qobject_cast<QAbstractItemView *>(editor->parentWidget()->parentWidget()) : nullptr;
    if ((!forward && !backward) || !view || !view->model())
        return QStyledItemDelegate::eventFilter(object, event);
    const QModelIndex current = view->currentIndex();
    const QAbstractItemModel *model = view->model();
    const bool atEnd = forward ? current.row() == model->rowCount(current.parent()) - 1 && current.column() == model->columnCount(current.parent()) - 1
                               : current.row() == 0 && current.column() == 0;
    if (!current.isValid() || !atEnd)
        return QStyledItemDelegate::eventFilter(object, event);
    // The edit is kept, the editor closes and the key goes on to the view, which passes the
    // focus to the next control (its tab key navigation is off).
    emit commitData(editor);
    emit closeEditor(editor, QAbstractItemDelegate::NoHint);
    QCoreApplication::postEvent(view, new QKeyEvent(QEvent::KeyPress, forward ? Qt::Key_Tab : Qt::Key_Backtab,
                                                    forward ? Qt::NoModifier : Qt::ShiftModifier));
    return true;
}
