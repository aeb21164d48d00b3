// KeyboardContextMenu: the view's handlers read the request's point as a viewport point and
// look up the item there, so a keyboard request names the centre of the current item.
#include "views/keyboardcontextmenu.h"

#include <QAbstractItemView>
#include <QContextMenuEvent>
#include <QKeyEvent>

KeyboardContextMenu::KeyboardContextMenu(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
}

void KeyboardContextMenu::install(QAbstractItemView *view)
{
    view->installEventFilter(new KeyboardContextMenu(view));
}

bool KeyboardContextMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || m_view->contextMenuPolicy() != Qt::CustomContextMenu)
        return false;
    if (event->type() == QEvent::ContextMenu
        && static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        request();
        return true;
    }
    // Shift+F10 is the other key for it (the CUA convention), which Qt leaves to the platform.
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier) {
            request();
            return true;
        }
    }
    return false;
}

void KeyboardContextMenu::request()
{
    const QModelIndex current = m_view->currentIndex();
    QRect rect = current.isValid() ? m_view->visualRect(current) : QRect();
    // A current item scrolled away: bring it into view first, the menu opens beside it.
    if (current.isValid() && !m_view->viewport()->rect().intersects(rect)) {
        m_view->scrollTo(current);
        rect = m_view->visualRect(current);
    }
    const QPoint point = rect.isValid() ? rect.intersected(m_view->viewport()->rect()).center() : QPoint(4, 4);
    emit m_view->customContextMenuRequested(point);
}
