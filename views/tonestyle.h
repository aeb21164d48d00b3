// ToneStyle: gives a widget a ThemeColors tone (its text, or a message box look) and keeps it
// right when the theme changes, since a colour set on a widget does not follow the palette.
#pragma once

#include "models/themecolors.h"

#include <QHash>
#include <QObject>
#include <QPalette>

#include <functional>
#include <optional>

class QWidget;

class ToneStyle final : public QObject
{
    Q_OBJECT
public:
    using Tone = ThemeColors::Tone;

    // Runs `apply` now and whenever the application palette changes, until the widget goes.
    // A later call with the same `key` replaces the earlier function.
    static void follow(QWidget *widget, const QString &key, std::function<void()> apply);
    // The widget's text (WindowText, Text, ButtonText) in `tone`; nullopt: the palette's own.
    static void setText(QWidget *widget, std::optional<Tone> tone);
    // A framed message box: the tone's soft background, border and text.
    static void setBox(QWidget *widget, Tone tone);
    // The palette a tone is computed against: the parent's (or the application's), not the
    // widget's own, which holds the tone already set.
    static QPalette basePalette(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ToneStyle(QWidget *widget);
    void applyAll();

    QHash<QString, std::function<void()>> m_apply;
    bool m_applying = false;
};
