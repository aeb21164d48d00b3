// AppStyle: only the line edits' clear button so far: Qt 6.4 ships it as a 16 px PNG with no
// 2× image (every filter box shows it).
#include "appstyle.h"

#include "models/nodeicons.h"

AppStyle::AppStyle(const QString &key)
    : QProxyStyle(key)
{
}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    if (icon == SP_LineEditClearButton)
        return NodeIcons::named(QStringLiteral("edit-clear"));
    return QProxyStyle::standardIcon(icon, option, widget);
}

QString AppStyle::baseName() const
{
    return baseStyle() ? baseStyle()->name() : name();
}
