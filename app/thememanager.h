// ThemeManager: View → Theme (System / Light / Dark). System is the desktop's own style and
// palette; Light and Dark are complete palettes under Fusion, which honours every role.
#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

#include <optional>

class ThemeManager final : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    // Remembers the style the application started with (System goes back to it).
    explicit ThemeManager(QObject *parent = nullptr);

    // Stored and typed by name ("system", "light", "dark"), as settings keep enums.
    static QString name(Theme theme);
    static std::optional<Theme> fromName(const QString &name);

    // The style running, under Tenantry's AppStyle wrapper ("fusion", "breeze"…).
    static QString currentStyleName();

    static QPalette lightPalette();
    static QPalette darkPalette();

    Theme theme() const { return m_theme; }
    // Applies at once, without a restart: style and palette of the whole application.
    void apply(Theme theme);

signals:
    void themeChanged(ThemeManager::Theme theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Every widget re-resolves its palette from the application's.
    void propagate();
    bool m_propagating = false;
    QString m_systemStyle;
    Theme m_theme = Theme::System;
};
