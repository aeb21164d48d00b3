// ThemeManager: an empty QPalette given to QApplication::setPalette resolves to the platform's
// palette and leaves the palette unset, so System follows the desktop again (dark included).
#include "thememanager.h"

#include "applogging.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace {
const QString kFusion = QStringLiteral("Fusion");
}

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
{
    if (QApplication::style())
        m_systemStyle = QApplication::style()->name();
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
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(style);
    switch (theme) {
    case Theme::System: QApplication::setPalette(QPalette()); break;
    case Theme::Light: QApplication::setPalette(lightPalette()); break;
    case Theme::Dark: QApplication::setPalette(darkPalette()); break;
    }
    qCInfo(lcApp) << "theme" << name(theme);
    if (theme != m_theme) {
        m_theme = theme;
        emit themeChanged(theme);
    }
}
