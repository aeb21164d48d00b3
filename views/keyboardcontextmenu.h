// Context menus from the keyboard on item views: the Menu key and Shift+F10 open the menu of
// the current item, at the item, as a right click opens it at the pointer (issue 17).
#pragma once

#include <QObject>

class QAbstractItemView;

class KeyboardContextMenu final : public QObject
{
    Q_OBJECT
public:
    // For views whose policy is Qt::CustomContextMenu: their customContextMenuRequested then
    // carries a point of the viewport, from the mouse and from the keyboard alike (Qt gives a
    // keyboard request the view's own coordinates, and the centre of the view rather than the
    // current item). The filter is a child of the view.
    static void install(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit KeyboardContextMenu(QAbstractItemView *view);
    void request();
    QAbstractItemView *m_view;
};
