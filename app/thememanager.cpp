// ThemeManager: an empty QPalette given to QApplication::setPalette resolves to the platform's
// palette and leaves the palette unset, so System follows the desktop again (dark included).
#include "thememanager.h"

#include "applogging.h"
#include "appstyle.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace {
const QString kFusion = QStringLiteral("Fusion");
}

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
{
    m_systemStyle = currentStyleName();
    // Tenantry's icons over the desktop's style from the start (AppStyle).
    if (!qobject_cast<AppStyle *>(QApplication::style()))
        QApplication::setStyle(new AppStyle(m_systemStyle));
    // The desktop changing its palette under System reaches the application object only.
    qApp->installEventFilter(this);
}

void ThemeManager::propagate()
{
    // Qt 6.4's QApplication::setPalette() updates the application palette but sends
    // ApplicationPaletteChange to no widget (seen offscreen and on xcb), so widgets kept the
    // old colours. Each widget re-resolves its palette on this event; sending it twice is
    // harmless.
    if (m_propagating)
        return;
    m_propagating = true;
    QEvent event(QEvent::ApplicationPaletteChange);
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets)
        QCoreApplication::sendEvent(widget, &event);
    m_propagating = false;
}

bool ThemeManager::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        propagate();
    return QObject::eventFilter(watched, event);
}

QString ThemeManager::currentStyleName()
{
    const QStyle *style = QApplication::style();
    if (const auto *app = qobject_cast<const AppStyle *>(style))
        return app->baseName();
    return style ? style->name() : QString();
}

QString ThemeManager::name(Theme theme)
{
    switch (theme) {
    case Theme::System: return QStringLiteral("system");
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

std::optional<ThemeManager::Theme> ThemeManager::fromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        if (n == ThemeManager::name(t))
            return t;
    return std::nullopt;
}

QPalette ThemeManager::lightPalette()
{
    // Fusion's own light palette: complete, every group.
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(kFusion));
    QPalette pal = fusion ? fusion->standardPalette() : QPalette(QColor(0xefefef));
    pal.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    return pal;
}

QPalette ThemeManager::darkPalette()
{
    const QColor window(0x32, 0x32, 0x32), base(0x24, 0x24, 0x24), text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette pal(text, window, QColor(0x4a, 0x4a, 0x4a), QColor(0x1a, 0x1a, 0x1a), QColor(0x2a, 0x2a, 0x2a), text, base);
    pal.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    pal.setColor(QPalette::ButtonText, text);
    pal.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
    pal.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    pal.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2c, 0x2c));
    pal.setColor(QPalette::ToolTipBase, QColor(0x40, 0x40, 0x40));
    pal.setColor(QPalette::ToolTipText, text);
    pal.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    pal.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    pal.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc4));
    pal.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    pal.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    pal.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        pal.setColor(QPalette::Disabled, role, disabledText);
    pal.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    pal.setColor(QPalette::Disabled, QPalette::Base, window);
    pal.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3c, 0x4f, 0x6a));
    return pal;
}

void ThemeManager::apply(Theme theme)
{
    const bool forced = theme != Theme::System;
    const QString style = forced || m_systemStyle.isEmpty() ? kFusion : m_systemStyle;
    if (currentStyleName().compare(style, Qt::CaseInsensitive) != 0 || !qobject_cast<AppStyle *>(QApplication::style()))
        QApplication::setStyle(new AppStyle(style));
    switch (theme) {
    case Theme::System: QApplication::setPalette(QPalette()); break;
    case Theme::Light: QApplication::setPalette(lightPalette()); break;
    case Theme::Dark: QApplication::setPalette(darkPalette()); break;
    }
    propagate();
    qCInfo(lcApp) << "theme" << name(theme);
    if (theme != m_theme) {
        m_theme = theme;
        emit themeChanged(theme);
    }
}
